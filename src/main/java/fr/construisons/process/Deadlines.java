package fr.construisons.process;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Timer dates of the models, in working days, by name: {@code construisons.deadlines.<name>: <days>}
 * in {@code application.yml}, used as {@code ${deadlines.due('clarification-reminder')}} in timer
 * definitions, and stated by the reminders' mails ({@code ${deadlines['clarification-reminder']}}).
 * A new deadline is one line of configuration. Computed from the engine clock so tests can move
 * time.
 */
@Component("deadlines")
@EnableConfigurationProperties(Deadlines.Settings.class)
public class Deadlines {

  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private final Settings settings;

  public Deadlines(Settings settings) {
    this.settings = settings;
  }

  /**
   * {@code construisons.deadlines}: working days by name, in kebab case (an environment variable
   * such as {@code CONSTRUISONS_DEADLINES_TAKEUPREMINDER} overrides {@code take-up-reminder}, as
   * Spring binds it). Every value is positive, and an {@code x-escalation} comes after its
   * {@code x-reminder}.
   */
  @ConfigurationProperties("construisons")
  public record Settings(Map<String, Integer> deadlines) {

    private static final String PREFIX = "construisons.deadlines.";

    @ConstructorBinding
    public Settings {
      deadlines = Collections.unmodifiableMap(new TreeMap<>(deadlines == null ? Map.of() : deadlines));
      deadlines.forEach((name, days) -> {
        if (days == null || days <= 0) {
          throw new IllegalArgumentException(PREFIX + name + " must be a positive number of working days, not " + days);
        }
      });
      for (Map.Entry<String, Integer> escalation : deadlines.entrySet()) {
        String name = escalation.getKey();
        if (!name.endsWith("-escalation")) {
          continue;
        }
        String reminder = name.substring(0, name.length() - "escalation".length()) + "reminder";
        Integer reminderDays = deadlines.get(reminder);
        if (reminderDays != null && escalation.getValue() <= reminderDays) {
          throw new IllegalArgumentException(PREFIX + name + " (" + escalation.getValue() + ") must come after "
              + PREFIX + reminder + " (" + reminderDays + "): an escalation follows its reminder");
        }
      }
    }

    /** Working days of the deadline of that name; an unknown name is a modelling error. */
    public int days(String name) {
      Integer days = deadlines.get(name);
      if (days == null) {
        throw new IllegalArgumentException("Unknown deadline '" + name + "': add " + PREFIX + name
            + " to application.yml, or use one of " + deadlines.keySet());
      }
      return days;
    }

    /**
     * The deadlines as the mail templates read them ({@code deadlines['take-up-reminder']}): a
     * name that is not configured fails the mail instead of leaving a blank in its text.
     */
    public Map<String, Integer> days() {
      return new AbstractMap<>() {
        @Override
        public Integer get(Object name) {
          return days(String.valueOf(name));
        }

        @Override
        public Set<Entry<String, Integer>> entrySet() {
          return deadlines.entrySet();
        }
      };
    }
  }

  public Settings settings() {
    return settings;
  }

  /** When the deadline of that name falls due if it starts now: a timer's date. */
  public Date due(String name) {
    return workingDaysFromNow(settings.days(name));
  }

  // The methods below are what the timers of idea-lifecycle up to 1.1.0 and incubation up to 1.2.0
  // call (${deadlines.clarificationReminder()}…). Those versions stay deployed, and their instances
  // keep creating timers, so keep these until Cockpit shows no running instance of them (docs,
  // "Upgrading models safely"); newer versions call due(name).

  public Date clarificationReminder() {
    return due("clarification-reminder");
  }

  public Date clarificationEscalation() {
    return due("clarification-escalation");
  }

  public Date managerAgreementReminder() {
    return due("manager-agreement-reminder");
  }

  public Date takeUpReminder() {
    return due("take-up-reminder");
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
