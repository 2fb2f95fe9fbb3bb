package fr.construisons.idea;

import fr.construisons.idea.IdeaLifecycle.Elements;
import fr.construisons.process.TaskFormValidation;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The form rules of idea-lifecycle's user tasks, checked when each is completed, and the tasks the
 * idea's author may not do on their own idea: its clarification, review, orientation, the
 * experiment's assessment and a directorate's answer (conflict of interest). The feasibility
 * study and the experiment are theirs by design.
 */
@Component("validateTaskFormListener")
class ValidateTaskFormListener extends TaskFormValidation {

  static final ExcludedActor NOT_THE_AUTHOR = new ExcludedActor(IdeaLifecycle.IDEATOR,
      "vous êtes l'auteur de cette idée : pour éviter tout conflit d'intérêts, un autre membre de "
          + "votre groupe traite cette tâche");

  public ValidateTaskFormListener(IdeaFormRules rules) {
    super(IdeaLifecycle.PROCESS_KEY, Map.of(
        Elements.TASK_CLARIFY_IDEA, rules::checkClarification,
        Elements.TASK_REFORMULATE_IDEA, rules::checkReformulation,
        Elements.TASK_SCORE_IDEA, rules::checkScores,
        Elements.TASK_DECIDE_ORIENTATION, rules::checkOrientation,
        Elements.TASK_CONDUCT_EXPERIMENT, rules::checkExperimentReport,
        Elements.TASK_ASSESS_EXPERIMENT, rules::checkExperimentAssessment,
        Elements.TASK_STUDY_FEASIBILITY, rules::checkFeasibilityStudy,
        Elements.TASK_TAKE_UP_IDEA, rules::checkTakeUp), Map.of(
        Elements.TASK_CLARIFY_IDEA, NOT_THE_AUTHOR,
        Elements.TASK_SCORE_IDEA, NOT_THE_AUTHOR,
        Elements.TASK_DECIDE_ORIENTATION, NOT_THE_AUTHOR,
        Elements.TASK_ASSESS_EXPERIMENT, NOT_THE_AUTHOR,
        Elements.TASK_TAKE_UP_IDEA, NOT_THE_AUTHOR));
  }
}
