package fr.construisons.ideabox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How words are compared and ideas ranked, without a database. */
class SimilarIdeasTest {

  @Test
  void wordsAreComparedWithoutCaseAccentsPluralsOrLigatures() {
    assertThat(SimilarIdeas.significantWords("Vélos ÉLECTRIQUES partagés"))
        .containsExactly("velo", "electrique", "partage");
    assertThat(SimilarIdeas.significantWords("velo electrique partage"))
        .isEqualTo(SimilarIdeas.significantWords("Vélos ÉLECTRIQUES partagés"));
    assertThat(SimilarIdeas.significantWords("Le cœur de l'accueil")).containsExactly("coeur", "accueil");
  }

  @Test
  void stopWordsAndShortWordsAreNotSignificant() {
    assertThat(SimilarIdeas.significantWords("Les agents et la mise en place de nos outils"))
        .containsExactly("agent", "mise", "place", "outil");
    assertThat(SimilarIdeas.significantWords("Pour les uns avec des autres dans une sur le la")).isEmpty();
    assertThat(SimilarIdeas.significantWords(null)).isEmpty();
  }

  @Test
  void theDatabasePrefilterLetsAnAccentedLetterMatchItsPlainOne() {
    assertThat(SimilarIdeas.likePattern("velo")).isEqualTo("v_l_");
    assertThat("vélos".matches(".*" + SimilarIdeas.likePattern("velo").replace("_", ".") + ".*")).isTrue();
    assertThat(SimilarIdeas.likePattern("2026")).isEqualTo("2026");
  }

  @Test
  void aSharedTitleWordCountsMoreThanAProblemWord() {
    Set<String> typedTitle = Set.of("velo", "electrique");
    Set<String> typedProblem = Set.of("trajet", "domicile");
    double sameTitle = SimilarIdeas.score(typedTitle, typedProblem, Set.of("velo", "electrique"), Set.of());
    double sameProblem = SimilarIdeas.score(typedTitle, typedProblem, Set.of(), Set.of("trajet", "domicile"));
    double wordsInProblemOnly = SimilarIdeas.score(typedTitle, typedProblem, Set.of(), Set.of("velo", "electrique"));
    assertThat(sameTitle).isGreaterThan(wordsInProblemOnly).isGreaterThan(sameProblem);
    assertThat(sameTitle).isGreaterThanOrEqualTo(SimilarIdeas.MIN_SCORE);
  }

  @Test
  void anIdeaWithNoWordInCommonScoresNothing() {
    assertThat(SimilarIdeas.score(Set.of("velo", "electrique"), Set.of("trajet"),
        Set.of("cantine", "bio"), Set.of("repas", "college"))).isZero();
    assertThat(SimilarIdeas.score(Set.of(), Set.of(), Set.of("cantine"), Set.of())).isZero();
  }
}
