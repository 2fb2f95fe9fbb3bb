package fr.construisons.process;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Applies a process's form rules when one of its user tasks is completed, so a completion through
 * the REST API is held to what Tasklist enforces; an invalid completion is refused and rolled back,
 * the task stays open.
 *
 * <p>It also keeps the separation of duties the process declares: for some tasks the person named
 * by a variable (the idea's author, the requester) may not be the one who completes it, whatever
 * group they belong to. The one completing is the authenticated user of the engine call (Tasklist
 * and the REST API set it from the session or the credentials, never from the request's data).
 *
 * <p>Wired as an execution listener on the task's {@code end} rather than a task listener: the
 * engine wraps task-listener exceptions into a generic error, while this one reaches the REST API
 * as a 400 with the French message. A task cancelled by a boundary event is not validated.
 */
public abstract class TaskFormValidation implements ExecutionListener {

  /**
   * Who may not complete a task: the person named by {@code person}; {@code why} is the French
   * explanation they read, which also says who will do it instead.
   */
  public record ExcludedActor(ProcessVariable<String> person, String why) {}

  private final String processKey;
  private final Map<String, Consumer<VariableScope>> rulesByTask;
  private final Map<String, ExcludedActor> excludedByTask;

  protected TaskFormValidation(String processKey, Map<String, Consumer<VariableScope>> rulesByTask,
      Map<String, ExcludedActor> excludedByTask) {
    this.processKey = processKey;
    this.rulesByTask = Map.copyOf(rulesByTask);
    this.excludedByTask = Map.copyOf(excludedByTask);
    if (!this.rulesByTask.keySet().containsAll(this.excludedByTask.keySet())) {
      throw new IllegalArgumentException("A task with an excluded actor but no form rules: " + excludedByTask.keySet());
    }
  }

  public String processKey() {
    return processKey;
  }

  /** The person who may not complete this task of this process, if the process names one. */
  public Optional<ExcludedActor> excludedActor(String taskDefinitionKey) {
    return Optional.ofNullable(excludedByTask.get(taskDefinitionKey));
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String task = execution.getCurrentActivityId();
    Consumer<VariableScope> rule = rulesByTask.get(task);
    if (rule == null) {
      // A task wired to this listener without rules would silently accept anything.
      throw new IllegalStateException("No form rules for task " + task);
    }
    ExcludedActor excluded = excludedByTask.get(task);
    if (excluded != null) {
      Authentication actor = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (actor != null && actor.getUserId() != null
          // Ignoring case: an LDAP directory authenticates « PAUL » as paul, and the engine keeps the
          // id as typed; refusing one case too many is harmless, letting the author through is not.
          && actor.getUserId().equalsIgnoreCase(excluded.person().from(execution).orElse(null))) {
        throw new InvalidFormDataException(List.of(excluded.why()));
      }
    }
    rule.accept(execution);
  }
}
