package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;
import static fr.construisons.idea.IdeaLifecycle.STAGE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer l'idée": reference, catalogue entry, business key. */
@Component("registerIdeaDelegate")
public class RegisterIdeaDelegate implements JavaDelegate {

  private final IdeaService ideas;
  private final IdeaVariables variables;

  public RegisterIdeaDelegate(IdeaService ideas, IdeaVariables variables) {
    this.ideas = ideas;
    this.variables = variables;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // in
    IdeaService.Submission submission = variables.submission(execution);
    // use case
    Idea idea = ideas.register(submission, execution.getProcessInstanceId());
    // out: the reference is what people quote, so Cockpit and Tasklist show it as business key
    IDEA_REFERENCE.set(execution, idea.reference());
    STAGE.set(execution, idea.stage().name());
    execution.setProcessBusinessKey(idea.reference());
  }
}
