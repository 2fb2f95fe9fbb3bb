package fr.construisons.ideabox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as agents read them, in Paris time: templates call {@code ${@frenchDates.day(…)}}. */
@Component("frenchDates")
public class FrenchDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
      .withZone(IdeaBoxQueries.PARIS);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(IdeaBoxQueries.PARIS);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(IdeaBoxQueries.PARIS);

  public String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant);
  }

  public String dayAndTime(Instant instant) {
    return instant == null ? "" : DAY_AND_TIME.format(instant);
  }

  /** For {@code <time datetime>}. */
  public String iso(Instant instant) {
    return instant == null ? "" : ISO.format(instant);
  }
}
