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
public class ValidateIncubationFormListener extends TaskFormValidation {

  public ValidateIncubationFormListener(IncubationFormRules rules) {
    super(Map.of(
        Elements.TASK_AGREE_ON_WORKING_TIME, rules::checkAgreement,
        Elements.TASK_MEDIATE_AGREEMENT, rules::checkMediation,
        Elements.TASK_FORM_PROJECT_TEAM, rules::checkProjectTeam,
        Elements.TASK_CARRY_WORKSTREAM, rules::checkDeliverable,
        Elements.TASK_REVIEW_WORKSTREAM, rules::checkReview,
        Elements.TASK_DECIDE_ON_TIMEBOX, rules::checkTimebox,
        Elements.TASK_DECIDE_IMPLEMENTATION, rules::checkDecision,
        Elements.TASK_IMPLEMENT_IDEA, rules::checkImplementation));
  }
}
