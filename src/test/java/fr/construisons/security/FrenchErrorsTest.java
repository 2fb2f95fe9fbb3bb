package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_OUTCOME;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.TEAM_MEMBER;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error a person can cause reads in French, whoever answers it: the engine's REST API, the
 * web applications' API that Tasklist calls, Spring (our JSON addresses, the actuator) and Tomcat
 * itself (a request it cannot even parse). The engine's errors keep Camunda's shape
 * ({@code type}, {@code message}, {@code code}) with our message alone: no English prefix naming an
 * internal id, no user id, resource id or permission name, no exception class or stack line.
 */
@ProcessTest
class FrenchErrorsTest {

  private static final String REST = "/engine-rest";
  private static final String TASKLIST_API = "/camunda/api/engine/engine/default";
  private static final String TASK_GONE =
      "Cette tâche n'existe pas ou plus : elle a peut-être déjà été traitée. Rechargez la liste des tâches.";

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;

  Http camille;
  Http lea;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
    camille = Http.anonymous(port).as(AGENT);
    lea = Http.anonymous(port).as(TEAM_MEMBER);
  }

  private Task openClarificationCall() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "dsi"));
    return scenario.task(idea, TASK_CLARIFY_IDEA);
  }

  /**
   * Camunda's shape and nothing else (plus, for a form refused by our rules, the field of each
   * problem); the message checked by each test.
   */
  private static String engineMessage(Http.Response response) {
    JsonNode body = response.json();
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).as(response.toString()).containsAnyOf("type").isSubsetOf("type", "message", "code", "fields");
    String message = body.path("message").asText();
    assertNoEnglishOrInternals(message + " " + body.path("type").asText(""));
    body.path("fields").forEach(problem -> assertNoEnglishOrInternals(problem.path("message").asText()));
    return message;
  }

  /** What must never reach a person: Camunda's English prefixes, ids, classes, stack lines. */
  private static void assertNoEnglishOrInternals(String text) {
    assertThat(text).doesNotContain("Cannot", "cannot", "does not have", "permission", "resource", "with id",
        "null", "Exception:", "java.", "org.", "at fr.", "HTTP Status", "Bad Request", "Not Found",
        "Method Not Allowed", "Tomcat", "Whitelabel");
  }

  @Test
  void aStartFormRefusedByOurRulesAnswersOurMessageAlone() {
    Map<String, Object> body = IdeaScenario.restStartForm("Oui");

    Http.Response response = camille.postJson(REST + "/process-definition/key/" + IdeaClosure.WITHDRAWAL_PROCESS_KEY
        + "/submit-form", Map.of("variables", Map.of(
            "ideaReference", Map.of("value", "CONS-2020-9999", "type", "String"),
            "withdrawalReason", Map.of("value", "Je ne souhaite plus la porter.", "type", "String"))));
    Http.Response idea = camille.postJson(REST + "/process-definition/key/idea-lifecycle/submit-form", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(engineMessage(response)).isEqualTo(
        "Le formulaire ne peut pas être enregistré : aucune idée ne porte la référence CONS-2020-9999.");
    assertThat(idea.status()).isEqualTo(400);
    assertThat(engineMessage(idea)).isEqualTo(
        "Le formulaire ne peut pas être enregistré : le champ « Titre de l'idée » doit contenir au moins 5 caractères.");
  }

  @Test
  void aRefusalNamesTheFieldOfEachProblemSoTasklistWritesItNextToTheField() {
    Map<String, Object> body = IdeaScenario.restStartForm("Oui");

    Http.Response idea = camille.postJson(REST + "/process-definition/key/idea-lifecycle/submit-form", body);

    assertThat(idea.status()).isEqualTo(400);
    assertThat(idea.json().path("fields")).hasSize(1);
    assertThat(idea.json().path("fields").get(0).path("field").asText()).isEqualTo("title");
    assertThat(idea.json().path("fields").get(0).path("message").asText())
        .isEqualTo("le champ « Titre de l'idée » doit contenir au moins 5 caractères");
  }

  @Test
  void aTaskFormRefusedInTasklistAnswersOurMessageAlone() {
    Task call = openClarificationCall();
    Http tasklist = Http.anonymous(port).webappSession(TEAM_MEMBER, "tasklist");

    Http.Response response = tasklist.postJson(TASKLIST_API + "/task/" + call.getId() + "/submit-form",
        Map.of("variables", Map.of(CLARIFICATION_OUTCOME.name(), Map.of("value", "FITS", "type", "String"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(engineMessage(response)).isEqualTo(
        "Le formulaire ne peut pas être enregistré : le champ « Notes de l'appel » est obligatoire.");
    assertThat(response.body()).doesNotContain(call.getId());
  }

  @Test
  void aMissingPermissionIsExplainedWithoutIds() {
    String definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(IdeaClosure.DUPLICATE_PROCESS_KEY).latestVersion().singleResult().getId();

    Http.Response rest = camille.get(REST + "/process-definition/" + definition + "/xml");
    Http.Response tasklist = Http.anonymous(port).webappSession(AGENT, "tasklist")
        .get(TASKLIST_API + "/process-definition/" + definition + "/xml");

    for (Http.Response response : List.of(rest, tasklist)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(403);
      assertThat(engineMessage(response)).isEqualTo("Vous n'avez pas le droit de consulter ce processus.");
      assertThat(response.json().path("type").asText()).isEqualTo("AuthorizationException");
      assertThat(response.body()).doesNotContain(AGENT, definition, IdeaClosure.DUPLICATE_PROCESS_KEY, "READ");
    }
  }

  @Test
  void aTaskCompletedByAColleagueMeanwhileIsSaidSo() {
    Task call = openClarificationCall();
    scenario.completeTask(call, IdeaScenario.clarification("FITS"));

    Http.Response submit = lea.postJson(REST + "/task/" + call.getId() + "/submit-form", Map.of("variables",
        Map.of(CLARIFICATION_OUTCOME.name(), Map.of("value", "FITS", "type", "String"))));
    Http.Response read = lea.get(REST + "/task/" + call.getId());
    Http.Response claim = lea.postJson(REST + "/task/" + call.getId() + "/claim", Map.of("userId", TEAM_MEMBER));

    for (Http.Response response : List.of(submit, read, claim)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(404);
      assertThat(engineMessage(response)).isEqualTo(TASK_GONE);
    }
  }

  @Test
  void aTaskClaimedBySomeoneElseIsSaidSo() {
    Task call = openClarificationCall();
    tasks.claim(call.getId(), "admin");

    Http.Response response = lea.postJson(REST + "/task/" + call.getId() + "/claim", Map.of("userId", TEAM_MEMBER));

    assertThat(response.status()).as(response.toString()).isEqualTo(409);
    assertThat(engineMessage(response)).isEqualTo(
        "Cette tâche est déjà prise en charge par une autre personne : rechargez la liste des tâches.");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheValueAndTheType() {
    Task call = openClarificationCall();

    Http.Response response = lea.postJson(REST + "/task/" + call.getId() + "/submit-form", Map.of("variables",
        Map.of(CLARIFICATION_OUTCOME.name(), Map.of("value", "douze", "type", "Integer"))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(engineMessage(response)).isEqualTo(
        "La valeur « douze » n'est pas du type attendu (nombre entier) : corrigez-la et recommencez.");
  }

  @Test
  void aBodyOfTheWrongShapeIsSaidSo() {
    Http.Response response = camille.postJson(REST + "/task", "{\"assignee\": [\"camille\"]}");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(engineMessage(response)).isEqualTo(
        "Le contenu de la requête ne suit pas le format attendu (champ « assignee ») : rien n'a été enregistré.");
  }

  @Test
  void aBadQueryParameterIsNamed() {
    Http.Response response = camille.get(REST + "/task?createdBefore=hier");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(engineMessage(response)).isEqualTo("Le paramètre « createdBefore » ne peut pas valoir « hier ».");
  }

  @Test
  void anUnknownAddressOfTheEngineApiIsSaidSo() {
    Http.Response response = camille.get(REST + "/pas-de-ressource");

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(engineMessage(response)).isEqualTo("Cette adresse n'existe pas.");
  }

  @Test
  void springJsonErrorsAreFrench() {
    Http.Response notFound = Http.anonymous(port).getJson("/api/pas-de-ressource");
    Http.Response notAllowed = Http.anonymous(port).postJson("/actuator/health", "{}");

    assertThat(notFound.status()).as(notFound.toString()).isEqualTo(404);
    assertThat(notFound.json().path("error").asText()).isEqualTo("Introuvable");
    assertThat(notFound.message()).isEqualTo("Cette adresse n'existe pas.");
    assertThat(notAllowed.status()).as(notAllowed.toString()).isEqualTo(405);
    assertThat(notAllowed.json().path("error").asText()).isEqualTo("Méthode non permise");
    assertThat(notAllowed.message()).isEqualTo("Cette adresse n'accepte pas cette opération.");
    for (Http.Response response : List.of(notFound, notAllowed)) {
      assertNoEnglishOrInternals(response.body());
    }
  }

  @Test
  void tomcatsOwnErrorPageIsFrench() {
    Http.RawResponse badUrl = Http.rawRequest(port, "GET /% HTTP/1.1", "Host: localhost:" + port);
    Http.RawResponse badHeader = Http.rawRequest(port, "GET /idees HTTP/1.1", "Host: localhost:" + port,
        "Mauvais en-tête sans deux-points");

    for (Http.RawResponse response : List.of(badUrl, badHeader)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(response.body()).as(response.toString())
          .contains("<html lang=\"fr\">", "Requête invalide",
              "Votre navigateur a envoyé une requête que le serveur ne comprend pas");
      assertNoEnglishOrInternals(response.body());
    }
  }
}
