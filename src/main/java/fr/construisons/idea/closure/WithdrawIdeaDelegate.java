package fr.construisons.idea.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Retirer l'idée": interrupts the idea's instruction, in the requester's transaction. */
@Component("withdrawIdeaDelegate")
class WithdrawIdeaDelegate implements JavaDelegate {

  private final IdeaClosureRequests requests;

  public WithdrawIdeaDelegate(IdeaClosureRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.withdraw(execution, execution.getProcessEngineServices().getRuntimeService());
  }
}
