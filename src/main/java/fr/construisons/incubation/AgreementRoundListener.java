package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.AGREEMENT_COMMENT;
import static fr.construisons.incubation.Incubation.AGREEMENT_DECISION;
import static fr.construisons.incubation.Incubation.MEDIATION_NOTE;
import static fr.construisons.incubation.Incubation.TIMEBOX_DECISION;
import static fr.construisons.incubation.Incubation.TIMEBOX_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each round of "Accord sur le temps alloué" about itself. When the manager is asked
 * (again), the form keeps the terms they stated, a useful start, but not their previous answer,
 * which they must give afresh. Once they have answered, the team's mediation note and extension
 * request that motivated this round are spent: a later round must not show them as new.
 */
@Component("agreementRoundListener")
public class AgreementRoundListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      execution.removeVariable(AGREEMENT_DECISION.name());
      execution.removeVariable(AGREEMENT_COMMENT.name());
    } else if (!execution.isCanceled()) {
      execution.removeVariable(MEDIATION_NOTE.name());
      execution.removeVariable(TIMEBOX_DECISION.name());
      execution.removeVariable(TIMEBOX_NOTE.name());
    }
  }
}
