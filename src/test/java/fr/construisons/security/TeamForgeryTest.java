package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.incubation.Incubation.Elements.TASK_AGREE_ON_WORKING_TIME;
import static fr.construisons.incubation.Incubation.Elements.TASK_FORM_PROJECT_TEAM;
import static fr.construisons.security.Forgery.formBody;
import static fr.construisons.security.Forgery.restVariables;
import static fr.construisons.security.Forgery.text;
import static fr.construisons.security.Forgery.typed;
import static fr.construisons.security.Forgery.with;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.TEAM_MEMBER;
import static fr.construisons.support.IdeaScenario.agreement;
import static fr.construisons.support.IdeaScenario.clarification;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static fr.construisons.support.IdeaScenario.projectTeam;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.incubation.Incubation;
import fr.construisons.privacy.requests.PersonalDataRequest;
import fr.construisons.security.Forgery.Snapshot;
import fr.construisons.support.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A member of the innovation team (léa) monitors every instance and runs the clarification call,
 * the project team and the personal-data requests. She cannot decide in general management's
 * place through the call's form, work on her own idea or request, put the intrapreneur on her own
 * project team, or write variables outside a form.
 */
class TeamForgeryTest extends ForgeryTest {

  /** An expert of the legal workstream who also has an idea to carry. */
  static final String LEGAL_EXPERT = "jeanne";

  @Test
  void theClarificationCallCannotScoreNorOrientTheIdea() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "education"));
    Task call = scenario.task(idea, TASK_CLARIFY_IDEA);
    Snapshot before = snapshot(idea.getBusinessKey(), idea.getId());

    Map<String, Object> forged = with(restVariables(clarification("FITS")),
        IdeaLifecycle.STRATEGIC_IMPACT.name(), typed(4, "Integer"),
        IdeaLifecycle.ORIENTATION.name(), text("EXPERIMENT"));
    Http.Response response = as(TEAM_MEMBER).postJson(REST + "/task/" + call.getId() + "/submit-form", formBody(forged));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("les champs « strategicImpact », « orientation »", "Mener l'appel de clarification");
    Forgery.assertUnchanged(before, snapshot(idea.getBusinessKey(), idea.getId()), "scores set at the call");
  }

  @Test
  void theIdeatorsNameOnTheCallIsReadButNeverWritten() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "education"));
    Task call = scenario.task(idea, TASK_CLARIFY_IDEA);
    Snapshot before = snapshot(idea.getBusinessKey(), idea.getId());

    Http.Response read = as(TEAM_MEMBER).get(REST + "/task/" + call.getId() + "/form-variables");
    Http.Response submitted = as(TEAM_MEMBER).postJson(REST + "/task/" + call.getId() + "/submit-form",
        formBody(with(restVariables(clarification("FITS")), IdeaLifecycle.IDEATOR_NAME.name(), text("Quelqu'un d'autre"))));
    Http.Response written = as(TEAM_MEMBER).put(REST + "/task/" + call.getId() + "/localVariables/"
        + IdeaLifecycle.IDEATOR_NAME.name(), "application/json", BodyPublishers.ofString(Http.toJson(text("Quelqu'un d'autre"))));

    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().path(IdeaLifecycle.IDEATOR_NAME.name()).path("value").asText()).isEqualTo("Camille Martin");
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(400);
    assertThat(submitted.message()).contains("le champ « ideatorName »");
    assertThat(written.status()).as(written.toString()).isEqualTo(403);
    assertThat(engine.getTaskService().getVariableLocal(call.getId(), IdeaLifecycle.IDEATOR_NAME.name()))
        .isEqualTo("Camille Martin");
    Forgery.assertUnchanged(before, snapshot(idea.getBusinessKey(), idea.getId()), "the ideator's name rewritten");
  }

  @Test
  void sheDoesNotClarifyHerOwnIdea() {
    ProcessInstance own = scenario.submit(TEAM_MEMBER, ideaForm(false, "education"));
    Task call = scenario.task(own, TASK_CLARIFY_IDEA);
    Snapshot before = snapshot(own.getBusinessKey(), own.getId());

    Http.Response claim = as(TEAM_MEMBER).postJson(REST + "/task/" + call.getId() + "/claim", Map.of("userId", TEAM_MEMBER));
    Http.Response completion = tasklistAs(TEAM_MEMBER).postJson(TASKLIST_API + "/task/" + call.getId() + "/submit-form",
        formBody(restVariables(clarification("FITS"))));

    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
    assertThat(claim.message()).contains("vous êtes l'auteur de cette idée", "conflit d'intérêts", "un autre membre");
    assertThat(completion.status()).as(completion.toString()).isEqualTo(400);
    assertThat(completion.message()).contains("vous êtes l'auteur de cette idée");
    Forgery.assertUnchanged(before, snapshot(own.getBusinessKey(), own.getId()), "her own clarification");
  }

  @Test
  void theIntrapreneurIsNeverOnHerOwnProjectTeam() {
    ProcessInstance incubation = scenario.incubated(scenario.submit(LEGAL_EXPERT, ideaForm(true, "rh")));
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("AGREE"));
    Task team = scenario.task(incubation, TASK_FORM_PROJECT_TEAM);
    String offered = engine.getRuntimeService().getVariable(incubation.getId(), Incubation.LEGAL_EXPERT_OPTIONS).toString();
    Snapshot before = snapshot(null, incubation.getId());

    Http.Response response = as(TEAM_MEMBER).postJson(REST + "/task/" + team.getId() + "/submit-form",
        formBody(restVariables(with(projectTeam(), Incubation.LEGAL_EXPERT.name(), LEGAL_EXPERT))));

    assertThat(offered).as("the legal experts offered").doesNotContain("\"" + LEGAL_EXPERT + "\"");
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("l'agent-intrapreneur ne peut pas être expert du volet juridique");
    Forgery.assertUnchanged(before, snapshot(null, incubation.getId()), "jeanne reviewing her own workstream");
  }

  @Test
  void sheDoesNotAnswerHerOwnPersonalDataRequest() {
    Http.Response filed = as(TEAM_MEMBER).postJson(REST + "/process-definition/key/personal-data-request/submit-form",
        formBody(Map.of(PersonalDataRequest.REQUEST_KIND.name(), text("CORRECTION"),
            PersonalDataRequest.REQUEST_TEXT.name(), text("Mon nom est mal orthographié dans mes idées."))));
    assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
    String instance = filed.json().path("id").asText();
    Task answer = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    Snapshot before = snapshot(null, instance);

    Http.Response claim = as(TEAM_MEMBER).postJson(REST + "/task/" + answer.getId() + "/claim", Map.of("userId", TEAM_MEMBER));
    Http.Response completion = as(TEAM_MEMBER).postJson(REST + "/task/" + answer.getId() + "/submit-form",
        formBody(Map.of("requestAnswer", text("ACCEPTED"), PersonalDataRequest.ANSWER_TEXT.name(),
            text("Votre nom est corrigé dans toutes vos idées."))));

    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
    assertThat(claim.message()).contains("c'est votre propre demande");
    assertThat(completion.status()).as(completion.toString()).isEqualTo(400);
    assertThat(completion.message()).contains("c'est votre propre demande");
    Forgery.assertUnchanged(before, snapshot(null, instance), "her own request answered");
  }

  @Test
  void sheMonitorsEveryInstanceButWritesNoVariable() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "education"));
    Snapshot before = snapshot(idea.getBusinessKey(), idea.getId());

    Http.Response query = as(TEAM_MEMBER).postJson(REST + "/process-instance?maxResults=10", Map.of("businessKey", idea.getBusinessKey()));
    Http.Response history = as(TEAM_MEMBER).postJson(REST + "/history/process-instance/count",
        Map.of("processInstanceBusinessKey", idea.getBusinessKey()));
    Http.Response write = as(TEAM_MEMBER).put(REST + "/process-instance/" + idea.getId() + "/variables/ideator",
        "application/json", BodyPublishers.ofString(Http.toJson(text(TEAM_MEMBER))));
    Http.Response cockpitWrite = Http.anonymous(port).webappSession(TEAM_MEMBER, "cockpit").postJson(
        TASKLIST_API + "/process-instance/" + idea.getId() + "/variables",
        Map.of("modifications", Map.of("title", text("Titre corrigé par l'équipe"))));
    Http.Response metrics = as(TEAM_MEMBER).get(REST + "/metrics");
    // Cockpit's task page and the Welcome app search groups by POST: a read, served.
    Http.Response groups = Http.anonymous(port).webappSession(TEAM_MEMBER, "cockpit")
        .postJson(TASKLIST_API + "/group?maxResults=25&firstResult=0", Map.of("member", TEAM_MEMBER));

    assertThat(query.status()).as(query.toString()).isEqualTo(200);
    assertThat(query.json().size()).isEqualTo(1);
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(history.json().path("count").asLong()).isEqualTo(1);
    assertThat(write.status()).as(write.toString()).isEqualTo(403);
    assertThat(write.message()).contains("réservée aux administrateurs");
    assertThat(cockpitWrite.status()).as(cockpitWrite.toString()).isEqualTo(403);
    assertThat(cockpitWrite.message()).contains("réservée aux administrateurs");
    assertThat(metrics.status()).as(metrics.toString()).isEqualTo(403);
    assertThat(groups.status()).as(groups.toString()).isEqualTo(200);
    Forgery.assertUnchanged(before, snapshot(idea.getBusinessKey(), idea.getId()), "the team's direct writes");
  }
}
