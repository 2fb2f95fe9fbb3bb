package fr.construisons.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The human step a deadline watches, as the mail at the end of a timer's path sees it: the user
 * task the boundary timer is attached to, the deadline its date names
 * ({@code ${deadlines.due('scoring-reminder')}}) and who holds the task now (its assignee, else its
 * candidates). Everything is read from the model and the open task, so a timer added in the Modeler
 * mails the right people with no code.
 */
public record WatchedTask(String stepName, String taskName, String deadline, String assignee,
    List<String> candidateUsers, List<String> candidateGroups) {

  private static final Pattern DUE = Pattern.compile("\\$\\{\\s*deadlines\\.due\\('([a-z0-9-]+)'\\)\\s*}");

  /**
   * The deadline a boundary timer's date names, if it is one of {@link Deadlines}: how the
   * dashboard and the mails tell a watched step from any other timer.
   */
  public static Optional<String> deadlineOf(BoundaryEvent boundary) {
    for (TimerEventDefinition timer : boundary.getEventDefinitions().stream()
        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast).toList()) {
      if (timer.getTimeDate() != null) {
        Matcher due = DUE.matcher(timer.getTimeDate().getTextContent().strip());
        if (due.matches()) {
          return Optional.of(due.group(1));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The boundary timer whose path the execution is on: the element itself, or the one its single
   * incoming flow comes from (the mail's end event right after the timer).
   */
  public static Optional<BoundaryEvent> timerOf(FlowElement element) {
    if (element instanceof BoundaryEvent boundary) {
      return Optional.of(boundary);
    }
    if (element instanceof FlowNode node && node.getIncoming().size() == 1) {
      SequenceFlow incoming = node.getIncoming().iterator().next();
      if (incoming.getSource() instanceof BoundaryEvent boundary) {
        return Optional.of(boundary);
      }
    }
    return Optional.empty();
  }

  /**
   * The task the timer on this execution's path watches, while it is open; empty off such a path,
   * or once the task was done (a mail would then chase a finished step).
   */
  public static Optional<WatchedTask> of(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    Optional<BoundaryEvent> timer = element == null ? Optional.empty() : timerOf(element);
    if (timer.isEmpty() || !(timer.get().getAttachedTo() instanceof UserTask)) {
      return Optional.empty();
    }
    Activity step = timer.get().getAttachedTo();
    Optional<String> deadline = deadlineOf(timer.get());
    if (deadline.isEmpty()) {
      return Optional.empty();
    }
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(step.getId()).list();
    return nearest(execution, open).map(task -> holders(tasks, task, step.getName(), deadline.get()));
  }

  /**
   * Of the open tasks of that step, the one of this branch: a multi-instance step (a workstream, a
   * directorate's take-up) has one per branch, and the timer's path shares its nearest scope with
   * its own task.
   */
  private static Optional<Task> nearest(DelegateExecution execution, List<Task> open) {
    if (open.size() <= 1) {
      return open.stream().findFirst();
    }
    List<String> ours = chain((ExecutionEntity) execution);
    Task best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Task task : open) {
      ExecutionEntity taskExecution = ((TaskEntity) task).getExecution();
      for (String id : chain(taskExecution)) {
        int distance = ours.indexOf(id);
        if (distance >= 0) {
          if (distance < bestDistance) {
            bestDistance = distance;
            best = task;
          }
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<String> chain(ExecutionEntity execution) {
    List<String> ids = new ArrayList<>();
    for (ExecutionEntity e = execution; e != null; e = e.getParent()) {
      ids.add(e.getId());
    }
    return ids;
  }

  private static WatchedTask holders(TaskService tasks, Task task, String stepName, String deadline) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    if (task.getAssignee() == null) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
      }
    }
    return new WatchedTask(stepName, task.getName(), deadline, task.getAssignee(), List.copyOf(users),
        List.copyOf(groups));
  }

  /** The users who hold the task: its assignee, or its candidate users. */
  public Collection<String> users() {
    return assignee != null ? List.of(assignee) : candidateUsers;
  }

  /** What a deadline's mail shows of the step: its name in the model, the task's name, the deadline. */
  public void addTo(java.util.Map<String, Object> model) {
    model.put("stepName", stepName);
    model.put("taskName", taskName);
    model.put("deadlineName", deadline);
  }
}
