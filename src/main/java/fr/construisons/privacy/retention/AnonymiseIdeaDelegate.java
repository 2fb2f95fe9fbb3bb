package fr.construisons.privacy.retention;

import fr.construisons.privacy.IdeaAnonymiser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Takes the people out of one idea past its retention period (one job per idea). */
@Component("anonymiseIdeaDelegate")
class AnonymiseIdeaDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(AnonymiseIdeaDelegate.class);

  private final IdeaAnonymiser anonymiser;

  public AnonymiseIdeaDelegate(IdeaAnonymiser anonymiser) {
    this.anonymiser = anonymiser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = Retention.IDEA_REFERENCE.required(execution);
    if (anonymiser.anonymise(reference, ClockUtil.getCurrentTime().toInstant())) {
      LOG.info("Idée {} anonymisée (fin de la durée de conservation)", reference);
    } else {
      LOG.warn("Idée {} non anonymisée : introuvable ou rouverte depuis la veille", reference);
    }
  }
}
