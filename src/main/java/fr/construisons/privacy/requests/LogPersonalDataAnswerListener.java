package fr.construisons.privacy.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of the team's task, once its form is valid: the answer goes into personal_data_log. */
@Component("logPersonalDataAnswerListener")
class LogPersonalDataAnswerListener implements ExecutionListener {

  private final PersonalDataRequests requests;

  public LogPersonalDataAnswerListener(PersonalDataRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    requests.logAnswer(execution);
  }
}
