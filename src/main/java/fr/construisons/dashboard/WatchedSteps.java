package fr.construisons.dashboard;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.process.WatchedTask;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/**
 * The steps the dashboard judges late, read from the deployed models rather than kept here: every
 * user task with a boundary timer whose date is {@code ${deadlines.due('x')}}. A timer added in the
 * Modeler is on the dashboard once deployed, and an instance of an older version is judged by the
 * timers of its own version. A deployed definition never changes, so its steps are cached by id.
 */
@Service
public class WatchedSteps {

  /**
   * A watched step: its process and task, its label (the dashboard's own for the steps it times,
   * else the task's name in the model) and the deadline of its first timer, past which it is late.
   */
  public record WatchedStep(String processKey, String activityId, String label, String deadline) {}

  private final RepositoryService repository;
  private final Map<String, Map<String, WatchedStep>> byDefinition = new ConcurrentHashMap<>();

  public WatchedSteps(RepositoryService repository) {
    this.repository = repository;
  }

  /** The step of that definition's task, if a deadline watches it. */
  public Optional<WatchedStep> of(String processDefinitionId, String activityId) {
    return Optional.ofNullable(steps(processDefinitionId).get(activityId));
  }

  /**
   * The watched steps of the latest idea-lifecycle and of the processes it calls, in the
   * dashboard's order: the steps the overdue table lists, late or not.
   */
  public List<WatchedStep> latest() {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> keys = new ArrayDeque<>(List.of(IdeaLifecycle.PROCESS_KEY));
    List<WatchedStep> steps = new ArrayList<>();
    while (!keys.isEmpty()) {
      String key = keys.removeFirst();
      if (!seen.add(key)) {
        continue;
      }
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().withoutTenantId().singleResult();
      if (latest == null) {
        continue;
      }
      steps.addAll(steps(latest.getId()).values());
      model(latest.getId()).getModelElementsByType(CallActivity.class).stream()
          .map(CallActivity::getCalledElement).filter(called -> called != null && !called.contains("$"))
          .forEach(keys::addLast);
    }
    steps.sort(ORDER);
    return steps;
  }

  /** The dashboard's timed steps first, in their order, then the others by process and task. */
  static final Comparator<WatchedStep> ORDER = Comparator
      .comparingInt((ToIntFunction<WatchedStep>) s -> TimedStep.of(s.processKey(), s.activityId())
          .map(Enum::ordinal).orElse(Integer.MAX_VALUE))
      .thenComparing(WatchedStep::processKey).thenComparing(WatchedStep::activityId);

  private Map<String, WatchedStep> steps(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, this::read);
  }

  private BpmnModelInstance model(String processDefinitionId) {
    return repository.getBpmnModelInstance(processDefinitionId);
  }

  private Map<String, WatchedStep> read(String processDefinitionId) {
    String key = repository.getProcessDefinition(processDefinitionId).getKey();
    BpmnModelInstance model = model(processDefinitionId);
    Map<String, WatchedStep> steps = new LinkedHashMap<>();
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      if (!(boundary.getAttachedTo() instanceof UserTask task)) {
        continue;
      }
      WatchedTask.deadlineOf(boundary).ifPresent(deadline -> steps.merge(task.getId(),
          new WatchedStep(key, task.getId(), label(key, task), deadline), WatchedSteps::first));
    }
    return Map.copyOf(steps);
  }

  /** Of two timers on one task, the one named first in the model: its reminder (the escalation comes later). */
  private static WatchedStep first(WatchedStep kept, WatchedStep other) {
    return kept.deadline().endsWith("-escalation") && !other.deadline().endsWith("-escalation") ? other : kept;
  }

  private static String label(String processKey, UserTask task) {
    return TimedStep.of(processKey, task.getId()).map(TimedStep::label)
        .orElse(task.getName() == null ? task.getId() : task.getName());
  }
}
