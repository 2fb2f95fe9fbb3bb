package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.Http;
import fr.construisons.support.ProcessTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JUEL expressions in task queries ({@code assigneeExpression}, {@code dueDateExpression}, …) are
 * evaluated on the server and reach every Spring bean. The engine forbids them in ad-hoc queries
 * but not inside {@code orQueries}, and a stored filter evaluates whatever its creator stored.
 * Before {@link QueryExpressionGuard}, camille's or-query, her own filter and her extending query
 * were all answered 200 with the expression evaluated (see the engine-level twin,
 * {@link QueryExpressionGuardEngineTest}). Now an agent is refused with 403 over the REST API and
 * over the web applications' API alike, an administrator is not, and the administrators' filters
 * with {@code ${currentUser()}} still work for everyone. The engine's authorization checks are on
 * throughout, as in production, and camille holds exactly the permissions each step needs, so the
 * refusal seen is the guard's and not a missing permission.
 */
@ProcessTest
class QueryExpressionTest {

  private static final String PROBE = "${expressionProbe.witness('camille')}";
  private static final Map<String, Object> OR_QUERY_WITH_EXPRESSION =
      Map.of("orQueries", List.of(Map.of("assigneeExpression", PROBE)));
  private static final String FILTER_NAME = "Injection (test)";

  @LocalServerPort int port;
  @Autowired ExpressionProbe probe;
  @Autowired ProcessEngine engine;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;

  Http rest;
  int callsBefore;
  EngineAuthorization authorizationChecks;
  final Deque<Runnable> undo = new ArrayDeque<>();

  @BeforeEach
  void setUp() {
    rest = Http.anonymous(port);
    callsBefore = probe.calls();
    authorizationChecks = EngineAuthorization.enabled(engine);
    grant("camille", Resources.APPLICATION, "tasklist", Permissions.ACCESS);
  }

  @AfterEach
  void cleanUp() {
    authorizationChecks.close();
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
    filters.createFilterQuery().filterName(FILTER_NAME).list()
        .forEach(filter -> filters.deleteFilter(filter.getId()));
  }

  private void assertRefusedAndNotEvaluated(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.json().path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(response.message()).isEqualTo(QueryExpressionGuard.MESSAGE);
    assertThat(probe.calls()).as("the expression never ran").isEqualTo(callsBefore);
  }

  /** A filter without any expression that camille may open. */
  private String plainFilter() {
    String id = filters.saveFilter(filters.newTaskFilter(FILTER_NAME)).getId();
    grant("camille", Resources.FILTER, id, Permissions.READ);
    return id;
  }

  // REST API, HTTP Basic.

  @Test
  void anAgentsOrQueryWithAnExpressionIsRefused() {
    assertRefusedAndNotEvaluated(rest.as("camille").postJson("/engine-rest/task", OR_QUERY_WITH_EXPRESSION));
    assertRefusedAndNotEvaluated(rest.as("camille").postJson("/engine-rest/task/count", OR_QUERY_WITH_EXPRESSION));
  }

  @Test
  void anAgentsTopLevelExpressionIsRefused() {
    // Camunda itself answered 400 here; the guard answers first, like for or-queries.
    assertRefusedAndNotEvaluated(rest.as("camille").postJson("/engine-rest/task",
        Map.of("dueBeforeExpression", "${expressionProbe.witness('x')}")));
  }

  @Test
  void anAgentCannotStoreAFilterWithAnExpression() {
    // Even allowed to create filters by the engine, an agent saves none through the API: filters
    // are the administrators' (EngineApiGuard), and the expression is never evaluated.
    grant("camille", Resources.FILTER, Authorization.ANY, Permissions.CREATE);

    Http.Response response = rest.as("camille").postJson("/engine-rest/filter/create", Map.of(
        "resourceType", "Task", "name", FILTER_NAME,
        "query", Map.of("orQueries", List.of(Map.of("candidateGroupExpression", PROBE)))));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.message()).contains("réservée aux administrateurs");
    assertThat(probe.calls()).as("the expression never ran").isEqualTo(callsBefore);
    assertThat(filters.createFilterQuery().filterName(FILTER_NAME).count()).isZero();
  }

  @Test
  void anAgentCannotCarryAnExpressionIntoAStoredFilterThroughTheExtendingQuery() {
    String plain = plainFilter();

    assertRefusedAndNotEvaluated(rest.as("camille")
        .postJson("/engine-rest/filter/" + plain + "/list", OR_QUERY_WITH_EXPRESSION));
    assertRefusedAndNotEvaluated(rest.as("camille")
        .postJson("/engine-rest/filter/" + plain + "/count", OR_QUERY_WITH_EXPRESSION));
    assertThat(rest.as("camille").postJson("/engine-rest/filter/" + plain + "/count", Map.of()).status())
        .as("the same filter without the expression").isEqualTo(200);
  }

  @Test
  void anAdministratorMayStillUseExpressions() {
    // Paged, as every client must (queryMaxResultsLimit).
    Http.Response response = rest.as("admin").postJson("/engine-rest/task?firstResult=0&maxResults=50",
        OR_QUERY_WITH_EXPRESSION);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(probe.calls()).isEqualTo(callsBefore + 1);
  }

  // The web applications' own API (what Tasklist calls), session cookie and CSRF token.

  @Test
  void inTasklistsApiAnAgentsExpressionIsRefusedToo() {
    Http tasklist = rest.webappSession("camille", "tasklist");

    assertRefusedAndNotEvaluated(
        tasklist.postJson("/camunda/api/engine/engine/default/task", OR_QUERY_WITH_EXPRESSION));
    assertRefusedAndNotEvaluated(tasklist.postJson(
        "/camunda/api/engine/engine/default/filter/" + plainFilter() + "/list",
        OR_QUERY_WITH_EXPRESSION));
  }

  @Test
  void inTasklistsApiAnAdministratorMayStillUseExpressions() {
    Http tasklist = rest.webappSession("admin", "tasklist");

    Http.Response response =
        tasklist.postJson("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=50",
            OR_QUERY_WITH_EXPRESSION);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(probe.calls()).isEqualTo(callsBefore + 1);
  }

  @Test
  void anAdministratorsFilterWithCurrentUserListsEachAgentsOwnTasks() {
    Http.Response created = rest.as("admin").postJson("/engine-rest/filter/create", Map.of(
        "resourceType", "Task", "name", FILTER_NAME,
        "query", Map.of("assigneeExpression", "${currentUser()}", "nameLike", "Filtre de test%")));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    String filterId = created.json().path("id").asText();
    String camillesTask = task("Filtre de test : tâche de camille", "camille");
    task("Filtre de test : tâche de sophie", "sophie");
    grant("camille", Resources.FILTER, filterId, Permissions.READ);
    grant("camille", Resources.TASK, camillesTask, Permissions.READ);

    Http tasklist = rest.webappSession("camille", "tasklist");
    // What Tasklist sends when it opens a filter: sorting and variables, no expression.
    Http.Response listed = tasklist.postJson(
        "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")),
            "processVariables", List.of(), "taskVariables", List.of(), "caseInstanceVariables", List.of()));

    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(listed.json().findValuesAsText("id")).containsExactly(camillesTask);
  }

  private String task(String name, String assignee) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    tasks.saveTask(task);
    undo.push(() -> tasks.deleteTask(task.getId(), true));
    return task.getId();
  }

  /**
   * Grants a user a permission for this test only, whatever the configuration already grants
   * (one authorization row per user and resource: an existing row gets the permission added).
   */
  private void grant(String user, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().userIdIn(user)
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null) {
      Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setUserId(user);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      String id = authorizations.saveAuthorization(authorization).getId();
      undo.push(() -> authorizations.deleteAuthorization(id));
    } else if (!existing.isPermissionGranted(permission)) {
      existing.addPermission(permission);
      authorizations.saveAuthorization(existing);
      undo.push(() -> {
        Authorization again = authorizations.createAuthorizationQuery()
            .authorizationId(existing.getId()).singleResult();
        if (again != null) {
          again.removePermission(permission);
          authorizations.saveAuthorization(again);
        }
      });
    }
  }
}
