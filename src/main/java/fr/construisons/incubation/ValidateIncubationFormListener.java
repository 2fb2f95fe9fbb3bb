package fr.construisons.incubation;

import fr.construisons.incubation.Incubation.Elements;
import fr.construisons.process.TaskFormValidation;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The form rules of the incubation's user tasks, checked when each is completed (a task cancelled
 * by the end of the timebox is not validated).
 */
@Component("validateIncubationFormListener")
class ValidateIncubationFormListener extends TaskFormValidation {

  /**
   * The intrapreneur carries the workstreams; the mediation, the team, the reviews and the
   * decisions on their own incubation are other people's (conflict of interest).
   */
  static final ExcludedActor NOT_THE_INTRAPRENEUR = new ExcludedActor(Incubation.IDEATOR,
      "vous portez cette incubation : pour éviter tout conflit d'intérêts, un autre membre de "
          + "votre groupe traite cette tâche");

  public ValidateIncubationFormListener(IncubationFormRules rules) {
    super(Incubation.PROCESS_KEY, Map.of(
        Elements.TASK_AGREE_ON_WORKING_TIME, rules::checkAgreement,
        Elements.TASK_MEDIATE_AGREEMENT, rules::checkMediation,
        Elements.TASK_FORM_PROJECT_TEAM, rules::checkProjectTeam,
        Elements.TASK_CARRY_WORKSTREAM, rules::checkDeliverable,
        Elements.TASK_REVIEW_WORKSTREAM, rules::checkReview,
        Elements.TASK_DECIDE_ON_TIMEBOX, rules::checkTimebox,
        Elements.TASK_DECIDE_IMPLEMENTATION, rules::checkDecision,
        Elements.TASK_IMPLEMENT_IDEA, rules::checkImplementation), Map.of(
        Elements.TASK_MEDIATE_AGREEMENT, NOT_THE_INTRAPRENEUR,
        Elements.TASK_FORM_PROJECT_TEAM, NOT_THE_INTRAPRENEUR,
        Elements.TASK_REVIEW_WORKSTREAM, NOT_THE_INTRAPRENEUR,
        Elements.TASK_DECIDE_ON_TIMEBOX, NOT_THE_INTRAPRENEUR,
        Elements.TASK_DECIDE_IMPLEMENTATION, NOT_THE_INTRAPRENEUR));
  }
}
