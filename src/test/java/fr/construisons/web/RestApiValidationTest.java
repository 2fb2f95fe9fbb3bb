package fr.construisons.web;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.*;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.TEAM_MEMBER;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The REST API holds form submissions to the rules of the forms: what Tasklist would refuse is
 * refused over HTTP too, with the French message, and nothing is stored. Callers authenticate with
 * HTTP Basic (see {@code fr.construisons.security}), so an agent starting an idea through the API
 * is its ideator, as in Tasklist.
 */
@ProcessTest
class RestApiValidationTest {

  private static final String START_FORM =
      "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired IdeaRepository catalogue;
  @Autowired IdeaScenario scenario;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    // The registration jobs of test c send mail.
    MailServer.get();
    MailServer.purge();
  }

  /** A valid "Déposer une idée" form in the JSON of the REST API. */
  private static Map<String, Object> validIdea() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(TITLE.name(), string("Covoiturage entre sites du Département"));
    variables.put(PROBLEM.name(), string("Les agents des sites éloignés viennent seuls en voiture chaque jour."));
    variables.put(SOLUTION.name(), string("Une bourse de covoiturage interne, affichée dans chaque implantation."));
    variables.put(BENEFITS.name(), string("Moins de frais pour les agents et moins de CO2."));
    variables.put(IDEATOR_DIRECTORATE.name(), string("mobilites"));
    variables.put(IMPACTED_DIRECTORATES, Map.of("value", "[\"mobilites\",\"rh\"]", "type", "Json"));
    variables.put(WANTS_TO_CARRY.name(), Map.of("value", false, "type", "Boolean"));
    return variables;
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), headers), JSON_OBJECT);
  }

  private long ideaInstancesEverStarted() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  @Test
  void anInvalidStartFormIsRefusedInFrenchAndNothingIsStored() {
    long ideasBefore = catalogue.count();
    long instancesBefore = ideaInstancesEverStarted();
    Map<String, Object> variables = validIdea();
    variables.put(TITLE.name(), string("Oui"));
    variables.remove(SOLUTION.name());

    ResponseEntity<Map<String, Object>> response = post(AGENT, START_FORM, variables);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).isNotNull();
    assertThat((String) response.getBody().get("message"))
        .contains("Le formulaire ne peut pas être enregistré")
        .contains("« Titre de l'idée » doit contenir au moins 5 caractères")
        .contains("« Solution proposée » est obligatoire");
    assertThat(catalogue.count()).isEqualTo(ideasBefore);
    assertThat(ideaInstancesEverStarted()).as("no instance, not even a rolled-back one in history")
        .isEqualTo(instancesBefore);
  }

  @Test
  void aValidStartFormByAnAuthenticatedAgentStartsHerIdea() {
    long ideasBefore = catalogue.count();

    ResponseEntity<Map<String, Object>> response = post(AGENT, START_FORM, validIdea());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId((String) response.getBody().get("id")).singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance).variables().containsEntry(IDEATOR.name(), AGENT);
    scenario.runJobs();
    assertThat(instance).isWaitingAt(TASK_CLARIFY_IDEA);
    assertThat(catalogue.count()).isEqualTo(ideasBefore + 1);
    assertThat(catalogue.find(scenario.reference(instance))).hasValueSatisfying(
        idea -> assertThat(idea.ideator()).isEqualTo(AGENT));
  }

  @Test
  void aTaskCompletionBypassingTheFormIsRefusedThenAValidOneMovesTheIdeaOn() {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "dsi"));
    Task call = scenario.task(instance, TASK_CLARIFY_IDEA);
    assertThat(call).as("the clarification call is open").isNotNull();
    String submitForm = "/engine-rest/task/" + call.getId() + "/submit-form";

    // The clarification call is the innovation team's task.
    ResponseEntity<Map<String, Object>> refused =
        post(TEAM_MEMBER, submitForm, Map.of(CLARIFICATION_OUTCOME.name(), Map.of("value", "MAYBE")));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .contains("Le formulaire ne peut pas être enregistré")
        .contains("« Issue de l'appel » doit valoir FITS, REFORMULATE, OUT_OF_SCOPE")
        .contains("« Notes de l'appel » est obligatoire");
    assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("the task stays open").isEqualTo(1);
    assertThat(instance).isWaitingAt(TASK_CLARIFY_IDEA);
    assertThat(instance).variables().doesNotContainKey(CLARIFICATION_OUTCOME.name());

    ResponseEntity<Map<String, Object>> accepted = post(TEAM_MEMBER, submitForm, Map.of(
        CLARIFICATION_OUTCOME.name(), string("FITS"),
        CLARIFICATION_NOTES.name(), string("Appel du 4 décembre : idée claire, à examiner en revue.")));

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).isZero();
    scenario.runJobs();
    assertThat(instance).hasPassed(TASK_CLARIFY_IDEA, TASK_ANNOUNCE_REVIEW).isWaitingAt(TASK_SCORE_IDEA)
        .variables().containsEntry(CLARIFICATION_OUTCOME.name(), "FITS")
        .containsEntry(STAGE.name(), "REVIEW");
  }
}
