package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.DIRECTORATE;

import fr.construisons.organisation.OrganisationDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation of « Prendre en charge l'idée », one per impacted directorate: the task's name says for
 * which directorate it is, « Prendre en charge l'idée (Direction de l'éducation) », so that an agent
 * who answers for two directorates tells the two tasks of one idea apart. The idea's reference and
 * title are added after it ({@link TaskNamesTellTheIdea}).
 */
@Component("nameTheDirectorateListener")
class NameTheDirectorateListener implements TaskListener {

  private final OrganisationDirectory organisation;

  NameTheDirectorateListener(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    DIRECTORATE.from(task).ifPresent(code ->
        task.setName(task.getName() + " (" + organisation.directorateName(code) + ")"));
  }
}
