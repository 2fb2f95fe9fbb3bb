package fr.construisons.idea.forwarding;

import static fr.construisons.idea.IdeaLifecycle.DIRECTORATE;
import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;

import fr.construisons.idea.IdeaService;
import fr.construisons.notification.IdeaNotifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Transmettre l'idée à la direction": a mail to the directorate's mailbox (one per directorate). */
@Component("forwardIdeaToDirectorateDelegate")
public class ForwardIdeaToDirectorateDelegate implements JavaDelegate {

  private final IdeaService ideas;
  private final IdeaNotifier notifier;

  public ForwardIdeaToDirectorateDelegate(IdeaService ideas, IdeaNotifier notifier) {
    this.ideas = ideas;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.forwardedToDirectorate(ideas.get(IDEA_REFERENCE.required(execution)),
        DIRECTORATE.required(execution));
  }
}
