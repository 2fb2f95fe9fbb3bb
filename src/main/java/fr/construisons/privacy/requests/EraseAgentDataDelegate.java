package fr.construisons.privacy.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An accepted erasure request: the requester's data anonymised (AgentErasure), in its own job. */
@Component("eraseAgentDataDelegate")
class EraseAgentDataDelegate implements JavaDelegate {

  private final PersonalDataRequests requests;

  public EraseAgentDataDelegate(PersonalDataRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.erase(execution);
  }
}
