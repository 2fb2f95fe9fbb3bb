package fr.construisons.idea.forwarding;

import static fr.construisons.idea.IdeaLifecycle.DIRECTORATE;
import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;
import static fr.construisons.idea.IdeaLifecycle.TAKE_UP_DECISION;
import static fr.construisons.idea.IdeaLifecycle.TAKE_UP_REASON;

import fr.construisons.idea.Decisions.TakeUpDecision;
import fr.construisons.idea.IdeaService;
import fr.construisons.notification.IdeaNotifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Informer l'agent-idéateur de la réponse" of one directorate. */
@Component("tellIdeatorOfAnswerDelegate")
public class TellIdeatorOfAnswerDelegate implements JavaDelegate {

  private final IdeaService ideas;
  private final IdeaNotifier notifier;

  public TellIdeatorOfAnswerDelegate(IdeaService ideas, IdeaNotifier notifier) {
    this.ideas = ideas;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.directorateAnswered(ideas.get(IDEA_REFERENCE.required(execution)), DIRECTORATE.required(execution),
        TakeUpDecision.valueOf(TAKE_UP_DECISION.required(execution)), TAKE_UP_REASON.required(execution));
  }
}
