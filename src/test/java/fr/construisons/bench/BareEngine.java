package fr.construisons.bench;

import fr.construisons.idea.ImpactedDirectorates;
import fr.construisons.idea.OrientationReasons;
import fr.construisons.incubation.IncubationCalendar;
import fr.construisons.incubation.IncubationOutcome;
import fr.construisons.incubation.IncubationTeam;
import fr.construisons.incubation.IncubationWorkstreams;
import fr.construisons.incubation.Workstream;
import fr.construisons.process.Deadlines;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The bare engine: Camunda alone, same database kind and history level as the application, with
 * our models deployed as they are but every delegate and listener they name replaced by a no-op.
 * The small helpers the models' expressions call (collections, deadlines, gateway values) are the
 * application's own classes, except where they read our tables; the one delegate whose result a
 * later assignment needs (the line manager) is replaced by a line that sets it. Plus a process of
 * one user task, Camunda's simplest unit of work.
 */
final class BareEngine {

  static final String ONE_USER_TASK = "bench-one-user-task";
  private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{([a-zA-Z]+)}\"");

  private BareEngine() {}

  static ProcessEngine start(String name, String jdbcUrl, String user, String password) throws IOException {
    return start(name, jdbcUrl, user, password, ProcessEngineConfiguration.HISTORY_FULL);
  }

  static ProcessEngine start(String name, String jdbcUrl, String user, String password, String history) throws IOException {
    Map<Object, Object> beans = new HashMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> models = new java.util.ArrayList<>(Arrays.asList(resolver.getResources("classpath*:processes/*.bpmn")));
    models.addAll(Arrays.asList(resolver.getResources("classpath*:processes/*.dmn")));
    NoOp noOp = new NoOp();
    for (Resource model : models) {
      try (InputStream in = model.getInputStream()) {
        Matcher bean = BEAN.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        while (bean.find()) {
          beans.put(bean.group(1), noOp);
        }
      }
    }
    if (!beans.containsKey("registerIdeaDelegate")) {
      throw new IllegalStateException("No delegate found in the models " + models);
    }
    beans.put("resolveLineManagerDelegate", (JavaDelegate) execution ->
        execution.setVariable("lineManager", "sophie"));
    beans.put("orientationReasons", new OrientationReasons());
    beans.put("impactedDirectoratesVariable", new ImpactedDirectorates());
    beans.put("incubationTeam", new IncubationTeam());
    beans.put("incubationOutcome", new IncubationOutcome());
    beans.put("incubationCalendar", new IncubationCalendar());
    beans.put("deadlines", new Deadlines(new Deadlines.Settings(Map.of("clarification-reminder", 5,
        "clarification-escalation", 10, "take-up-reminder", 15, "manager-agreement-reminder", 5))));
    // The application's helper reads which workstreams were already reviewed from our table;
    // the bare engine has no such table and runs the first round: all four.
    beans.put("incubationWorkstreams", new IncubationWorkstreams(null) {
      @Override
      public List<String> toRun(DelegateExecution execution) {
        return Arrays.stream(Workstream.values()).map(Enum::name).toList();
      }
    });

    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setJdbcUsername(user);
    configuration.setJdbcPassword(password);
    configuration.setJdbcMaxActiveConnections(16);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(history);
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new org.camunda.bpm.engine.impl.el.JuelExpressionManager(beans));
    // The models hold Spin JSON values (the directorates' lists), as in the application.
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    ProcessEngine engine = configuration.buildProcessEngine();

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bench");
    for (Resource model : models) {
      try (InputStream in = model.getInputStream()) {
        deployment.addInputStream(model.getFilename(), in);
      }
    }
    deployment.addModelInstance(ONE_USER_TASK + ".bpmn", Bpmn.createExecutableProcess(ONE_USER_TASK)
        .camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Do").endEvent().done());
    deployment.deploy();
    return engine;
  }

  /** Stands for every delegate and listener of the models. */
  static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {
    @Override
    public void execute(DelegateExecution execution) {}

    @Override
    public void notify(DelegateExecution execution) {}

    @Override
    public void notify(DelegateTask task) {}
  }
}
