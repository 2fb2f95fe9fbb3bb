package fr.construisons.idea.closure;

import fr.construisons.process.Initiator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of idea-withdrawal: refuses an illegitimate request before anything is stored. */
@Component("validateWithdrawalListener")
class ValidateWithdrawalListener implements ExecutionListener {

  private final IdeaClosureRequests requests;

  public ValidateWithdrawalListener(IdeaClosureRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Initiator.check(execution, IdeaClosure.REQUESTER);
    requests.checkWithdrawal(execution);
  }
}
