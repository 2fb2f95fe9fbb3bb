package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.IDEATOR;
import static fr.construisons.idea.IdeaLifecycle.IDEATOR_NAME;

import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation of a task whose form shows the ideator (« Appel de clarification »): the task gets her
 * name from the directory as a variable of its own ({@link IdeaLifecycle#IDEATOR_NAME}), which the
 * form shows in a disabled field. Local to the task so the process keeps only her id, and so each
 * task shows the name the directory gives when it opens; an agent the directory no longer knows
 * is shown by her id rather than not at all.
 */
@Component("nameTheIdeatorListener")
class NameTheIdeatorListener implements TaskListener {

  private final OrganisationDirectory organisation;

  NameTheIdeatorListener(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    IDEATOR.from(task).ifPresent(ideator -> task.setVariableLocal(IDEATOR_NAME.name(),
        organisation.agent(ideator).map(Agent::displayName).filter(name -> !name.isBlank()).orElse(ideator)));
  }
}
