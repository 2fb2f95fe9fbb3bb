package fr.construisons.privacy.retention;

import fr.construisons.privacy.PersonalDataLog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Deletes the entries of the log of rights exercised that are past their own period. */
@Component("purgePersonalDataLogDelegate")
class PurgePersonalDataLogDelegate implements JavaDelegate {

  private final PersonalDataLog log;
  private final RetentionPeriods periods;

  public PurgePersonalDataLogDelegate(PersonalDataLog log, RetentionPeriods periods) {
    this.log = log;
    this.periods = periods;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int purged = log.deleteBefore(periods.personalDataLogCutoff(ClockUtil.getCurrentTime().toInstant()));
    Retention.LOG_ENTRIES_PURGED.set(execution, purged);
  }
}
