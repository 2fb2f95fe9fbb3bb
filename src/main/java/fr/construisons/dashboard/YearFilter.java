package fr.construisons.dashboard;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

/**
 * Which ideas the dashboard counts: those submitted in one year, or all of them. Every figure
 * follows the ideas of that year through their whole life, so a year's report stays the same
 * story whenever it is printed (only the ideas' later steps add up).
 */
public record YearFilter(Integer year) {

  /** The value of {@code ?annee=} meaning every year. */
  public static final String ALL_YEARS = "toutes";

  /** {@code ?annee=2031}, {@code ?annee=toutes}, or nothing (or nonsense): the current year. */
  public static YearFilter parse(String value, int currentYear) {
    if (value == null || value.isBlank()) {
      return new YearFilter(currentYear);
    }
    if (ALL_YEARS.equals(value.strip())) {
      return new YearFilter(null);
    }
    try {
      int year = Integer.parseInt(value.strip());
      return new YearFilter(year >= 2000 && year <= 2200 ? year : currentYear);
    } catch (NumberFormatException e) {
      return new YearFilter(currentYear);
    }
  }

  public boolean allYears() {
    return year == null;
  }

  /** The query parameter that gives this filter back, for links and forms. */
  public String parameter() {
    return allYears() ? ALL_YEARS : year.toString();
  }

  /** The condition on the catalogue table aliased {@code i}, to append after a where clause. */
  String condition() {
    return allYears() ? "" : " and i.submitted_at >= :yearFrom and i.submitted_at < :yearTo";
  }

  // Timestamps in the server's zone, as the catalogue writes them (and as the idea box filters).
  Map<String, Object> parameters() {
    if (allYears()) {
      return Map.of();
    }
    return Map.of("yearFrom", Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay()),
        "yearTo", Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay()));
  }
}
