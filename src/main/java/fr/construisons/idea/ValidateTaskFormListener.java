package fr.construisons.idea;

import fr.construisons.idea.IdeaLifecycle.Elements;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * When a user task of idea-lifecycle is completed: applies the form's rules on the server, so a
 * completion through the REST API is held to what Tasklist enforces. An invalid completion is
 * refused and rolled back, the task stays open.
 *
 * <p>An execution listener on the task's {@code end} rather than a task listener: the engine wraps
 * task-listener exceptions into a generic error, while this one reaches the REST API as a 400 with
 * the French message. A task cancelled by a boundary event (withdrawal) is not validated.
 */
@Component("validateTaskFormListener")
public class ValidateTaskFormListener implements ExecutionListener {

  private final Map<String, Consumer<VariableScope>> rulesByTask;

  public ValidateTaskFormListener(IdeaFormRules rules) {
    this.rulesByTask = Map.of(
        Elements.TASK_CLARIFY_IDEA, rules::checkClarification,
        Elements.TASK_REFORMULATE_IDEA, rules::checkReformulation,
        Elements.TASK_SCORE_IDEA, rules::checkScores,
        Elements.TASK_DECIDE_ORIENTATION, rules::checkOrientation,
        Elements.TASK_CONDUCT_EXPERIMENT, rules::checkExperimentReport,
        Elements.TASK_ASSESS_EXPERIMENT, rules::checkExperimentAssessment,
        Elements.TASK_STUDY_FEASIBILITY, rules::checkFeasibilityStudy,
        Elements.TASK_TAKE_UP_IDEA, rules::checkTakeUp);
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
