package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_OUTCOME;
import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** After "Reformuler l'idée" is validated: the catalogue shows the reworked idea. */
@Component("recordReformulationListener")
public class RecordReformulationListener implements TaskListener {

  private final IdeaService ideas;
  private final IdeaVariables variables;

  public RecordReformulationListener(IdeaService ideas, IdeaVariables variables) {
    this.ideas = ideas;
    this.variables = variables;
  }

  @Override
  public void notify(DelegateTask task) {
    ideas.reformulate(IDEA_REFERENCE.required(task), variables.submission(task));
    // The next clarification call must be decided afresh, not open on the previous outcome.
    task.removeVariable(CLARIFICATION_OUTCOME.name());
  }
}
