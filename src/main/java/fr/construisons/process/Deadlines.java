package fr.construisons.process;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Timer dates of the models, in working days ({@code construisons.deadlines.*}), used as
 * {@code ${deadlines.clarificationReminder()}} in timer definitions. Computed from the engine clock
 * so tests can move time.
 */
@Component("deadlines")
@EnableConfigurationProperties(Deadlines.Settings.class)
public class Deadlines {

  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private final Settings settings;

  public Deadlines(Settings settings) {
    this.settings = settings;
  }

  @ConfigurationProperties("construisons.deadlines")
  public record Settings(int clarificationReminder, int clarificationEscalation, int takeUpReminder,
      int managerAgreementReminder) {

    /** The idea-lifecycle deadlines alone; the manager is reminded after 5 working days. */
    public Settings(int clarificationReminder, int clarificationEscalation, int takeUpReminder) {
      this(clarificationReminder, clarificationEscalation, takeUpReminder, 5);
    }

    @ConstructorBinding
    public Settings {
      if (managerAgreementReminder <= 0) {
        throw new IllegalArgumentException("construisons.deadlines.manager-agreement-reminder must be positive");
      }
      if (clarificationReminder <= 0 || clarificationEscalation <= clarificationReminder || takeUpReminder <= 0) {
        throw new IllegalArgumentException("construisons.deadlines: reminders must be positive and the "
            + "clarification escalation must come after the clarification reminder");
      }
    }
  }

  public Settings settings() {
    return settings;
  }

  public Date clarificationReminder() {
    return workingDaysFromNow(settings.clarificationReminder());
  }

  public Date clarificationEscalation() {
    return workingDaysFromNow(settings.clarificationEscalation());
  }

  public Date managerAgreementReminder() {
    return workingDaysFromNow(settings.managerAgreementReminder());
  }

  public Date takeUpReminder() {
    return workingDaysFromNow(settings.takeUpReminder());
  }

  /** Same time of day, {@code days} working days later. */
  public Date workingDaysFromNow(int days) {
    return Date.from(workingDaysAfter(ClockUtil.getCurrentTime().toInstant(), days));
  }

  /**
   * When a timer set at {@code start} for {@code days} working days falls due: the dashboard
   * judges a waiting task late by the same rule as its timer.
   */
  public static Instant workingDaysAfter(Instant start, int days) {
    ZonedDateTime from = start.atZone(ZONE);
    return FrenchWorkingDays.plusWorkingDays(from.toLocalDate(), days)
        .atTime(from.toLocalTime()).atZone(ZONE).toInstant();
  }
}
