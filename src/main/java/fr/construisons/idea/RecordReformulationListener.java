package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_OUTCOME;
import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After "Reformuler l'idée" is completed and validated (it runs after
 * {@link ValidateTaskFormListener}): the catalogue shows the reworked idea.
 */
@Component("recordReformulationListener")
class RecordReformulationListener implements ExecutionListener {

  private final IdeaService ideas;
  private final IdeaVariables variables;

  public RecordReformulationListener(IdeaService ideas, IdeaVariables variables) {
    this.ideas = ideas;
    this.variables = variables;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ideas.reformulate(IDEA_REFERENCE.required(execution), variables.submission(execution));
    // The next clarification call must be decided afresh, not open on the previous outcome.
    execution.removeVariable(CLARIFICATION_OUTCOME.name());
  }
}
