package fr.construisons.privacy.retention;

import fr.construisons.privacy.IdeaAnonymiser;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Lists the closed ideas whose retention period is over and whose people are still named. */
@Component("findExpiredIdeasDelegate")
class FindExpiredIdeasDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(FindExpiredIdeasDelegate.class);

  private final IdeaAnonymiser anonymiser;
  private final RetentionPeriods periods;

  public FindExpiredIdeasDelegate(IdeaAnonymiser anonymiser, RetentionPeriods periods) {
    this.anonymiser = anonymiser;
    this.periods = periods;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The engine's clock, so tests (and a replay in Cockpit) can move time.
    List<String> expired = anonymiser.closedOnOrBefore(
        periods.closedIdeasCutoff(ClockUtil.getCurrentTime().toInstant()), periods.batchSize());
    Retention.EXPIRED_IDEAS.write(execution, expired);
    LOG.info("{} idée(s) close(s) depuis plus de {} à anonymiser", expired.size(), periods.closedIdeas());
  }
}
