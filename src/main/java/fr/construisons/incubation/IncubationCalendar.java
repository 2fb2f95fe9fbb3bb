package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.DURATION_MONTHS;
import static fr.construisons.incubation.Incubation.START_DATE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The timebox agreed with the manager (start date + duration), for the timers of the workstreams:
 * {@code ${incubationCalendar.timeboxEnd(execution)}} and {@code timeboxReminder(execution)}.
 */
@Component("incubationCalendar")
public class IncubationCalendar {

  static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  /** Timers fire at the start of a working day rather than at midnight. */
  static final LocalTime MORNING = LocalTime.of(9, 0);

  public LocalDate endDate(VariableScope scope) {
    return LocalDate.parse(START_DATE.required(scope)).plusMonths(DURATION_MONTHS.required(scope));
  }

  /**
   * {@code ${incubationCalendar.endDateLabel(execution)}}: the end of the period in French, as the
   * mails and the workstream forms show it (« dimanche 4 juillet 2027 »).
   */
  public String endDateLabel(VariableScope scope) {
    return AgreementTerms.FRENCH_DATE.format(endDate(scope));
  }

  public Date timeboxEnd(VariableScope scope) {
    return at(endDate(scope));
  }

  /** One month before the end (at once if the agreed duration is one month). */
  public Date timeboxReminder(VariableScope scope) {
    return at(endDate(scope).minusMonths(1));
  }

  private static Date at(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, MORNING, ZONE).toInstant());
  }
}
