package fr.construisons.idea.forwarding;

import static fr.construisons.idea.IdeaLifecycle.DIRECTORATE;
import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;

import fr.construisons.idea.IdeaService;
import fr.construisons.notification.IdeaNotifier;
import fr.construisons.process.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Relancer la direction" that has not answered in time. */
@Component("remindDirectorateDelegate")
public class RemindDirectorateDelegate implements JavaDelegate {

  private final IdeaService ideas;
  private final IdeaNotifier notifier;
  private final Deadlines deadlines;

  public RemindDirectorateDelegate(IdeaService ideas, IdeaNotifier notifier, Deadlines deadlines) {
    this.ideas = ideas;
    this.notifier = notifier;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.takeUpReminder(ideas.get(IDEA_REFERENCE.required(execution)), DIRECTORATE.required(execution),
        deadlines.settings().takeUpReminder());
  }
}
