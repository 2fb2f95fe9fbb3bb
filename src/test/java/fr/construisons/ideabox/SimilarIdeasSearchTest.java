package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.ideabox.SimilarIdeas.SimilarIdea;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Similar ideas found in the real catalogue, through the database prefilter and the ranking. */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarIdeasSearchTest {

  private static final String BEEHIVES = "Ruches pédagogiques sur les toits des collèges";
  private static final String BEEHIVES_PROBLEM =
      "Les élèves découvrent peu la biodiversité, faute d'écosystème proche de leur établissement.";

  @Autowired SimilarIdeas similar;
  @Autowired IdeaScenario scenario;
  private String beehives;

  @BeforeAll
  void anIdeaWithAccentsIsFiled() {
    MailServer.get();
    MailServer.purge();
    Map<String, Object> form = IdeaScenario.ideaForm(false, "education");
    form.put(TITLE.name(), BEEHIVES);
    form.put(PROBLEM.name(), BEEHIVES_PROBLEM);
    beehives = scenario.reference(scenario.submit(IdeaScenario.AGENT, form));
  }

  @Test
  void anIdeaWrittenWithAccentsIsFoundWhenTypedWithout() {
    // Both words carry accents in the catalogue: the database prefilter must find them too.
    List<SimilarIdea> found = similar.find("pedagogique college", "");
    assertThat(found).extracting(SimilarIdea::reference).contains(beehives);
    assertThat(found.get(0).reference()).isEqualTo(beehives);
    assertThat(found.get(0).title()).isEqualTo(BEEHIVES);
    assertThat(found.get(0).stageLabel()).isNotBlank();
  }

  @Test
  void anIdeaIsFoundFromTheProblemAlone() {
    assertThat(similar.find("", "biodiversite des eleves pres de l'etablissement"))
        .extracting(SimilarIdea::reference).contains(beehives);
  }

  @Test
  void anUnrelatedIdeaIsNotSuggested() {
    assertThat(similar.find("Covoiturage entre les sites routiers", "Les trajets domicile-travail coûtent cher"))
        .extracting(SimilarIdea::reference).doesNotContain(beehives);
  }

  @Test
  void stopWordsAloneFindNothing() {
    assertThat(similar.find("les des sur pour", "dans une avec les")).isEmpty();
    assertThat(similar.find("", null)).isEmpty();
  }

  @Test
  void atMostFiveIdeasAreSuggested() {
    // "Relais-colis" is the title of the scenario's standard idea, filed by many tests.
    for (int i = 0; i < SimilarIdeas.MAX_RESULTS + 1; i++) {
      scenario.submit(IdeaScenario.AGENT, IdeaScenario.ideaForm(false, "dsi"));
    }
    assertThat(similar.find("relais colis implantations", "")).hasSize(SimilarIdeas.MAX_RESULTS);
  }
}
