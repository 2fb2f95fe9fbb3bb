package fr.construisons.ideabox;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.process.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Existing ideas that look like the one an agent is typing, so that a duplicate is caught before
 * it is filed. Words are compared without case, accents, plural marks, French stop words and short
 * words; the database only prefilters on the significant words, the ranking happens here.
 */
@Service
public class SimilarIdeas {

  /** At most this many ideas are suggested: more would not be read. */
  public static final int MAX_RESULTS = 5;
  /** Below this share of the typed words found in an idea, it is not shown. */
  static final double MIN_SCORE = 0.25;
  /** Words sent to the database, title words first; a long problem must not make a huge query. */
  private static final int MAX_QUERY_WORDS = 12;
  private static final int MAX_CANDIDATES = 300;
  private static final int MIN_WORD_LENGTH = 3;

  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  /** Letters that may carry an accent in French: a single-character wildcard in the SQL prefilter. */
  private static final Pattern ACCENTABLE = Pattern.compile("[aceiouy]");

  /**
   * French stop words (articles, pronouns, prepositions, auxiliaries), written without accents as
   * they are compared after normalisation. Words shorter than {@link #MIN_WORD_LENGTH} are dropped
   * anyway.
   */
  private static final Set<String> STOP_WORDS = Set.of(
      "les", "des", "une", "aux", "par", "pour", "avec", "sans", "sous", "sur", "dans", "entre", "vers",
      "chez", "depuis", "pendant", "avant", "apres", "contre", "selon", "que", "qui", "quoi", "dont",
      "quand", "comme", "mais", "donc", "car", "puis", "ainsi", "aussi", "plus", "moins", "tres", "trop",
      "peu", "tout", "tous", "toute", "toutes", "autre", "autres", "meme", "memes", "leur", "leurs",
      "notre", "nos", "votre", "vos", "mon", "ton", "son", "mes", "tes", "ses", "nous", "vous", "ils",
      "elle", "elles", "lui", "eux", "moi", "toi", "soi", "ceci", "cela", "celui", "celle", "ceux",
      "celles", "cette", "ces", "cet", "est", "sont", "etre", "ete", "etait", "etaient", "sera",
      "seront", "serait", "avoir", "ont", "avait", "avaient", "aura", "auront", "aurait", "fait",
      "faire", "font", "peut", "peuvent", "pouvoir", "doit", "doivent", "devoir", "faut", "pas", "non",
      "oui", "ne", "quel", "quelle", "quels", "quelles", "chaque", "certain", "certains", "certaines",
      "plusieurs", "aucun", "aucune", "deja", "encore", "toujours", "jamais", "ici", "bien", "afin",
      "lorsque", "parce", "alors", "lors", "etc", "chacun", "chacune", "beaucoup", "souvent",
      "uns", "unes", "the", "and");

  private final IdeaRepository catalogue;

  public SimilarIdeas(IdeaRepository catalogue) {
    this.catalogue = catalogue;
  }

  /** One suggestion: enough to recognise the idea and open its page. */
  public record SimilarIdea(String reference, String title, IdeaStage stage, double score) {
    public SimilarIdea {
      // Shown in the form and its JSON: see PublicIdea.
      title = Texts.withoutBidiControls(title);
    }

    public String stageLabel() {
      return stage.label();
    }
  }

  /** Up to {@link #MAX_RESULTS} ideas, most similar first; none when nothing significant was typed. */
  public List<SimilarIdea> find(String title, String problem) {
    Set<String> titleWords = significantWords(title);
    Set<String> problemWords = significantWords(problem);
    problemWords.removeAll(titleWords);
    if (titleWords.isEmpty() && problemWords.isEmpty()) {
      return List.of();
    }
    List<String> queryWords = new ArrayList<>(titleWords);
    queryWords.addAll(problemWords);
    queryWords = queryWords.subList(0, Math.min(queryWords.size(), MAX_QUERY_WORDS));

    List<String> patterns = queryWords.stream().map(word -> "%" + likePattern(word) + "%").toList();
    List<IdeaRepository.Candidate> candidates = catalogue.newestWithTitleOrProblemLike(patterns, MAX_CANDIDATES);
    return candidates.stream()
        .map(c -> new SimilarIdea(c.reference(), c.title(), c.stage(),
            score(titleWords, problemWords, significantWords(c.title()), significantWords(c.problem()))))
        .filter(s -> s.score() >= MIN_SCORE)
        .sorted(Comparator.comparingDouble(SimilarIdea::score).reversed().thenComparing(SimilarIdea::reference,
            Comparator.reverseOrder()))
        .limit(MAX_RESULTS)
        .toList();
  }

  /**
   * The weighted share of the typed words found in a candidate: a title word weighs twice a
   * problem word, and a word found in the candidate's title counts fully, in its problem only
   * partly, because titles say what an idea is about.
   */
  static double score(Set<String> typedTitle, Set<String> typedProblem, Set<String> candidateTitle,
      Set<String> candidateProblem) {
    double total = 0;
    double found = 0;
    for (String word : typedTitle) {
      total += 2;
      found += 2 * presence(word, candidateTitle, candidateProblem);
    }
    for (String word : typedProblem) {
      total += 1;
      found += presence(word, candidateTitle, candidateProblem);
    }
    return total == 0 ? 0 : found / total;
  }

  private static double presence(String word, Set<String> title, Set<String> problem) {
    if (title.contains(word)) {
      return 1;
    }
    return problem.contains(word) ? 0.6 : 0;
  }

  /** Normalised significant words, in the order typed. */
  static Set<String> significantWords(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    Arrays.stream(NOT_ALPHANUMERIC.split(normalise(text)))
        .filter(w -> w.length() >= MIN_WORD_LENGTH && !STOP_WORDS.contains(w))
        .map(SimilarIdeas::singular)
        .filter(w -> !STOP_WORDS.contains(w))
        .forEach(words::add);
    return words;
  }

  /** Lower case, accents removed ("Vélo" and "velo" are one word), ligatures spelt out. */
  static String normalise(String text) {
    return Texts.folded(text);
  }

  /**
   * "vélos" and "travaux" lose their plural mark, as agents write both forms; a word that is
   * always written with an s ("colis") loses it too, on both sides, so it still compares equal.
   */
  private static String singular(String word) {
    if (word.length() > 4 && (word.endsWith("s") || word.endsWith("x")) && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /**
   * The database compares without removing accents, so every letter that could carry one matches
   * any single character: "velo" looks for "v_l_", which finds "vélo"; the ranking is exact.
   * Normalised words hold only [a-z0-9], so nothing else needs escaping.
   */
  static String likePattern(String word) {
    return ACCENTABLE.matcher(word).replaceAll("_");
  }
}
