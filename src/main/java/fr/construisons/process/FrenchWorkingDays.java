package fr.construisons.process;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Working days of a French public administration: Monday to Friday, except the eleven public
 * holidays of metropolitan France (Easter-based ones computed per year).
 */
final class FrenchWorkingDays {

  private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
      MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
      MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

  private FrenchWorkingDays() {}

  public static boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isPublicHoliday(date);
  }

  public static boolean isPublicHoliday(LocalDate date) {
    if (FIXED_HOLIDAYS.contains(MonthDay.from(date))) {
      return true;
    }
    LocalDate easter = easterSunday(date.getYear());
    return date.equals(easter.plusDays(1))    // lundi de Pâques
        || date.equals(easter.plusDays(39))   // Ascension
        || date.equals(easter.plusDays(50));  // lundi de Pentecôte
  }

  /** The date {@code workingDays} working days after {@code start} (start itself not counted). */
  public static LocalDate plusWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative");
    }
    LocalDate date = start;
    int remaining = workingDays;
    while (remaining > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        remaining--;
      }
    }
    return date;
  }

  /** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
