package fr.construisons.privacy.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the team's answer to the agent who made the request. */
@Component("answerRequesterDelegate")
public class AnswerRequesterDelegate implements JavaDelegate {

  private final PersonalDataRequests requests;

  public AnswerRequesterDelegate(PersonalDataRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.answer(execution);
  }
}
