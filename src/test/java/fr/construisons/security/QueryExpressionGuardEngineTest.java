package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JUEL injection through task queries at engine level, on small in-memory engines of their
 * own (no Spring, no HTTP): first an engine as Camunda ships it, then the same engine with
 * {@link QueryExpressionGuardPlugin}. The HTTP side is in {@link QueryExpressionTest}.
 */
class QueryExpressionGuardEngineTest {

  private static final String PROBE = "${probe.witness('camille')}";

  /** Same role as {@link ExpressionProbe}, for engines outside Spring. */
  public static class Probe {
    final AtomicInteger calls = new AtomicInteger();

    public String witness(String value) {
      calls.incrementAndGet();
      return value;
    }
  }

  // One engine of each kind for the class: building one takes seconds.
  private static final Map<Boolean, ProcessEngine> ENGINES = new java.util.HashMap<>();
  private static final Probe probe = new Probe();
  private ProcessEngine engine;

  private ProcessEngine engine(boolean guarded) {
    engine = ENGINES.computeIfAbsent(guarded, QueryExpressionGuardEngineTest::build);
    probe.calls.set(0);
    return engine;
  }

  private static ProcessEngine build(boolean guarded) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setProcessEngineName("expressions-" + UUID.randomUUID())
            .setJdbcUrl("jdbc:h2:mem:expressions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
            .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
            .setJobExecutorActivate(false);
    configuration.setBeans(Map.of("probe", probe));
    if (guarded) {
      configuration.getProcessEnginePlugins().add(new QueryExpressionGuardPlugin());
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    Task task = engine.getTaskService().newTask();
    task.setName("Tâche de camille");
    task.setAssignee("camille");
    engine.getTaskService().saveTask(task);
    return engine;
  }

  @AfterEach
  void cleanUp() {
    if (engine != null) {
      engine.getIdentityService().clearAuthentication();
      engine.getFilterService().createFilterQuery().list()
          .forEach(filter -> engine.getFilterService().deleteFilter(filter.getId()));
    }
  }

  @AfterAll
  static void close() {
    ENGINES.values().forEach(ProcessEngine::close);
    ENGINES.clear();
  }

  private void as(String user, String... groups) {
    engine.getIdentityService().setAuthentication(user, List.of(groups));
  }

  private TaskQuery orQueryWithExpression() {
    return engine.getTaskService().createTaskQuery().or().taskAssigneeExpression(PROBE).endOr();
  }

  @Test
  void asShippedTheEngineRefusesTopLevelExpressionsButEvaluatesThoseInOrQueries() {
    engine(false);
    as("camille", "agents");

    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().taskAssigneeExpression(PROBE).list())
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Expressions are forbidden in adhoc queries");
    assertThat(probe.calls).hasValue(0);

    List<Task> tasks = orQueryWithExpression().list();

    assertThat(probe.calls).as("the vulnerability: evaluated for a plain agent").hasValue(1);
    assertThat(tasks).extracting(Task::getAssignee).containsExactly("camille");
  }

  @Test
  void asShippedAnAgentStoresAFilterWhoseExpressionRunsForWhoeverOpensIt() {
    engine(false);
    as("camille", "agents");
    Filter filter = engine.getFilterService().newTaskFilter("Piège")
        .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression(PROBE));
    String id = engine.getFilterService().saveFilter(filter).getId();
    as("sophie", "agents");

    engine.getFilterService().list(id);

    assertThat(probe.calls).hasValue(1);
  }

  @Test
  void guardedTheEngineRefusesAnAgentAnyExpressionAndEvaluatesNothing() {
    engine(true);
    as("camille", "agents");

    assertThatThrownBy(() -> orQueryWithExpression().list())
        .isInstanceOf(AuthorizationException.class).hasMessage(QueryExpressionGuard.MESSAGE);
    assertThatThrownBy(() -> orQueryWithExpression().count())
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().taskAssigneeExpression(PROBE).listPage(0, 10))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery()
        .or().taskCandidateGroupExpression(PROBE).endOr()
        .or().dueBeforeExpression("${probe.witness('x')}").endOr().singleResult())
        .isInstanceOf(AuthorizationException.class);
    Filter trap = engine.getFilterService().newTaskFilter("Piège")
        .setQuery(orQueryWithExpression());
    assertThatThrownBy(() -> engine.getFilterService().saveFilter(trap))
        .isInstanceOf(AuthorizationException.class);
    assertThat(engine.getFilterService().createFilterQuery().count()).isZero();

    assertThat(probe.calls).hasValue(0);
  }

  @Test
  void guardedAnAgentCannotSmuggleAnExpressionIntoAStoredFilterThroughTheExtendingQuery() {
    engine(true);
    String plain = engine.getFilterService()
        .saveFilter(engine.getFilterService().newTaskFilter("Toutes les tâches")
            .setQuery(engine.getTaskService().createTaskQuery()))
        .getId();
    as("camille", "agents");

    assertThatThrownBy(() -> engine.getFilterService().list(plain, orQueryWithExpression()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> engine.getFilterService().count(plain, orQueryWithExpression()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> engine.getFilterService().listPage(plain, orQueryWithExpression(), 0, 5))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> engine.getFilterService().singleResult(plain, orQueryWithExpression()))
        .isInstanceOf(AuthorizationException.class);
    assertThat(probe.calls).hasValue(0);

    // A plain extending query is fine.
    assertThat(engine.getFilterService().list(plain,
        engine.getTaskService().createTaskQuery().taskAssignee("camille"))).hasSize(1);
  }

  @Test
  void guardedAnAdministratorsFilterWithCurrentUserWorksForEveryone() {
    engine(true);
    as("admin", Groups.CAMUNDA_ADMIN);
    String mine = engine.getFilterService()
        .saveFilter(engine.getFilterService().newTaskFilter("Mes tâches")
            .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}")))
        .getId();
    assertThat(orQueryWithExpression().list()).as("an administrator may use expressions").hasSize(1);

    as("camille", "agents");
    assertThat(engine.getFilterService().<Task>list(mine)).extracting(Task::getAssignee)
        .containsExactly("camille");
    assertThat(engine.getFilterService().count(mine,
        engine.getTaskService().createTaskQuery().taskNameLike("Tâche%"))).isEqualTo(1);
    as("sophie", "agents");
    assertThat(engine.getFilterService().list(mine)).isEmpty();
  }

  @Test
  void guardedCodeWithoutAnAuthenticatedUserIsLeftAlone() {
    engine(true);

    assertThat(orQueryWithExpression().list()).hasSize(1);
    assertThat(probe.calls).hasValue(1);
  }
}
