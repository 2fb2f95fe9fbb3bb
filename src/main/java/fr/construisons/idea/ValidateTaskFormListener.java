package fr.construisons.idea;

import fr.construisons.idea.IdeaLifecycle.Elements;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * On completion of every user task of idea-lifecycle: applies the form's rules on the server, so a
 * completion through the REST API is held to what Tasklist enforces. An invalid completion is
 * refused and rolled back, the task stays open.
 */
@Component("validateTaskFormListener")
public class ValidateTaskFormListener implements TaskListener {

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
  public void notify(DelegateTask task) {
    Consumer<VariableScope> rule = rulesByTask.get(task.getTaskDefinitionKey());
    if (rule == null) {
      // A task wired to this listener without rules would silently accept anything.
      throw new IllegalStateException("No form rules for task " + task.getTaskDefinitionKey());
    }
    rule.accept(task);
  }
}
