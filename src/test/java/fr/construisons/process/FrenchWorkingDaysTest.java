package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The working-day calendar of a French public administration (metropolitan France). */
class FrenchWorkingDaysTest {

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @ParameterizedTest(name = "Easter {0} is on {1}")
  @CsvSource({
      "2024, 2024-03-31",
      "2025, 2025-04-20",
      "2026, 2026-04-05",
      "2027, 2027-03-28",
      // extremes of the Gregorian range of dates, and a year of the other century
      "2285, 2285-03-22",
      "2038, 2038-04-25",
      "2000, 2000-04-23"})
  void easterSundayIsComputedForKnownYears(int year, LocalDate expected) {
    assertThat(FrenchWorkingDays.easterSunday(year)).isEqualTo(expected);
    assertThat(expected.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
  }

  @Test
  void theElevenPublicHolidaysOf2026AreExactlyTheDaysOffOfTheYear() {
    List<LocalDate> holidays = Stream.iterate(date("2026-01-01"), d -> d.getYear() == 2026, d -> d.plusDays(1))
        .filter(FrenchWorkingDays::isPublicHoliday)
        .toList();

    assertThat(holidays).containsExactly(
        date("2026-01-01"),  // Jour de l'an
        date("2026-04-06"),  // Lundi de Pâques
        date("2026-05-01"),  // Fête du travail
        date("2026-05-08"),  // Victoire 1945
        date("2026-05-14"),  // Ascension
        date("2026-05-25"),  // Lundi de Pentecôte
        date("2026-07-14"),  // Fête nationale
        date("2026-08-15"),  // Assomption
        date("2026-11-01"),  // Toussaint
        date("2026-11-11"),  // Armistice 1918
        date("2026-12-25")); // Noël
  }

  @ParameterizedTest(name = "{0} is not a working day")
  @CsvSource({"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
      "2026-07-14", "2026-11-11", "2026-12-25"})
  void aPublicHolidayOnAWeekdayIsNotAWorkingDay(LocalDate holiday) {
    assertThat(holiday.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(FrenchWorkingDays.isWorkingDay(holiday)).isFalse();
  }

  @Test
  void saturdaysAndSundaysAreNotWorkingDaysButOrdinaryWeekdaysAre() {
    assertThat(FrenchWorkingDays.isWorkingDay(date("2026-01-10"))).as("Saturday").isFalse();
    assertThat(FrenchWorkingDays.isWorkingDay(date("2026-01-11"))).as("Sunday").isFalse();
    assertThat(FrenchWorkingDays.isPublicHoliday(date("2026-01-10"))).as("a weekend is not a holiday").isFalse();
    Stream.of("2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16")
        .map(LocalDate::parse)
        .forEach(day -> assertThat(FrenchWorkingDays.isWorkingDay(day)).as(day + " " + day.getDayOfWeek()).isTrue());
  }

  @Test
  void daysOffOnlyInAlsaceMoselleOrAbroadAreWorkingDays() {
    assertThat(FrenchWorkingDays.isWorkingDay(date("2026-04-03"))).as("Vendredi saint").isTrue();
    assertThat(FrenchWorkingDays.isWorkingDay(date("2026-12-24"))).as("Veille de Noël").isTrue();
    assertThat(FrenchWorkingDays.isPublicHoliday(date("2026-04-05"))).as("Easter Sunday is a Sunday, not a holiday").isFalse();
  }

  @Test
  void movableHolidaysFollowEasterEachYear() {
    // 2027: Easter on 28 March.
    assertThat(FrenchWorkingDays.isPublicHoliday(date("2027-03-29"))).as("Lundi de Pâques 2027").isTrue();
    assertThat(FrenchWorkingDays.isPublicHoliday(date("2027-05-06"))).as("Ascension 2027").isTrue();
    assertThat(FrenchWorkingDays.isPublicHoliday(date("2027-05-17"))).as("Lundi de Pentecôte 2027").isTrue();
    assertThat(FrenchWorkingDays.isPublicHoliday(date("2027-04-06"))).as("2026's Easter Monday date in 2027").isFalse();
  }

  @Test
  void addingWorkingDaysSkipsTheWeekend() {
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-01-09"), 1)).as("Friday + 1").isEqualTo(date("2026-01-12"));
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-01-08"), 3)).as("Thursday + 3").isEqualTo(date("2026-01-13"));
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-01-12"), 5)).as("Monday + 5").isEqualTo(date("2026-01-19"));
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-01-10"), 1)).as("Saturday + 1").isEqualTo(date("2026-01-12"));
  }

  @Test
  void addingWorkingDaysSkipsTheFourteenthOfJuly() {
    // 14 July 2026 is a Tuesday.
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-07-13"), 1)).isEqualTo(date("2026-07-15"));
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-07-10"), 2)).isEqualTo(date("2026-07-15"));
  }

  @Test
  void addingWorkingDaysSkipsEasterMonday() {
    // Good Friday 3 April 2026 is worked; Easter Monday 6 April is not.
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-04-02"), 1)).isEqualTo(date("2026-04-03"));
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-04-03"), 1)).isEqualTo(date("2026-04-07"));
  }

  @Test
  void addingWorkingDaysSkipsSeveralHolidaysInARow() {
    // 30 April 2026 (Thursday) + 1: 1 May is a Friday holiday, then the weekend.
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-04-30"), 1)).isEqualTo(date("2026-05-04"));
    // Ascension Thursday 14 May 2026.
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-05-13"), 1)).isEqualTo(date("2026-05-15"));
    // Christmas week into the new year: 25 Dec (Fri) and 1 Jan (Fri) are off.
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-12-24"), 5)).isEqualTo(date("2027-01-04"));
  }

  @Test
  void zeroWorkingDaysIsTheStartDateItself() {
    assertThat(FrenchWorkingDays.plusWorkingDays(date("2026-03-11"), 0)).isEqualTo(date("2026-03-11"));
  }

  @Test
  void aNegativeNumberOfWorkingDaysIsRefused() {
    assertThatThrownBy(() -> FrenchWorkingDays.plusWorkingDays(date("2026-03-11"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
