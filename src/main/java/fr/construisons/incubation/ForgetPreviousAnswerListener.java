package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.AGREEMENT_COMMENT;
import static fr.construisons.incubation.Incubation.AGREEMENT_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the manager is asked again (after a mediation or to extend the timebox): the form keeps
 * the terms they stated, which are a useful start, but not their previous answer, which they must
 * give afresh.
 */
@Component("forgetPreviousAnswerListener")
public class ForgetPreviousAnswerListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.removeVariable(AGREEMENT_DECISION.name());
    execution.removeVariable(AGREEMENT_COMMENT.name());
  }
}
