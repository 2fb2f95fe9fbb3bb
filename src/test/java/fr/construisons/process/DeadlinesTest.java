package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Timer dates of the models: working days later, same time of day in Paris, from the engine clock,
 * for deadlines configured by name.
 */
class DeadlinesTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final Deadlines deadlines = new Deadlines(settings(5, 10, 15));

  /** The idea-lifecycle deadlines, as application.yml names them. */
  private static Deadlines.Settings settings(int reminder, int escalation, int takeUp) {
    return new Deadlines.Settings(Map.of("clarification-reminder", reminder, "clarification-escalation", escalation,
        "take-up-reminder", takeUp));
  }

  @AfterEach
  void resetTheEngineClock() {
    ClockUtil.reset();
  }

  private static void nowInParis(int year, int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(paris(year, month, day, hour, minute));
  }

  private static Date paris(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant());
  }

  @Test
  void theClarificationAndTakeUpDeadlinesCountWorkingDaysFromTheEngineClock() {
    // Monday 6 July 2026, 9:30; 14 July (Tuesday) is off.
    nowInParis(2026, 7, 6, 9, 30);

    assertThat(deadlines.due("clarification-reminder")).isEqualTo(paris(2026, 7, 13, 9, 30));
    assertThat(deadlines.due("clarification-escalation")).isEqualTo(paris(2026, 7, 21, 9, 30));
    assertThat(deadlines.due("take-up-reminder")).isEqualTo(paris(2026, 7, 28, 9, 30));
  }

  @Test
  void theMethodsOlderModelVersionsCallGiveTheSameDates() {
    nowInParis(2026, 7, 6, 9, 30);

    assertThat(deadlines.clarificationReminder()).isEqualTo(deadlines.due("clarification-reminder"))
        .isEqualTo(paris(2026, 7, 13, 9, 30));
    assertThat(deadlines.clarificationEscalation()).isEqualTo(paris(2026, 7, 21, 9, 30));
    assertThat(deadlines.takeUpReminder()).isEqualTo(paris(2026, 7, 28, 9, 30));
  }

  @Test
  void anUnknownDeadlineFailsWithTheNamesThereAre() {
    assertThatThrownBy(() -> deadlines.due("scoring-reminder"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'scoring-reminder'").hasMessageContaining("construisons.deadlines.scoring-reminder")
        .hasMessageContaining("clarification-reminder");
    assertThatThrownBy(() -> deadlines.settings().days().get("scoring-reminder"))
        .as("a template naming it").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deadlines.managerAgreementReminder())
        .as("a deadline older models use, not configured").isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manager-agreement-reminder");
  }

  @Test
  void templatesReadTheWorkingDaysByName() {
    assertThat(deadlines.settings().days()).containsEntry("clarification-reminder", 5)
        .containsEntry("take-up-reminder", 15).hasSize(3);
    assertThat(deadlines.settings().days().get("clarification-escalation")).isEqualTo(10);
  }

  /** As Spring binds application.yml, with an environment variable overriding one deadline. */
  @Test
  void anEnvironmentVariableOverridesTheDeadlineOfApplicationYml() {
    Map<String, Object> yml = Map.of("construisons.deadlines.clarification-reminder", "5",
        "construisons.deadlines.take-up-reminder", "15");
    Map<String, Object> environment = Map.of("CONSTRUISONS_DEADLINES_TAKEUPREMINDER", "20");
    StandardEnvironment spring = new StandardEnvironment();
    spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    spring.getPropertySources().addLast(new MapPropertySource("application.yml", yml));

    Deadlines.Settings bound = Binder.get(spring).bind("construisons", Deadlines.Settings.class).get();

    assertThat(bound.days("take-up-reminder")).isEqualTo(20);
    assertThat(bound.days("clarification-reminder")).isEqualTo(5);
    assertThat(bound.days()).containsEntry("take-up-reminder", 20);
  }

  @Test
  void theDeadlinesMoveWithTheEngineClock() {
    nowInParis(2026, 7, 6, 9, 30);
    Date first = deadlines.clarificationReminder();

    nowInParis(2026, 7, 7, 9, 30);

    assertThat(deadlines.clarificationReminder()).isAfter(first).isEqualTo(paris(2026, 7, 15, 9, 30));
  }

  @Test
  void theTimeOfDayIsKeptInParisAcrossTheChangeToSummerTime() {
    // Wednesday 25 March 2026, 10:00 CET; clocks go forward on Sunday 29 March.
    nowInParis(2026, 3, 25, 10, 0);

    Date reminder = deadlines.clarificationReminder();

    assertThat(reminder).isEqualTo(paris(2026, 4, 1, 10, 0));
    assertThat(reminder.toInstant().atZone(PARIS).getOffset().getTotalSeconds()).as("CEST").isEqualTo(7200);
  }

  @Test
  void theStartDayIsTheDayInParisNotInUtc() {
    // Friday 9 January 2026 at 00:30 in Paris is still Thursday in UTC.
    nowInParis(2026, 1, 9, 0, 30);

    assertThat(deadlines.workingDaysFromNow(1)).isEqualTo(paris(2026, 1, 12, 0, 30));
  }

  @Test
  void theSettingsAreKeptAsConfigured() {
    assertThat(deadlines.settings().days("clarification-reminder")).isEqualTo(5);
    assertThat(deadlines.settings().days("clarification-escalation")).isEqualTo(10);
    assertThat(deadlines.settings().days("take-up-reminder")).isEqualTo(15);
  }

  @ParameterizedTest(name = "reminder {0}, escalation {1}, take-up {2} refused")
  @CsvSource({
      "5, 5, 15",   // escalation not after the reminder
      "10, 5, 15",  // escalation before the reminder
      "0, 10, 15",  // zero
      "-1, 10, 15",
      "5, 10, 0",
      "5, 10, -3"})
  void inconsistentSettingsAreRefusedAtStartUp(int reminder, int escalation, int takeUp) {
    assertThatThrownBy(() -> settings(reminder, escalation, takeUp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("construisons.deadlines");
  }

  @Test
  void theSmallestConsistentSettingsAreAccepted() {
    Deadlines.Settings settings = settings(1, 2, 1);

    assertThat(settings.days("clarification-reminder")).isEqualTo(1);
    assertThat(settings.days("clarification-escalation")).isEqualTo(2);
    assertThat(settings.days("take-up-reminder")).isEqualTo(1);
  }

  @Test
  void everyEscalationComesAfterItsReminderWhateverItsName() {
    assertThatThrownBy(() -> new Deadlines.Settings(Map.of("scoring-reminder", 5, "scoring-escalation", 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("construisons.deadlines.scoring-escalation");
    assertThatThrownBy(() -> new Deadlines.Settings(Map.of("manager-agreement-reminder", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("construisons.deadlines.manager-agreement-reminder");
    // An escalation without a reminder of its own has nothing to follow.
    assertThat(new Deadlines.Settings(Map.of("scoring-escalation", 3)).days("scoring-escalation")).isEqualTo(3);
  }
}
