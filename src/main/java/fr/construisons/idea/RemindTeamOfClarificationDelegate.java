package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;

import fr.construisons.notification.IdeaNotifier;
import fr.construisons.process.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Relancer l'équipe": the clarification call has not happened in time. */
@Component("remindTeamOfClarificationDelegate")
public class RemindTeamOfClarificationDelegate implements JavaDelegate {

  private final IdeaService ideas;
  private final IdeaNotifier notifier;
  private final Deadlines deadlines;

  public RemindTeamOfClarificationDelegate(IdeaService ideas, IdeaNotifier notifier, Deadlines deadlines) {
    this.ideas = ideas;
    this.notifier = notifier;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.clarificationReminder(ideas.get(IDEA_REFERENCE.required(execution)),
        deadlines.settings().clarificationReminder());
  }
}
