package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.PROBLEM;
import static fr.construisons.idea.IdeaLifecycle.TITLE;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idea box's search ignores case and accents, as agents type: « reunion » finds « Réunion »,
 * « ecole » finds « École », « REUNION » and « réunion » too; on H2 here and on PostgreSQL in CI's
 * second pass of the suite (the same SQL, on the normalised column the application keeps).
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class IdeaBoxSearchTest {

  @Autowired IdeaScenario scenario;
  @Autowired IdeaBoxQueries queries;
  @Autowired IdeaRepository catalogue;
  @Autowired JdbcClient jdbc;

  /** A word found in no other idea, so the search finds only this test's ideas. */
  private static String tag() {
    StringBuilder tag = new StringBuilder("zq");
    java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> tag.append((char) c));
    return tag.toString();
  }

  private String submit(String title, String problem) {
    Map<String, Object> form = ideaForm(false, "dsi");
    form.put(TITLE.name(), title);
    form.put(PROBLEM.name(), problem);
    return scenario.submit(AGENT, form).getBusinessKey();
  }

  private List<String> found(String text) {
    return queries.search(new IdeaBoxQueries.Search(text, null, null, null, 1)).ideas().stream()
        .map(PublicIdea::reference).toList();
  }

  @Test
  void accentsAndCaseAreIgnoredInTitlesProblemsAndSolutions() {
    String tag = tag();
    String meeting = submit("Réunion d'équipe sans écran " + tag,
        "Les réunions hebdomadaires durent trop longtemps pour tous les agents du service.");
    String school = submit("Cantine partagée " + tag,
        "Chaque École du secteur commande ses repas séparément, à des prix très différents.");

    assertThat(found("reunion " + tag)).containsExactly(meeting);
    assertThat(found("REUNION " + tag)).containsExactly(meeting);
    assertThat(found("réunion " + tag)).containsExactly(meeting);
    assertThat(found("ecole " + tag)).containsExactly(school);
    assertThat(found("école " + tag)).containsExactly(school);
    assertThat(found("ÉCOLE " + tag)).containsExactly(school);
    assertThat(found("equipe ecran " + tag)).containsExactly(meeting);
    assertThat(found(tag)).containsExactlyInAnyOrder(meeting, school);
    assertThat(found("reunion ecole " + tag)).as("every word must be found").isEmpty();
  }

  @Test
  void aReferenceIsFoundWhateverItsCaseAndAReformulationIsSearchedByItsNewText() {
    String tag = tag();
    String reference = submit("Covoiturage entre sites " + tag,
        "Les agents des sites éloignés viennent seuls en voiture chaque jour.");

    assertThat(found(reference.toLowerCase())).containsExactly(reference);

    catalogue.updateContent(reference, "Navette électrique " + tag, "Les trajets entre sites coûtent cher.",
        "Une navette électrique partagée.", "Moins de CO2.", List.of("dsi"), false, Map.of());

    assertThat(found("electrique " + tag)).containsExactly(reference);
    assertThat(found("covoiturage " + tag)).isEmpty();
  }

  @Test
  void ideasCataloguedBeforeTheSearchColumnAreFoundOnceItIsFilledIn() {
    String tag = tag();
    String reference = submit("Fête des écoles " + tag, "Les écoles organisent chacune leur fête, sans moyens partagés.");
    // As a row written before the column existed.
    jdbc.sql("update idea set search_text = null where reference = :reference").param("reference", reference).update();

    catalogue.fillMissingSearchText();

    assertThat(found("fete des ecoles " + tag)).containsExactly(reference);
  }
}
