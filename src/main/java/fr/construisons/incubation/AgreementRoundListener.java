package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.AGREEMENT_COMMENT;
import static fr.construisons.incubation.Incubation.AGREEMENT_DECISION;
import static fr.construisons.incubation.Incubation.MEDIATION_DECISION;
import static fr.construisons.incubation.Incubation.MEDIATION_NOTE;
import static fr.construisons.incubation.Incubation.TIMEBOX_DECISION;
import static fr.construisons.incubation.Incubation.TIMEBOX_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each round of "Accord sur le temps alloué" about itself. When the manager is asked
 * again, their previous answer is gone: they must give it afresh (a refusal or a counter-proposal
 * kept no terms, see IncubationFormRules.checkAgreement). Once they have answered, the team's mediation note and extension
 * request that motivated this round are spent: a later round must not show them as new.
 *
 * <p>The answer and the mediation are local variables of {@code SubProcess_AgreeOnWorkingTime}
 * (declared by its input mapping), so that an expert's task elsewhere in the incubation cannot
 * read them. They are therefore emptied, never removed: a removed local variable would be
 * created again at the instance's level by the next form submission.
 */
@Component("agreementRoundListener")
class AgreementRoundListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      execution.setVariable(AGREEMENT_DECISION.name(), null);
      execution.setVariable(AGREEMENT_COMMENT.name(), null);
    } else if (!execution.isCanceled()) {
      execution.setVariable(MEDIATION_DECISION.name(), null);
      execution.setVariable(MEDIATION_NOTE.name(), null);
      execution.removeVariable(TIMEBOX_DECISION.name());
      execution.removeVariable(TIMEBOX_NOTE.name());
    }
  }
}
