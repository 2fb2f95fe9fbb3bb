package fr.construisons.idea;

import fr.construisons.process.Initiator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the start event of idea-lifecycle, in the transaction that starts the process: an invalid
 * submission is refused before anything is stored.
 */
@Component("validateNewIdeaListener")
class ValidateNewIdeaListener implements ExecutionListener {

  private final IdeaFormRules rules;

  public ValidateNewIdeaListener(IdeaFormRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Initiator.check(execution, IdeaLifecycle.IDEATOR);
    rules.checkSubmission(execution);
  }
}
