package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_REFORMULATE_IDEA;
import static fr.construisons.incubation.Incubation.Elements.TASK_CARRY_WORKSTREAM;
import static fr.construisons.security.Forgery.formBody;
import static fr.construisons.security.Forgery.restVariables;
import static fr.construisons.security.Forgery.text;
import static fr.construisons.security.Forgery.typed;
import static fr.construisons.security.Forgery.with;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.DG_MEMBER;
import static fr.construisons.support.IdeaScenario.clarification;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaStage;
import fr.construisons.security.Forgery.Snapshot;
import fr.construisons.support.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * An ordinary agent, signed in with her own password, tries with {@code curl} what Tasklist would
 * never send: speaking in someone else's name, rewriting or withdrawing another agent's idea,
 * choosing her own reviewers, writing variables outside any form. Each attempt is refused with a
 * French message and leaves ideas, variables, history and tasks exactly as they were.
 */
class AgentForgeryTest extends ForgeryTest {

  static final String OTHER_AGENT = "karim";
  static final String SUBMIT_IDEA = "/engine-rest/process-definition/key/idea-lifecycle/submit-form";

  Http camille() {
    return as(AGENT);
  }

  static Map<String, Object> validIdea() {
    return restVariables(with(ideaForm(false, "education"), IdeaLifecycle.SHOW_IDEATOR_NAME.name(), true));
  }

  @Test
  void aLegitimateSubmissionThroughTheRestApiStillFilesTheIdeaInHerName() {
    Http.Response response = camille().postJson(SUBMIT_IDEA, formBody(validIdea()));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    String reference = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(response.json().path("id").asText()).singleResult().getBusinessKey();
    assertThat(ideas.get(reference).ideator()).isEqualTo(AGENT);
  }

  @Test
  void anIdeaCannotBeFiledInAnotherAgentsName() {
    Snapshot before = snapshot(null);

    Http.Response response = camille().postJson(SUBMIT_IDEA,
        formBody(with(validIdea(), IdeaLifecycle.IDEATOR.name(), text(DG_MEMBER))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« ideator »").contains("Cycle de vie d'une idée", "rien n'a été enregistré");
    Forgery.assertUnchanged(before, snapshot(null), "an idea filed as paul");
  }

  @Test
  void anIdeaCannotBeFiledInAnotherAgentsNameThroughTasklistEither() {
    Http tasklist = tasklistAs(AGENT);
    Snapshot before = snapshot(null);

    Http.Response response = tasklist.postJson(
        "/camunda/api/engine/engine/default/process-definition/key/idea-lifecycle/submit-form",
        formBody(with(validIdea(), IdeaLifecycle.IDEATOR.name(), text(DG_MEMBER))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« ideator »");
    Forgery.assertUnchanged(before, snapshot(null), "an idea filed as paul from Tasklist's API");
  }

  @Test
  void theBusinessKeyIsThePlatformsToGive() {
    ProcessInstance other = scenario.submit(OTHER_AGENT, ideaForm(false, "education"));
    Snapshot before = snapshot(null);

    Map<String, Object> body = new LinkedHashMap<>(formBody(validIdea()));
    body.put("businessKey", other.getBusinessKey());
    Http.Response response = camille().postJson(SUBMIT_IDEA, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("clé métier");
    Forgery.assertUnchanged(before, snapshot(null), "a start with karim's reference as business key");
  }

  @Test
  void aBlankBusinessKeyAnUntypedObjectAndAnUnknownTaskAreRefusedToo() {
    Snapshot before = snapshot(null);
    Map<String, Object> blankKey = new LinkedHashMap<>(formBody(validIdea()));
    blankKey.put("businessKey", "   ");

    Http.Response withBlankKey = camille().postJson(SUBMIT_IDEA, blankKey);
    Http.Response withObject = camille().postJson(SUBMIT_IDEA,
        formBody(with(validIdea(), IdeaLifecycle.BENEFITS.name(), Map.of("value", Map.of("a", 1)))));
    Http.Response unknownTask = camille().postJson("/engine-rest/task/no-such-task/submit-form",
        formBody(Map.of("ideator", text(DG_MEMBER))));
    Http.Response unknownProcess = camille().postJson(
        "/engine-rest/process-definition/key/idea-lifecycle/tenant-id/..;/submit-form", formBody(validIdea()));

    assertThat(withBlankKey.status()).as(withBlankKey.toString()).isEqualTo(400);
    assertThat(withBlankKey.message()).contains("clé métier");
    assertThat(withObject.status()).as(withObject.toString()).isEqualTo(400);
    assertThat(withObject.message()).contains("« benefits »", "texte, nombre, date, booléen ou JSON");
    assertThat(unknownTask.status()).as(unknownTask.toString()).isEqualTo(404);
    assertThat(unknownTask.message()).isEqualTo(EngineErrorsInFrench.TASK_GONE);
    assertThat(unknownProcess.status()).as(unknownProcess.toString()).isIn(400, 404);
    Forgery.assertUnchanged(before, snapshot(null), "the blank key, the object and the unknown task");
  }

  @Test
  void aReformulationChangesOnlyHerOwnIdea() {
    ProcessInstance own = scenario.submit(AGENT, ideaForm(false, "education"));
    scenario.complete(own, TASK_CLARIFY_IDEA, clarification("REFORMULATE"));
    ProcessInstance karims = scenario.submit(OTHER_AGENT, ideaForm(false, "mobilites"));
    Task reformulation = scenario.task(own, TASK_REFORMULATE_IDEA);
    Snapshot ownBefore = snapshot(own.getBusinessKey(), own.getId());
    Snapshot karimsBefore = snapshot(karims.getBusinessKey(), karims.getId());

    Map<String, Object> rework = restVariables(with(ideaForm(false, "education"),
        IdeaLifecycle.TITLE.name(), "Titre réécrit par quelqu'un d'autre"));
    Http.Response response = camille().postJson("/engine-rest/task/" + reformulation.getId() + "/submit-form",
        formBody(with(rework, IdeaLifecycle.IDEA_REFERENCE.name(), text(karims.getBusinessKey()))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« ideaReference »", "Reformuler l'idée");
    Forgery.assertUnchanged(karimsBefore, snapshot(karims.getBusinessKey(), karims.getId()), "karim's idea");
    Forgery.assertUnchanged(ownBefore, snapshot(own.getBusinessKey(), own.getId()), "her own idea");
  }

  @Test
  void sheCannotWithdrawAnotherAgentsIdeaByNamingHimTheRequester() {
    ProcessInstance pauls = scenario.submit(DG_MEMBER, ideaForm(false, "education"));
    Snapshot before = snapshot(pauls.getBusinessKey(), pauls.getId());

    Map<String, Object> withdrawal = Map.of(
        IdeaLifecycle.IDEA_REFERENCE.name(), text(pauls.getBusinessKey()),
        IdeaLifecycle.WITHDRAWAL_REASON.name(), text("Je préfère retirer cette idée."),
        "requester", text(DG_MEMBER));
    Http.Response forged = camille().postJson(
        "/engine-rest/process-definition/key/idea-withdrawal/submit-form", formBody(withdrawal));

    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    assertThat(forged.message()).contains("« requester »");
    Forgery.assertUnchanged(before, snapshot(pauls.getBusinessKey(), pauls.getId()), "a withdrawal as paul");

    Map<String, Object> asHerself = new LinkedHashMap<>(withdrawal);
    asHerself.remove("requester");
    Http.Response refused = camille().postJson(
        "/engine-rest/process-definition/key/idea-withdrawal/submit-form", formBody(asHerself));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.message()).contains("seul l'agent qui a déposé l'idée");
    assertThat(ideas.get(pauls.getBusinessKey()).stage()).isNotEqualTo(IdeaStage.WITHDRAWN);
  }

  @Test
  void theIntrapreneurCannotChooseHerOwnReviewers() {
    ProcessInstance incubation = scenario.incubated(scenario.submit(AGENT, ideaForm(true, "education")));
    scenario.startWorkstreams(incubation);
    Task carry = scenario.tasks(incubation, TASK_CARRY_WORKSTREAM).get(0);
    Snapshot before = snapshot(null, incubation.getId());

    Map<String, Object> deliverable = new LinkedHashMap<>();
    deliverable.put("deliverableSummary", text("Livrable du volet : analyse détaillée et recommandations."));
    for (String expert : new String[] {"legalExpert", "financeExpert", "marketExpert", "userJourneyExpert"}) {
      deliverable.put(expert, text(AGENT));
    }
    Http.Response response = camille().postJson("/engine-rest/task/" + carry.getId() + "/submit-form",
        formBody(deliverable));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« legalExpert »", "« userJourneyExpert »", "Mener le volet");
    Forgery.assertUnchanged(before, snapshot(null, incubation.getId()), "experts named by the intrapreneur");
  }

  /**
   * Every other way of writing a variable, starting a process or moving one, as camille on her own
   * reformulation task (which she may work on): none is hers, and the refusal says so in French.
   */
  @Test
  void variablesAreWrittenThroughFormsOnly() {
    ProcessInstance own = scenario.submit(AGENT, ideaForm(false, "education"));
    scenario.complete(own, TASK_CLARIFY_IDEA, clarification("REFORMULATE"));
    String task = scenario.task(own, TASK_REFORMULATE_IDEA).getId();
    String instance = own.getId();
    String variable = Http.toJson(typed("Titre forgé par l'agent", "String"));
    String modifications = Http.toJson(Map.of("modifications", Map.of("title", typed("Titre forgé", "String"))));
    Map<String, Function<Http, Http.Response>> attacks = new LinkedHashMap<>();
    String rest = REST;
    String tasklist = TASKLIST_API;
    attacks.put("PUT task variable", http -> http.put(rest + "/task/" + task + "/variables/title",
        "application/json", BodyPublishers.ofString(variable)));
    attacks.put("POST task variables", http -> http.postJson(rest + "/task/" + task + "/variables", modifications));
    attacks.put("DELETE task variable", http -> http.delete(rest + "/task/" + task + "/variables/title"));
    attacks.put("PUT task local variable", http -> http.put(rest + "/task/" + task + "/localVariables/title",
        "application/json", BodyPublishers.ofString(variable)));
    attacks.put("POST task local variables", http -> http.postJson(rest + "/task/" + task + "/localVariables", modifications));
    attacks.put("binary task variable", http -> http.post(rest + "/task/" + task + "/variables/title/data",
        "multipart/form-data; boundary=XYZ", BodyPublishers.ofString("--XYZ\r\nContent-Disposition: form-data; "
            + "name=\"data\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nforgé\r\n--XYZ--\r\n")));
    attacks.put("PUT process variable", http -> http.put(rest + "/process-instance/" + instance + "/variables/title",
        "application/json", BodyPublishers.ofString(variable)));
    attacks.put("POST process variables", http -> http.postJson(rest + "/process-instance/" + instance + "/variables", modifications));
    attacks.put("DELETE process variable", http -> http.delete(rest + "/process-instance/" + instance + "/variables/title"));
    attacks.put("PUT execution local variable", http -> http.put(rest + "/execution/" + instance + "/localVariables/title",
        "application/json", BodyPublishers.ofString(variable)));
    attacks.put("POST execution local variables", http -> http.postJson(rest + "/execution/" + instance + "/localVariables", modifications));
    attacks.put("message with variables", http -> http.postJson(rest + "/message", Map.of(
        "messageName", IdeaLifecycle.MESSAGE_IDEA_WITHDRAWN, "businessKey", own.getBusinessKey(),
        "processVariables", Map.of("title", typed("Titre forgé", "String")))));
    attacks.put("signal with variables", http -> http.postJson(rest + "/signal", Map.of(
        "name", "Signal_Any", "variables", Map.of("title", typed("Titre forgé", "String")))));
    attacks.put("start without the form", http -> http.postJson(rest + "/process-definition/key/idea-lifecycle/start",
        Map.of("variables", with(validIdea(), "ideator", text(DG_MEMBER)))));
    attacks.put("conditional start", http -> http.postJson(rest + "/condition", Map.of(
        "variables", Map.of("title", typed("x", "String")))));
    attacks.put("process modification", http -> http.postJson(rest + "/process-instance/" + instance + "/modification",
        Map.of("instructions", java.util.List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ScoreIdea")))));
    attacks.put("task update", http -> http.put(rest + "/task/" + task, "application/json",
        BodyPublishers.ofString("{\"name\":\"Tâche renommée\",\"assignee\":\"paul\"}")));
    attacks.put("task reassigned", http -> http.postJson(rest + "/task/" + task + "/assignee", Map.of("userId", DG_MEMBER)));
    attacks.put("task attachment", http -> http.post(rest + "/task/" + task + "/attachment/create",
        "multipart/form-data; boundary=XYZ", BodyPublishers.ofString("--XYZ\r\nContent-Disposition: form-data; "
            + "name=\"attachment-name\"\r\n\r\npiece\r\n--XYZ--\r\n")));
    attacks.put("completion returning every variable", http -> http.postJson(rest + "/task/" + task + "/complete",
        Map.of("withVariablesInReturn", true)));
    attacks.put("password check of another agent", http -> http.postJson(rest + "/identity/verify",
        Map.of("username", DG_MEMBER, "password", "pas-le-bon")));
    attacks.put("her profile renamed", http -> http.put(rest + "/user/" + AGENT + "/profile", "application/json",
        BodyPublishers.ofString("{\"id\":\"camille\",\"firstName\":\"Paul\",\"lastName\":\"Bernard\"}")));
    attacks.put("another agent's password", http -> http.put(rest + "/user/" + DG_MEMBER + "/credentials",
        "application/json", BodyPublishers.ofString("{\"password\":\"Nouveau-Mot2passe!\",\"authenticatedUserPassword\":\"demo\"}")));
    attacks.put("Tasklist's API: PUT task variable", http -> http.put(tasklist + "/task/" + task + "/variables/title",
        "application/json", BodyPublishers.ofString(variable)));
    attacks.put("Tasklist's API: POST process variables", http -> http.postJson(
        tasklist + "/process-instance/" + instance + "/variables", modifications));

    Http restClient = camille();
    Http tasklistClient = tasklistAs(AGENT);
    Snapshot before = snapshot(own.getBusinessKey(), instance);
    String profileBefore = engine.getIdentityService().createUserQuery().userId(AGENT).singleResult().getFirstName();
    attacks.forEach((attack, send) -> {
      Http.Response response = send.apply(attack.startsWith("Tasklist") ? tasklistClient : restClient);
      System.out.println("[forgery] " + AGENT + " " + attack + ": " + response);
      assertThat(response.status()).as(attack + ": " + response).isIn(400, 403);
      assertThat(response.message()).as(attack).containsAnyOf("réservée aux administrateurs", "ne sont pas renvoyées");
    });
    Forgery.assertUnchanged(before, snapshot(own.getBusinessKey(), instance), "the direct writes");
    assertThat(engine.getIdentityService().createUserQuery().userId(AGENT).singleResult().getFirstName())
        .isEqualTo(profileBefore);
  }

  @Test
  void aTaskIsClaimedForOneselfOnly() {
    ProcessInstance own = scenario.submit(AGENT, ideaForm(false, "education"));
    scenario.complete(own, TASK_CLARIFY_IDEA, clarification("REFORMULATE"));
    Task reformulation = scenario.task(own, TASK_REFORMULATE_IDEA);
    engine.getTaskService().setAssignee(reformulation.getId(), null);
    engine.getTaskService().addCandidateUser(reformulation.getId(), AGENT);
    Snapshot before = snapshot(own.getBusinessKey(), own.getId());

    Http.Response response = camille().postJson("/engine-rest/task/" + reformulation.getId() + "/claim",
        Map.of("userId", DG_MEMBER));

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.message()).contains("ne se prend que pour soi");
    Forgery.assertUnchanged(before, snapshot(own.getBusinessKey(), own.getId()), "a claim for paul");
    assertThat(camille().postJson("/engine-rest/task/" + reformulation.getId() + "/claim", Map.of("userId", AGENT))
        .status()).isEqualTo(204);
  }

  @Test
  void theEnginesMetricsAreNotForAgents() {
    Http.Response metrics = camille().get("/engine-rest/metrics");
    Http.Response sum = camille().get("/engine-rest/metrics/activity-instance-start/sum");

    assertThat(metrics.status()).as(metrics.toString()).isEqualTo(403);
    assertThat(sum.status()).as(sum.toString()).isEqualTo(403);
    assertThat(metrics.message()).contains("supervision");
    assertThat(Http.anonymous(port).as("admin").get("/engine-rest/metrics/activity-instance-start/sum").status())
        .isEqualTo(200);
  }
}
