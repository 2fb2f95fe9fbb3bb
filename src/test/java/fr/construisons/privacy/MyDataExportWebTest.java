package fr.construisons.privacy;

import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.privacy.PersonalDataLog.Action;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent's right of access over real HTTP: « Mes données » downloads everything the platform
 * holds about the signed-in agent — profile, ideas, tasks and what they decided, comments,
 * supports, the log of their data — and nothing about anybody else, whatever the request says.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class MyDataExportWebTest {

  private static final String CAMILLE_COMMENT = "=Excellente idée, commentaire de Camille pour l'export";
  private static final String KARIM_COMMENT = "Commentaire de Karim, qui n'appartient qu'à lui";
  private static final String LEA_NOTES = "Notes de Léa pendant l'appel de clarification, pour l'export";

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired TaskService tasks;
  @Autowired PersonalDataLog log;

  private String camillesIdea;
  private String karimsIdea;

  @BeforeEach
  void agentsLeaveTraces() {
    ProcessInstance camilles = scenario.submit(AGENT, ideaForm(false, "dsi"));
    camillesIdea = camilles.getBusinessKey();
    karimsIdea = scenario.submit("karim", ideaForm(false, "education")).getBusinessKey();

    Task call = scenario.task(camilles, TASK_CLARIFY_IDEA);
    tasks.claim(call.getId(), "lea");
    scenario.completeTask(call, Map.of(IdeaLifecycle.CLARIFICATION_OUTCOME.name(), "FITS",
        IdeaLifecycle.CLARIFICATION_NOTES.name(), LEA_NOTES));

    Http camille = Http.signedIn(port, "camille");
    camille.get("/idees/" + karimsIdea);
    camille.post("/idees/" + karimsIdea + "/commentaires", Map.of("commentaire", CAMILLE_COMMENT));
    camille.get("/idees/" + karimsIdea);
    camille.post("/idees/" + karimsIdea + "/soutien", Map.of("soutenir", "oui"));
    Http karim = Http.signedIn(port, "karim");
    karim.get("/idees/" + camillesIdea);
    karim.post("/idees/" + camillesIdea + "/commentaires", Map.of("commentaire", KARIM_COMMENT));
  }

  private static List<String> values(JsonNode export, String category) {
    List<String> values = new ArrayList<>();
    for (JsonNode entry : export.get("donnees")) {
      if (entry.get("rubrique").asText().equals(category)) {
        values.add(entry.get("reference").asText() + " | " + entry.get("donnee").asText() + " | " + entry.get("valeur").asText());
      }
    }
    return values;
  }

  private JsonNode exportOf(String user, String path) throws Exception {
    Http.Response download = Http.signedIn(port, user).get(path);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(download.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    return new ObjectMapper().readTree(download.body());
  }

  @Test
  void theJsonExportHoldsAllOfTheAgentsDataAndNobodyElses() throws Exception {
    JsonNode export = exportOf("camille", "/mes-donnees/export.json");

    assertThat(export.get("agent").asText()).isEqualTo("camille");
    assertThat(values(export, "Profil")).contains("null | identifiant | camille", "null | prénom | Camille",
        "null | nom | Martin", "null | courriel | camille.martin@departement.example",
        "null | responsable hiérarchique | Sophie Petit");
    assertThat(values(export, "Idée déposée")).contains(camillesIdea + " | titre | Relais-colis dans nos implantations",
        camillesIdea + " | nom affiché avec l'idée | non");
    // In French, not the codes the tables hold.
    assertThat(values(export, "Idée déposée")).anyMatch(v -> v.startsWith(camillesIdea + " | étape | En "))
        .noneMatch(v -> v.matches(".* \\| étape \\| [A-Z_]+$"));
    assertThat(values(export, "Journal de vos données")).isNotEmpty()
        .noneMatch(v -> v.matches("[^|]* \\| [A-Z_]+ \\| .*"));
    assertThat(values(export, "Commentaire")).contains(karimsIdea + " | texte | " + CAMILLE_COMMENT);
    assertThat(values(export, "Soutien")).contains(karimsIdea + " | soutien | oui");
    assertThat(export.toString()).doesNotContain(KARIM_COMMENT, LEA_NOTES, "karim.")
        .doesNotContain(karimsIdea + " | titre");
    assertThat(values(export, "Idée déposée")).noneMatch(v -> v.startsWith(karimsIdea));
  }

  @Test
  void theTeamMembersExportHoldsTheTasksTheyCompletedAndWhatTheyDecided() throws Exception {
    JsonNode export = exportOf("lea", "/mes-donnees/export.json");

    // The task by its label in the model: a task's name in Tasklist may name someone else (the
    // agent whose personal-data request the team member handled), whose name is not hers to export.
    assertThat(values(export, "Tâche accomplie")).contains(camillesIdea + " | tâche | Mener l'appel de clarification");
    assertThat(values(export, "Tâche accomplie")).noneMatch(v -> v.contains("«") || v.contains("Camille"));
    // Each field by its label in the task's deployed form (clarify-idea), a choice by its option's.
    assertThat(values(export, "Décision ou saisie")).contains(
        camillesIdea + " | Suite à donner à l'idée | La solution répond au problème : l'idée passe en revue en "
            + "direction générale",
        camillesIdea + " | Notes de l'appel | " + LEA_NOTES);
    assertThat(values(export, "Décision ou saisie")).noneMatch(v -> v.contains(IdeaLifecycle.CLARIFICATION_OUTCOME.name())
        || v.contains(IdeaLifecycle.CLARIFICATION_NOTES.name()) || v.endsWith("| FITS"));
    assertThat(export.toString()).doesNotContain(CAMILLE_COMMENT, KARIM_COMMENT);
  }

  @Test
  void aReformulationIsExportedWithTheFormsLabelsAndTheChosenOptionsLabels() throws Exception {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "dsi"));
    Task call = scenario.task(idea, TASK_CLARIFY_IDEA);
    tasks.claim(call.getId(), "lea");
    scenario.completeTask(call, Map.of(IdeaLifecycle.CLARIFICATION_OUTCOME.name(), "REFORMULATE",
        IdeaLifecycle.CLARIFICATION_NOTES.name(), "Précisez le problème des sites éloignés, s'il vous plaît."));
    Map<String, Object> reformulation = new java.util.HashMap<>(ideaForm(true, "dsi", "rh"));
    reformulation.remove(IdeaLifecycle.IDEATOR_DIRECTORATE.name());
    reformulation.put(IdeaLifecycle.TITLE.name(), "Relais-colis dans les sites éloignés");
    scenario.complete(idea, IdeaLifecycle.Elements.TASK_REFORMULATE_IDEA, reformulation);

    List<String> entered = values(exportOf("camille", "/mes-donnees/export.json"), "Décision ou saisie").stream()
        .filter(v -> v.startsWith(idea.getBusinessKey() + " | ")).toList();

    assertThat(entered).contains(
        idea.getBusinessKey() + " | Titre de l'idée | Relais-colis dans les sites éloignés",
        idea.getBusinessKey() + " | Directions concernées par l'idée | Direction des systèmes d'information, "
            + "Direction des ressources humaines",
        idea.getBusinessKey() + " | Je souhaite porter cette idée en tant qu'agent-intrapreneur | oui");
    assertThat(entered).noneMatch(v -> v.contains(" | " + IdeaLifecycle.TITLE.name() + " | ")
        || v.contains(IdeaLifecycle.WANTS_TO_CARRY.name()) || v.contains(IdeaLifecycle.IMPACTED_DIRECTORATES)
        || v.contains("[\""));
  }

  @Test
  void nobodyCanAskForSomebodyElsesDataAndAnonymousVisitorsGetTheLoginPage() throws Exception {
    JsonNode export = exportOf("camille", "/mes-donnees/export.json?agent=karim&utilisateur=karim");
    assertThat(export.get("agent").asText()).isEqualTo("camille");
    assertThat(export.toString()).doesNotContain(KARIM_COMMENT);

    Http.Response anonymous = Http.browser(port).get("/mes-donnees/export.json");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.location()).contains("/connexion");
  }

  @Test
  void theCsvExportIsForASpreadsheetAndEveryDownloadIsLogged() {
    int before = (int) log.of("camille").stream().filter(e -> e.action() == Action.DATA_EXPORTED).count();
    Http camille = Http.signedIn(port, "camille");
    Http.Response csv = camille.get("/mes-donnees/export.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String text = new String(csv.bytes(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFRubrique;Référence de l'idée;Donnée;Valeur;Date\r\n")
        .contains("Idée déposée;" + camillesIdea + ";titre;Relais-colis dans nos implantations;")
        // A comment a spreadsheet would evaluate is defused.
        .contains("Commentaire;" + karimsIdea + ";texte;'" + CAMILLE_COMMENT + ";")
        .doesNotContain(KARIM_COMMENT);
    camille.get("/mes-donnees/export.json");

    assertThat(log.of("camille").stream().filter(e -> e.action() == Action.DATA_EXPORTED).map(PersonalDataLog.Entry::detail))
        .hasSize(before + 2).endsWith("csv", "json");
    assertThat(log.of("karim")).noneMatch(e -> e.action() == Action.DATA_EXPORTED);
  }

  @Test
  void thePageSaysWhatIsHeldAndOffersBothDownloads() {
    String page = Http.signedIn(port, "camille").get("/mes-donnees").body();
    assertThat(page).contains("Mes données personnelles", "Idée déposée", "Commentaire", "Soutien",
        "/mes-donnees/export.json", "/mes-donnees/export.csv");
  }
}
