package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timer dates of the models: working days later, same time of day in Paris, from the engine clock. */
class DeadlinesTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final Deadlines deadlines = new Deadlines(new Deadlines.Settings(5, 10, 15));

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

    assertThat(deadlines.clarificationReminder()).isEqualTo(paris(2026, 7, 13, 9, 30));
    assertThat(deadlines.clarificationEscalation()).isEqualTo(paris(2026, 7, 21, 9, 30));
    assertThat(deadlines.takeUpReminder()).isEqualTo(paris(2026, 7, 28, 9, 30));
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
    assertThat(deadlines.settings().clarificationReminder()).isEqualTo(5);
    assertThat(deadlines.settings().clarificationEscalation()).isEqualTo(10);
    assertThat(deadlines.settings().takeUpReminder()).isEqualTo(15);
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
    assertThatThrownBy(() -> new Deadlines.Settings(reminder, escalation, takeUp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("construisons.deadlines");
  }

  @Test
  void theSmallestConsistentSettingsAreAccepted() {
    Deadlines.Settings settings = new Deadlines.Settings(1, 2, 1);

    assertThat(settings.clarificationReminder()).isEqualTo(1);
    assertThat(settings.clarificationEscalation()).isEqualTo(2);
    assertThat(settings.takeUpReminder()).isEqualTo(1);
  }
}
