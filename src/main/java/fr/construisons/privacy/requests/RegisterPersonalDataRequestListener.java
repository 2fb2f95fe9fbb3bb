package fr.construisons.privacy.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of personal-data-request: refuses an invalid or foreign request, registers and logs the others. */
@Component("registerPersonalDataRequestListener")
class RegisterPersonalDataRequestListener implements ExecutionListener {

  private final PersonalDataRequests requests;

  public RegisterPersonalDataRequestListener(PersonalDataRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    requests.register(execution);
  }
}
