package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;

import fr.construisons.notification.IdeaNotifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Prévenir l'équipe Construisons!" of a new idea to clarify. */
@Component("notifyTeamOfNewIdeaDelegate")
public class NotifyTeamOfNewIdeaDelegate implements JavaDelegate {

  private final IdeaService ideas;
  private final IdeaNotifier notifier;

  public NotifyTeamOfNewIdeaDelegate(IdeaService ideas, IdeaNotifier notifier) {
    this.ideas = ideas;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.newIdeaToTeam(ideas.get(IDEA_REFERENCE.required(execution)));
  }
}
