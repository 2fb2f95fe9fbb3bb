package fr.construisons.incubation;

import fr.construisons.incubation.Incubation.Elements;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * When a user task of the incubation is completed: the form's rules on the server (see
 * {@code ValidateTaskFormListener} of idea-lifecycle for why an execution listener on {@code end}).
 * A task cancelled by the end of the timebox is not validated.
 */
@Component("validateIncubationFormListener")
public class ValidateIncubationFormListener implements ExecutionListener {

  private final Map<String, Consumer<VariableScope>> rulesByTask;

  public ValidateIncubationFormListener(IncubationFormRules rules) {
    this.rulesByTask = Map.of(
        Elements.TASK_AGREE_ON_WORKING_TIME, rules::checkAgreement,
        Elements.TASK_MEDIATE_AGREEMENT, rules::checkMediation,
        Elements.TASK_FORM_PROJECT_TEAM, rules::checkProjectTeam,
        Elements.TASK_CARRY_WORKSTREAM, rules::checkDeliverable,
        Elements.TASK_REVIEW_WORKSTREAM, rules::checkReview,
        Elements.TASK_DECIDE_ON_TIMEBOX, rules::checkTimebox,
        Elements.TASK_DECIDE_IMPLEMENTATION, rules::checkDecision,
        Elements.TASK_IMPLEMENT_IDEA, rules::checkImplementation);
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Consumer<VariableScope> rule = rulesByTask.get(execution.getCurrentActivityId());
    if (rule == null) {
      throw new IllegalStateException("No form rules for task " + execution.getCurrentActivityId());
    }
    rule.accept(execution);
  }
}
