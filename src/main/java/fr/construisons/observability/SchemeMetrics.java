package fr.construisons.observability;

import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.idea.IdeaLifecycle.Elements.TIMER_CLARIFICATION_REMINDER;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.incubation.Incubation;
import fr.construisons.privacy.retention.Retention;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The scheme's own figures for Prometheus ({@code /actuator/prometheus}), with English names:
 * <ul>
 *   <li>{@code construisons_ideas_submitted_total}: ideas in the catalogue (every idea ever
 *       submitted: the catalogue never forgets one);
 *   <li>{@code construisons_ideas{stage}}: ideas per stage of the catalogue;
 *   <li>{@code construisons_open_tasks{process, step}}: open user tasks per step of each model;
 *   <li>{@code construisons_overdue_clarifications}: clarification calls still to make after the
 *       reminder deadline (their reminder timer is due);
 *   <li>{@code construisons_incidents{process}}: open incidents (mail jobs out of retries…).
 * </ul>
 * All are counts computed by the database (a handful of {@code count} queries, nothing read row by
 * row), at most once per {@code construisons.metrics.refresh-interval} (30 s): a scrape within
 * that time reads the previous figures. The queries run without an authenticated engine user.
 */
@Component
class SchemeMetrics implements MeterBinder {

  /** The scheme's processes, labelled by their keys. */
  static final List<String> PROCESSES = List.of(IdeaLifecycle.PROCESS_KEY, Incubation.PROCESS_KEY,
      IdeaClosure.WITHDRAWAL_PROCESS_KEY, IdeaClosure.DUPLICATE_PROCESS_KEY, Retention.PROCESS_KEY);

  private record Step(String process, String taskKey) {}

  private record Snapshot(long submitted, Map<IdeaStage, Long> byStage, Map<Step, Long> openTasks,
      long overdueClarifications, Map<String, Long> incidents, long takenAt) {}

  private final IdeaRepository ideas;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final Duration refreshInterval;
  private List<Step> steps = List.of();
  private Snapshot snapshot;

  public SchemeMetrics(IdeaRepository ideas, RepositoryService repository, TaskService tasks,
      RuntimeService runtime, ManagementService management,
      @Value("${construisons.metrics.refresh-interval:30s}") Duration refreshInterval) {
    this.ideas = ideas;
    this.repository = repository;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.refreshInterval = refreshInterval;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    steps = userTasksOfTheModels();
    FunctionCounter.builder("construisons.ideas.submitted", this, m -> m.snapshot().submitted())
        .description("Ideas submitted since the scheme started (the catalogue keeps every idea)")
        .register(registry);
    for (IdeaStage stage : IdeaStage.values()) {
      Gauge.builder("construisons.ideas", this, m -> m.snapshot().byStage().getOrDefault(stage, 0L))
          .description("Ideas of the catalogue at each stage")
          .tag("stage", stage.name())
          .register(registry);
    }
    for (Step step : steps) {
      Gauge.builder("construisons.open.tasks", this, m -> m.snapshot().openTasks().getOrDefault(step, 0L))
          .description("Open user tasks of each step")
          .tag("process", step.process())
          .tag("step", step.taskKey())
          .register(registry);
    }
    Gauge.builder("construisons.overdue.clarifications", this, m -> m.snapshot().overdueClarifications())
        .description("Clarification calls still to make after the reminder deadline")
        .register(registry);
    for (String process : PROCESSES) {
      Gauge.builder("construisons.incidents", this, m -> m.snapshot().incidents().getOrDefault(process, 0L))
          .description("Open incidents of each process (e.g. a mail job out of retries)")
          .tag("process", process)
          .register(registry);
    }
  }

  /** The next reading queries the database again (tests; an operator never needs it). */
  public synchronized void refresh() {
    snapshot = null;
  }

  private synchronized Snapshot snapshot() {
    long now = System.nanoTime();
    if (snapshot == null || now - snapshot.takenAt() >= refreshInterval.toNanos()) {
      snapshot = load(now);
    }
    return snapshot;
  }

  private Snapshot load(long now) {
    Map<Step, Long> open = new LinkedHashMap<>();
    for (Step step : steps) {
      open.put(step, tasks.createTaskQuery().processDefinitionKey(step.process())
          .taskDefinitionKey(step.taskKey()).count());
    }
    Map<String, Long> incidents = new LinkedHashMap<>();
    for (String process : PROCESSES) {
      incidents.put(process, runtime.createIncidentQuery().processDefinitionKeyIn(process).count());
    }
    return new Snapshot(ideas.count(), ideas.countByStage(), open, overdueClarifications(), incidents, now);
  }

  /**
   * Every open clarification task has its reminder timer until the reminder deadline; past it, the
   * timer is due (or already fired). The open tasks minus the reminders still to come are late.
   */
  private long overdueClarifications() {
    long open = tasks.createTaskQuery().processDefinitionKey(IdeaLifecycle.PROCESS_KEY)
        .taskDefinitionKey(TASK_CLARIFY_IDEA).count();
    long notYetDue = management.createJobQuery().processDefinitionKey(IdeaLifecycle.PROCESS_KEY)
        .activityId(TIMER_CLARIFICATION_REMINDER).timers()
        .duedateHigherThan(ClockUtil.getCurrentTime()).count();
    return Math.max(0, open - notYetDue);
  }

  /** The user tasks of the latest version of each model, in model order. */
  private List<Step> userTasksOfTheModels() {
    List<Step> found = new java.util.ArrayList<>();
    for (String process : PROCESSES) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery()
          .processDefinitionKey(process).latestVersion().singleResult();
      if (definition == null) {
        continue;
      }
      repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
          .forEach(task -> found.add(new Step(process, task.getId())));
    }
    return List.copyOf(found);
  }
}
