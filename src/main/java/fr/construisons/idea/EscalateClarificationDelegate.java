package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;

import fr.construisons.notification.IdeaNotifier;
import fr.construisons.process.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Escalader le retard": still no clarification call after the reminder. */
@Component("escalateClarificationDelegate")
public class EscalateClarificationDelegate implements JavaDelegate {

  private final IdeaService ideas;
  private final IdeaNotifier notifier;
  private final Deadlines deadlines;

  public EscalateClarificationDelegate(IdeaService ideas, IdeaNotifier notifier, Deadlines deadlines) {
    this.ideas = ideas;
    this.notifier = notifier;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.clarificationEscalation(ideas.get(IDEA_REFERENCE.required(execution)),
        deadlines.settings().clarificationEscalation());
  }
}
