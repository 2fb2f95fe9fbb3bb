package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.DUPLICATE_OF;
import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;
import static fr.construisons.idea.IdeaLifecycle.STAGE;


import fr.construisons.process.ProcessVariable;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Moves the idea to the stage named by the element's input {@code targetStage} and tells the
 * ideator, with the element's input {@code stageReason} when the stage needs one (a closing
 * stage, the committee's comment). Used by the "Informer …" send tasks and the message end events.
 */
@Component("moveIdeaToStageDelegate")
public class MoveIdeaToStageDelegate implements JavaDelegate {

  public static final ProcessVariable<String> TARGET_STAGE = ProcessVariable.string("targetStage");
  public static final ProcessVariable<String> STAGE_REASON = ProcessVariable.string("stageReason");

  private final IdeaService ideas;
  private final IdeaMails mails;

  public MoveIdeaToStageDelegate(IdeaService ideas, IdeaMails notifier) {
    this.ideas = ideas;
    this.mails = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // in
    String reference = IDEA_REFERENCE.required(execution);
    IdeaStage stage = IdeaStage.valueOf(TARGET_STAGE.required(execution));
    String reason = STAGE_REASON.from(execution).orElse(null);
    Map<String, Object> extra = new HashMap<>();
    DUPLICATE_OF.from(execution).ifPresent(original -> extra.put("duplicateOf", original));
    // use case: the catalogue first, then the mail (a mail failure rolls both back and retries)
    Idea idea = ideas.moveToStage(reference, stage, reason);
    mails.stageChanged(idea, stage, reason, extra);
    // out
    STAGE.set(execution, stage.name());
  }
}
