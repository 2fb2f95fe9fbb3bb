package fr.construisons.process;

import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Applies a process's form rules when one of its user tasks is completed, so a completion through
 * the REST API is held to what Tasklist enforces; an invalid completion is refused and rolled back,
 * the task stays open.
 *
 * <p>Wired as an execution listener on the task's {@code end} rather than a task listener: the
 * engine wraps task-listener exceptions into a generic error, while this one reaches the REST API
 * as a 400 with the French message. A task cancelled by a boundary event is not validated.
 */
public abstract class TaskFormValidation implements ExecutionListener {

  private final Map<String, Consumer<VariableScope>> rulesByTask;

  protected TaskFormValidation(Map<String, Consumer<VariableScope>> rulesByTask) {
    this.rulesByTask = Map.copyOf(rulesByTask);
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Consumer<VariableScope> rule = rulesByTask.get(execution.getCurrentActivityId());
    if (rule == null) {
      // A task wired to this listener without rules would silently accept anything.
      throw new IllegalStateException("No form rules for task " + execution.getCurrentActivityId());
    }
    rule.accept(execution);
  }
}
