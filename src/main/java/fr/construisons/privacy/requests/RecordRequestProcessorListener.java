package fr.construisons.privacy.requests;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of the team's task: remembers who processed the request (the erasure names them in the log). */
@Component("recordRequestProcessorListener")
class RecordRequestProcessorListener implements TaskListener {

  private final PersonalDataRequests requests;

  public RecordRequestProcessorListener(PersonalDataRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    requests.recordProcessor(task);
  }
}
