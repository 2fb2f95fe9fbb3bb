package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.Elements.*;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role sees exactly what the authorization table of docs/security.md says, through the
 * engine's API with the user's groups as Tasklist and the REST API authenticate them: what is
 * granted works, what is not is refused or invisible.
 */
@ProcessTest
class AccessPolicyTest {

  static final String AGENT = "camille";
  static final String OTHER_AGENT = "karim";
  static final String MANAGER = "sophie";
  static final String TEAM = "lea";
  static final String DG = "paul";
  /** Signed-in users may not ask for unbounded lists (queryMaxResultsLimit): page like Tasklist. */
  static final int PAGE = 50;
  static final String DEMO_PASSWORD = "demo";

  @Autowired IdeaScenario scenario;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @LocalServerPort int port;

  @BeforeEach
  void mailServer() {
    MailServer.get();
    MailServer.purge();
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  private <T> T as(String user, Supplier<T> action) {
    identity.setAuthentication(user, scenario.groupsOf(user));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void as(String user, Runnable action) {
    as(user, () -> {
      action.run();
      return null;
    });
  }

  private List<String> visibleTaskIds(String user, ProcessInstance instance) {
    return as(user, () -> tasks.createTaskQuery().processInstanceId(instance.getId()).listPage(0, PAGE).stream()
        .map(Task::getId).toList());
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }

  @Test
  void anAgentSeesTheTasksOfTheirOwnIdeaAndNothingOfAnotherAgentsIdea() {
    ProcessInstance mine = scenario.submit(AGENT, ideaForm(false, "education"));
    ProcessInstance theirs = scenario.submit(OTHER_AGENT, ideaForm(false, "mobilites"));
    scenario.complete(mine, TASK_CLARIFY_IDEA, IdeaScenario.clarification("REFORMULATE"));
    scenario.complete(theirs, TASK_CLARIFY_IDEA, IdeaScenario.clarification("REFORMULATE"));
    Task myTask = scenario.task(mine, TASK_REFORMULATE_IDEA);
    Task theirTask = scenario.task(theirs, TASK_REFORMULATE_IDEA);

    assertThat(visibleTaskIds(AGENT, mine)).containsExactly(myTask.getId());
    assertThat(visibleTaskIds(AGENT, theirs)).isEmpty();
    // Nor by id, nor its variables, nor the instance, nor its history.
    assertThat(as(AGENT, () -> tasks.createTaskQuery().taskId(theirTask.getId()).count())).isZero();
    assertThatThrownBy(() -> as(AGENT, () -> tasks.getVariables(theirTask.getId())))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as(AGENT, () -> runtime.getVariables(theirs.getId())))
        .isInstanceOf(AuthorizationException.class);
    assertThat(as(AGENT, () -> runtime.createProcessInstanceQuery().processInstanceId(theirs.getId()).count()))
        .isZero();
    assertThat(as(AGENT, () -> history.createHistoricProcessInstanceQuery().processInstanceId(theirs.getId())
        .count())).isZero();
    assertThat(as(AGENT, () -> history.createHistoricVariableInstanceQuery().processInstanceId(theirs.getId())
        .count())).isZero();
    // And they cannot complete it in the other agent's place.
    assertThatThrownBy(() -> as(AGENT, () -> tasks.complete(theirTask.getId(), Map.of())))
        .isInstanceOf(AuthorizationException.class);
    assertThat(scenario.task(theirs, TASK_REFORMULATE_IDEA)).isNotNull();
  }

  @Test
  void anAgentCannotClaimOrCompleteATaskOfAGroupTheyAreNotIn() {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "education"));
    Task clarification = scenario.task(instance, TASK_CLARIFY_IDEA);

    assertThat(visibleTaskIds(AGENT, instance)).isEmpty();
    assertThatThrownBy(() -> as(AGENT, () -> tasks.claim(clarification.getId(), AGENT)))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as(DG, () -> tasks.complete(clarification.getId(), IdeaScenario.clarification("FITS"))))
        .isInstanceOf(AuthorizationException.class);
    // The innovation team, its candidate group, may.
    as(TEAM, () -> tasks.claim(clarification.getId(), TEAM));
    as(TEAM, () -> tasks.complete(clarification.getId(), IdeaScenario.clarification("FITS")));
    scenario.runJobs();
    assertThat(scenario.task(instance, TASK_SCORE_IDEA)).isNotNull();
  }

  @Test
  void theInnovationTeamMonitorsEveryIdeaButCannotDecideInGeneralManagementsPlace() {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "education"));
    scenario.toReview(instance);
    Task scoring = scenario.task(instance, TASK_SCORE_IDEA);

    assertThat(visibleTaskIds(TEAM, instance)).containsExactly(scoring.getId());
    assertThat(as(TEAM, () -> runtime.getVariables(instance.getId()))).containsKey(IdeaLifecycle.TITLE.name());
    assertThat(as(TEAM, () -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .count())).isPositive();
    assertThatThrownBy(() -> as(TEAM, () -> tasks.complete(scoring.getId(), IdeaScenario.scores(3, 3))))
        .isInstanceOf(AuthorizationException.class);
    // General management does it.
    as(DG, () -> tasks.complete(scoring.getId(), IdeaScenario.scores(3, 3)));
    scenario.runJobs();
    assertThat(scenario.task(instance, TASK_DECIDE_ORIENTATION)).isNotNull();
    // But sees no instance beyond its tasks.
    assertThat(as(DG, () -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()))
        .isZero();
  }

  @Test
  void aDirectorateSeesOnlyTheIdeasForwardedToIt() {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "mobilites"));
    scenario.orient(instance, 1, 3);
    Task takeUp = scenario.task(instance, TASK_TAKE_UP_IDEA);

    assertThat(visibleTaskIds(OTHER_AGENT, instance)).containsExactly(takeUp.getId());
    assertThat(visibleTaskIds(MANAGER, instance)).isEmpty();
    assertThatThrownBy(() -> as(MANAGER, () -> tasks.complete(takeUp.getId(), Map.of())))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void onlyTheAgentsManagerGivesTheAgreementOnWorkingTime() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(true, "education"));
    ProcessInstance incubation = scenario.incubated(idea);
    Task agreement = scenario.task(incubation, "Task_AgreeOnWorkingTime");
    assertThat(agreement.getAssignee()).isEqualTo(MANAGER);

    assertThat(visibleTaskIds(MANAGER, incubation)).containsExactly(agreement.getId());
    assertThat(visibleTaskIds(OTHER_AGENT, incubation)).isEmpty();
    assertThat(visibleTaskIds(AGENT, incubation)).isEmpty();
    // Another manager cannot give it, nor take it over.
    assertThatThrownBy(() -> as(OTHER_AGENT, () -> tasks.complete(agreement.getId(), IdeaScenario.agreement("AGREE"))))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as(OTHER_AGENT, () -> tasks.setAssignee(agreement.getId(), OTHER_AGENT)))
        .isInstanceOf(AuthorizationException.class);
    // The manager cannot hand it to someone else either: TASK_WORK, not UPDATE.
    assertThatThrownBy(() -> as(MANAGER, () -> tasks.setAssignee(agreement.getId(), OTHER_AGENT)))
        .isInstanceOf(AuthorizationException.class);
    as(MANAGER, () -> tasks.complete(agreement.getId(), IdeaScenario.agreement("AGREE")));
    scenario.runJobs();
    assertThat(scenario.task(incubation, "Task_FormProjectTeam")).isNotNull();
  }

  @Test
  void tasklistFiltersPerRoleShowTheRightTasks() {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "education"));
    scenario.complete(instance, TASK_CLARIFY_IDEA, IdeaScenario.clarification("REFORMULATE"));
    Task reformulation = scenario.task(instance, TASK_REFORMULATE_IDEA);
    ProcessInstance other = scenario.submit(OTHER_AGENT, ideaForm(false, "education"));
    Task clarification = scenario.task(other, TASK_CLARIFY_IDEA);

    Filter myTasks = filter(TasklistFilters.MY_TASKS);
    Filter groupTasks = filter(TasklistFilters.GROUP_TASKS);
    Filter monitoring = filter(TasklistFilters.MONITORING);

    assertThat(as(AGENT, () -> filters.createFilterQuery().listPage(0, PAGE).stream().map(Filter::getName).toList()))
        .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS);
    assertThat(as(TEAM, () -> filters.createFilterQuery().listPage(0, PAGE).stream().map(Filter::getName).toList()))
        .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS, TasklistFilters.MONITORING);

    List<String> agentsTasks = as(AGENT, () -> filters.<Task>listPage(myTasks.getId(), 0, PAGE).stream().map(Task::getId).toList());
    assertThat(agentsTasks).contains(reformulation.getId()).doesNotContain(clarification.getId());
    List<String> teamsTasks = as(TEAM, () -> filters.<Task>listPage(myTasks.getId(), 0, PAGE).stream().map(Task::getId).toList());
    assertThat(teamsTasks).contains(clarification.getId()).doesNotContain(reformulation.getId());
    assertThat(as(TEAM, () -> filters.<Task>listPage(groupTasks.getId(), 0, PAGE).stream().map(Task::getId).toList()))
        .contains(clarification.getId()).doesNotContain(reformulation.getId());
    // Monitoring sorts by due date: the older open tasks that other test classes leave behind come
    // first, so the filter is asked about this test's two instances only, not about a first page.
    assertThat(as(TEAM, () -> filters.<Task, TaskQuery>listPage(monitoring.getId(),
            tasks.createTaskQuery().processInstanceIdIn(instance.getId(), other.getId()), 0, PAGE)
        .stream().map(Task::getId).toList()))
        .contains(clarification.getId(), reformulation.getId());
    assertThatThrownBy(() -> as(AGENT, () -> filters.listPage(monitoring.getId(), 0, PAGE)))
        .isInstanceOf(AuthorizationException.class);
  }

  /** An installation that started with an earlier release keeps one monitoring filter, renamed. */
  @Test
  void theMonitoringFilterOfAnEarlierReleaseIsRenamedNotDoubled() {
    Filter current = filter(TasklistFilters.MONITORING);
    current.setName("Suivi Construisons !");
    filters.saveFilter(current);

    new TasklistFilters(filters, authorizations).ensure();

    assertThat(filters.createFilterQuery().filterName("Suivi Construisons !").count()).isZero();
    assertThat(filter(TasklistFilters.MONITORING).getId()).isEqualTo(current.getId());
    assertThat(as(TEAM, () -> filters.createFilterQuery().listPage(0, PAGE).stream().map(Filter::getName).toList()))
        .containsOnlyOnce(TasklistFilters.MONITORING);
  }

  @Test
  void applicationsAndModelsAreReservedToTheirRoles() {
    assertThat(canOpen(AGENT, AccessPolicy.TASKLIST)).isTrue();
    assertThat(canOpen(AGENT, AccessPolicy.COCKPIT)).isFalse();
    assertThat(canOpen(AGENT, "admin")).isFalse();
    assertThat(canOpen(TEAM, AccessPolicy.COCKPIT)).isTrue();
    assertThat(canOpen(TEAM, "admin")).isFalse();
    assertThat(canOpen(DG, AccessPolicy.COCKPIT)).isFalse();
    assertThat(canOpen("admin", "admin")).isTrue();

    for (String user : List.of(AGENT, TEAM, DG)) {
      assertThatThrownBy(() -> as(user, () -> repository.createDeployment().name("intrus")
          .addString("intrus.bpmn", "<definitions/>").deploy()))
          .as(user + " deploying a model").isInstanceOf(AuthorizationException.class);
    }
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(IdeaLifecycle.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    assertThatThrownBy(() -> as(TEAM, () -> repository.suspendProcessDefinitionById(definitionId)))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as(AGENT, () -> runtime.startProcessInstanceByKey("incubation")))
        .isInstanceOf(AuthorizationException.class);
  }

  private boolean canOpen(String user, String application) {
    return authorizations.isUserAuthorized(user, scenario.groupsOf(user), Permissions.ACCESS,
        Resources.APPLICATION, application);
  }

  @Test
  void overTheRestApiAnAgentCannotReadOrCompleteAnotherAgentsTaskNorAManagerAnotherManagersAgreement() {
    ProcessInstance theirs = scenario.submit(OTHER_AGENT, ideaForm(false, "mobilites"));
    scenario.complete(theirs, TASK_CLARIFY_IDEA, IdeaScenario.clarification("REFORMULATE"));
    String theirTask = scenario.task(theirs, TASK_REFORMULATE_IDEA).getId();
    Http camille = Http.anonymous(port).as(AGENT, DEMO_PASSWORD);
    Http karim = Http.anonymous(port).as(OTHER_AGENT, DEMO_PASSWORD);

    assertThat(karim.get("/engine-rest/task/" + theirTask).status()).isEqualTo(200);
    // The task query filters by authorization: to camille the task does not even exist.
    assertThat(camille.get("/engine-rest/task/" + theirTask).status()).isEqualTo(404);
    assertThat(camille.get("/engine-rest/task/" + theirTask + "/variables").status()).isEqualTo(403);
    assertThat(camille.get("/engine-rest/task/" + theirTask + "/form-variables").status()).isEqualTo(403);
    assertThat(camille.get("/engine-rest/process-instance/" + theirs.getId() + "/variables").status())
        .isEqualTo(403);
    assertThat(camille.postJson("/engine-rest/task/" + theirTask + "/complete", Map.of()).status()).isEqualTo(403);
    assertThat(camille.postJson("/engine-rest/task/" + theirTask + "/claim", Map.of("userId", AGENT)).status())
        .isEqualTo(403);
    assertThat(scenario.task(theirs, TASK_REFORMULATE_IDEA).getAssignee()).isEqualTo(OTHER_AGENT);

    ProcessInstance incubation = scenario.incubated(scenario.submit(AGENT, ideaForm(true, "education")));
    String agreement = scenario.task(incubation, "Task_AgreeOnWorkingTime").getId();
    assertThat(karim.postJson("/engine-rest/task/" + agreement + "/complete", Map.of()).status()).isEqualTo(403);
    assertThat(karim.postJson("/engine-rest/task/" + agreement + "/assignee", Map.of("userId", OTHER_AGENT))
        .status()).isEqualTo(403);
    assertThat(Http.anonymous(port).as(MANAGER, DEMO_PASSWORD).get("/engine-rest/task/" + agreement).status())
        .isEqualTo(200);
    assertThat(scenario.task(incubation, "Task_AgreeOnWorkingTime").getAssignee()).isEqualTo(MANAGER);
  }

  @Test
  void onlyAdministratorsCreateATaskOutsideAProcessAndTasklistAsksTheEngineWhoMay() {
    String name = "Tâche libre " + System.nanoTime();
    Http camille = Http.anonymous(port).as(AGENT, DEMO_PASSWORD);
    assertThat(camille.postJson("/engine-rest/task/create", Map.of("name", name)).status()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskName(name).count()).isZero();
    // What Tasklist asks before offering « Créer une tâche » (scripts/tasklist-guidance.js).
    String check = "/camunda/api/engine/engine/default/authorization/check?permissionName=CREATE"
        + "&resourceName=task&resourceType=" + Resources.TASK.resourceType();
    assertThat(Http.anonymous(port).webappSession(AGENT, "tasklist").getJson(check).json().get("authorized")
        .asBoolean()).as("camille may create a task").isFalse();
    assertThat(Http.anonymous(port).webappSession(DG, "tasklist").getJson(check).json().get("authorized")
        .asBoolean()).as("paul may create a task").isFalse();
    assertThat(Http.anonymous(port).webappSession("admin", "tasklist").getJson(check).json().get("authorized")
        .asBoolean()).as("admin may create a task").isTrue();
    Http admin = Http.anonymous(port).as("admin", DEMO_PASSWORD);
    assertThat(admin.postJson("/engine-rest/task/create", Map.of("name", name)).status()).isEqualTo(204);
    Task created = tasks.createTaskQuery().taskName(name).singleResult();
    assertThat(created).isNotNull();
    tasks.deleteTask(created.getId(), true);
  }

  @Test
  void onlyTheInnovationTeamSignsInToCockpitAndOnlyAdministratorsToAdmin() {
    Http.anonymous(port).webappSession(TEAM, "cockpit");
    Http.anonymous(port).webappSession("admin", "admin");
    Http.anonymous(port).webappSession(AGENT, "tasklist");
    assertThatThrownBy(() -> Http.anonymous(port).webappSession(AGENT, "cockpit"))
        .hasMessageContaining("failed: 403");
    assertThatThrownBy(() -> Http.anonymous(port).webappSession(TEAM, "admin"))
        .hasMessageContaining("failed: 403");
    assertThatThrownBy(() -> Http.anonymous(port).webappSession(DG, "cockpit"))
        .hasMessageContaining("failed: 403");
  }

  @Test
  void everyGrantIsDeclaredOnceAndTheSecurityPageShowsThePolicy() throws IOException {
    assertThat(AccessPolicy.grants().stream()
        .map(g -> g.groupId() + "|" + g.resource().resourceName() + "|" + g.resourceId()))
        .doesNotHaveDuplicates();
    String securityPage = Files.readString(Path.of("docs", "security.md"));
    assertThat(securityPage)
        .as("docs/security.md must hold the table generated by AccessPolicy.markdownTable();"
            + " paste it again")
        .contains(AccessPolicy.markdownTable());
  }
}
