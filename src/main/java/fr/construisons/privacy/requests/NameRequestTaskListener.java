package fr.construisons.privacy.requests;

import static fr.construisons.privacy.requests.PersonalDataRequest.REQUESTED_ON;
import static fr.construisons.privacy.requests.PersonalDataRequest.REQUESTER;
import static fr.construisons.privacy.requests.PersonalDataRequest.REQUESTER_NAME;
import static fr.construisons.privacy.requests.PersonalDataRequest.REQUEST_KIND;

import fr.construisons.privacy.requests.PersonalDataRequest.Kind;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation of the team's task: names it after the request ({@link PersonalDataRequest#taskName}),
 * from what registration set (the requester's name from the directory, the day); the label of the
 * model stays when the kind is unknown.
 */
@Component("nameRequestTaskListener")
class NameRequestTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    REQUEST_KIND.from(task).map(Kind::valueOf).ifPresent(kind -> task.setName(PersonalDataRequest.taskName(kind,
        REQUESTER_NAME.from(task).or(() -> REQUESTER.from(task)).orElse("l'agent"), REQUESTED_ON.from(task).orElse(null))));
  }
}
