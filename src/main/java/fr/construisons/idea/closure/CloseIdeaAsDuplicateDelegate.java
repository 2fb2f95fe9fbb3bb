package fr.construisons.idea.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Clore l'idée comme doublon": interrupts the idea's instruction, in the requester's transaction. */
@Component("closeIdeaAsDuplicateDelegate")
class CloseIdeaAsDuplicateDelegate implements JavaDelegate {

  private final IdeaClosureRequests requests;

  public CloseIdeaAsDuplicateDelegate(IdeaClosureRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.closeAsDuplicate(execution, execution.getProcessEngineServices().getRuntimeService());
  }
}
