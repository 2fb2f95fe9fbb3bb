package fr.construisons.idea;

import fr.construisons.idea.IdeaLifecycle.Elements;
import fr.construisons.process.TaskFormValidation;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The form rules of idea-lifecycle's user tasks, checked when each is completed. */
@Component("validateTaskFormListener")
public class ValidateTaskFormListener extends TaskFormValidation {

  public ValidateTaskFormListener(IdeaFormRules rules) {
    super(Map.of(
        Elements.TASK_CLARIFY_IDEA, rules::checkClarification,
        Elements.TASK_REFORMULATE_IDEA, rules::checkReformulation,
        Elements.TASK_SCORE_IDEA, rules::checkScores,
        Elements.TASK_DECIDE_ORIENTATION, rules::checkOrientation,
        Elements.TASK_CONDUCT_EXPERIMENT, rules::checkExperimentReport,
        Elements.TASK_ASSESS_EXPERIMENT, rules::checkExperimentAssessment,
        Elements.TASK_STUDY_FEASIBILITY, rules::checkFeasibilityStudy,
        Elements.TASK_TAKE_UP_IDEA, rules::checkTakeUp));
  }
}
