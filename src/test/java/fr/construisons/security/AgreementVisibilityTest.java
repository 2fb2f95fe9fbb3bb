package fr.construisons.security;

import static fr.construisons.incubation.Incubation.Elements.TASK_AGREE_ON_WORKING_TIME;
import static fr.construisons.incubation.Incubation.Elements.TASK_CARRY_WORKSTREAM;
import static fr.construisons.incubation.Incubation.Elements.TASK_FORM_PROJECT_TEAM;
import static fr.construisons.incubation.Incubation.Elements.TASK_MEDIATE_AGREEMENT;
import static fr.construisons.incubation.Incubation.Elements.TASK_REVIEW_WORKSTREAM;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.AGENT_MAIL;
import static fr.construisons.support.IdeaScenario.MANAGER;
import static fr.construisons.support.IdeaScenario.TEAM_MEMBER;
import static fr.construisons.support.IdeaScenario.agreement;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static fr.construisons.support.IdeaScenario.projectTeam;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.construisons.incubation.Incubation;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The line manager's answer on working time (share of time, conditions, decision, comment, the
 * team's mediation) is seen by the manager, the intrapreneur, the innovation team and general
 * management, never by the experts who review a workstream of the same incubation: over HTTP, as
 * each of them signed in, on every API that reads process variables.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class AgreementVisibilityTest {

  private static final String EXPERT = "jeanne";
  private static final String CONDITIONS = "Hors période de rentrée scolaire.";
  private static final String REFUSAL = "Le service est en sous-effectif jusqu'en mars.";
  private static final String PROPOSAL = "Dix pour cent du temps à partir d'avril, service au complet.";
  /** The manager's answer and the team's mediation, by name or value: none may reach an expert. */
  private static final List<String> AGREEMENT_DETAILS = List.of(Incubation.TIME_SHARE,
      Incubation.TIME_SHARE_UNIT.name(), Incubation.AGREEMENT_CONDITIONS.name(),
      Incubation.AGREEMENT_DECISION.name(), Incubation.AGREEMENT_COMMENT.name(),
      CONDITIONS, REFUSAL, PROPOSAL, "COUNTER_PROPOSAL", "REFUSE", "NEW_PROPOSAL");
  /** Leave the agreement's sub-process for an incubation that does not start; empty otherwise. */
  private static final List<String> MEDIATION = List.of(
      Incubation.MEDIATION_DECISION.name(), Incubation.MEDIATION_NOTE.name());

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired ProcessEngine engine;

  private ProcessInstance incubation;

  @BeforeEach
  void incubate() {
    incubation = scenario.incubated(scenario.submit(AGENT, ideaForm(true, "education")));
  }

  /** The manager refuses, the team proposes again, the manager agrees: every detail exists. */
  private void agreeAfterMediation() {
    refuse();
    scenario.complete(incubation, TASK_MEDIATE_AGREEMENT, Map.of(
        Incubation.MEDIATION_DECISION.name(), "NEW_PROPOSAL", Incubation.MEDIATION_NOTE.name(), PROPOSAL));
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("AGREE"));
  }

  private void refuse() {
    Map<String, Object> refusal = new java.util.HashMap<>(agreement("REFUSE"));
    refusal.put(Incubation.AGREEMENT_COMMENT.name(), REFUSAL);
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, refusal);
  }

  private Task reviewOf(String expert) {
    return scenario.tasks(incubation, TASK_REVIEW_WORKSTREAM).stream()
        .filter(task -> expert.equals(task.getAssignee())).findFirst()
        .orElseThrow(() -> new AssertionError("No review task for " + expert));
  }

  @Test
  void anExpertReviewingAWorkstreamReadsNoneOfTheAgreementDetails() {
    agreeAfterMediation();
    scenario.complete(incubation, TASK_FORM_PROJECT_TEAM, projectTeam());
    for (Task carry : scenario.tasks(incubation, TASK_CARRY_WORKSTREAM)) {
      scenario.completeTask(carry, Map.of(Incubation.DELIVERABLE_SUMMARY.name(),
          "Livrable du volet : analyse détaillée et recommandations."));
    }
    String review = reviewOf(EXPERT).getId();
    String instance = incubation.getId();
    Http rest = Http.anonymous(port).as(EXPERT);
    Http tasklist = Http.anonymous(port).webappSession(EXPERT, "tasklist");
    String tasklistApi = "/camunda/api/engine/engine/default";

    Map<String, Http.Response> answers = new java.util.LinkedHashMap<>();
    try (EngineAuthorization checks = EngineAuthorization.enabled(engine)) {
      answers.put("REST task variables", rest.get("/engine-rest/task/" + review + "/variables"));
      answers.put("REST task form variables", rest.get("/engine-rest/task/" + review + "/form-variables"));
      answers.put("REST process-instance variables", rest.get("/engine-rest/process-instance/" + instance + "/variables"));
      answers.put("REST variable instances", rest.get("/engine-rest/variable-instance?maxResults=1000&processInstanceIdIn=" + instance));
      answers.put("REST variable instances (all)", rest.get("/engine-rest/variable-instance?maxResults=1000"));
      answers.put("REST historic variables", rest.get("/engine-rest/history/variable-instance?maxResults=1000&processInstanceId=" + instance));
      answers.put("REST historic variables (all)", rest.get("/engine-rest/history/variable-instance?maxResults=1000"));
      answers.put("REST historic details", rest.get("/engine-rest/history/detail?maxResults=1000&processInstanceId=" + instance));
      answers.put("REST historic details (all)", rest.get("/engine-rest/history/detail?maxResults=1000"));
      answers.put("Tasklist task variables", tasklist.get(tasklistApi + "/task/" + review + "/variables"));
      answers.put("Tasklist task form variables", tasklist.get(tasklistApi + "/task/" + review + "/form-variables"));
    }

    answers.forEach((endpoint, answer) -> System.out.println("[agreement] " + EXPERT + " " + endpoint + ": " + answer));
    assertThat(answers.get("REST task form variables").status()).as("the expert works on the review").isEqualTo(200);
    assertThat(answers.get("REST task form variables").json().path(Incubation.DELIVERABLE_SUMMARY.name())
        .path("value").asText()).as("the review form shows the deliverable").startsWith("Livrable du volet");
    answers.forEach((endpoint, answer) -> {
      assertThat(answer.body()).as(endpoint + " for " + EXPERT).doesNotContain(AGREEMENT_DETAILS);
      if (answer.status() == 200 && answer.json().isObject()) {
        MEDIATION.forEach(name -> assertThat(answer.json().path(name).hasNonNull("value"))
            .as(endpoint + " for " + EXPERT + ": " + name).isFalse());
      }
    });
    assertThat(answers.get("REST task variables").json().path(Incubation.START_DATE.name()).path("value").asText())
        .as("the period is the incubation's, for its timers and the team's mails").isEqualTo("2027-01-04");
  }

  @Test
  void theManagerAndTheTeamReadTheAgreementWhereTheyWorkOnIt() {
    refuse();
    Task mediation = scenario.task(incubation, TASK_MEDIATE_AGREEMENT);
    JsonNode mediationForm;
    try (EngineAuthorization checks = EngineAuthorization.enabled(engine)) {
      mediationForm = json(Http.anonymous(port).as(TEAM_MEMBER)
          .get("/engine-rest/task/" + mediation.getId() + "/form-variables"));
    }
    assertThat(mediationForm.path(Incubation.AGREEMENT_DECISION.name()).path("value").asText()).isEqualTo("REFUSE");
    assertThat(mediationForm.path(Incubation.AGREEMENT_COMMENT.name()).path("value").asText()).isEqualTo(REFUSAL);
    assertThat(mediationForm.path(Incubation.TIME_SHARE).hasNonNull("value"))
        .as("a refusal keeps no terms, even sent").isFalse();
    assertThat(mediationForm.path(Incubation.AGREEMENT_CONDITIONS.name()).hasNonNull("value")).isFalse();

    scenario.completeTask(mediation, Map.of(
        Incubation.MEDIATION_DECISION.name(), "NEW_PROPOSAL", Incubation.MEDIATION_NOTE.name(), PROPOSAL));
    Task secondRound = scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME);
    JsonNode managerForm;
    try (EngineAuthorization checks = EngineAuthorization.enabled(engine)) {
      managerForm = json(Http.anonymous(port).webappSession(MANAGER, "tasklist")
          .get("/camunda/api/engine/engine/default/task/" + secondRound.getId() + "/form-variables"));
    }
    assertThat(managerForm.path(Incubation.MEDIATION_NOTE.name()).path("value").asText())
        .as("the manager reads the team's new proposal").isEqualTo(PROPOSAL);
    assertThat(managerForm.path(Incubation.TIME_SHARE).hasNonNull("value"))
        .as("a refusal stated no terms: none to start from").isFalse();
    assertThat(managerForm.path(Incubation.AGREEMENT_DECISION.name()).hasNonNull("value"))
        .as("but answers afresh").isFalse();

    MailServer.purge();
    scenario.completeTask(secondRound, agreement("AGREE"));
    Task formation = scenario.task(incubation, TASK_FORM_PROJECT_TEAM);
    JsonNode formationForm;
    JsonNode variables;
    JsonNode details;
    try (EngineAuthorization checks = EngineAuthorization.enabled(engine)) {
      Http team = Http.anonymous(port).as(TEAM_MEMBER);
      formationForm = json(team.get("/engine-rest/task/" + formation.getId() + "/form-variables"));
      variables = json(team.get("/engine-rest/history/variable-instance?maxResults=1000&processInstanceId=" + incubation.getId()));
      details = json(team.get("/engine-rest/history/detail?maxResults=1000&processInstanceId=" + incubation.getId()));
    }
    assertThat(formationForm.path(Incubation.TIME_SHARE).path("value").asInt())
        .as("the team forms the project team knowing the time agreed").isEqualTo(20);
    assertThat(variables.toString()).as("the team monitors the incubation's variables (Cockpit)")
        .contains("\"name\":\"" + Incubation.TIME_SHARE + "\"", CONDITIONS);
    assertThat(details.toString()).as("and every answer of every round in its history")
        .contains(REFUSAL, PROPOSAL);

    String toIntrapreneur = MailServer.text(MailServer.to(AGENT_MAIL).get(0));
    assertThat(toIntrapreneur).as("the intrapreneur is told the terms agreed")
        .contains("20 % du temps de travail", "6 mois", CONDITIONS);
  }

  private static JsonNode json(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
