package fr.construisons.privacy.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept ({@code construisons.retention.*}, docs/rgpd.md): periods in the
 * ISO-8601 form (P3Y), counted in calendar time at Paris.
 *
 * @param closedIdeas after an idea closes, how long the people in it stay named
 * @param personalDataLog how long an entry of the log of rights exercised is kept
 * @param batchSize at most this many ideas are anonymised per night (one job each), so a first run
 *     on years of history does not take the job executor for hours
 */
@ConfigurationProperties("construisons.retention")
public record RetentionPeriods(@DefaultValue("P3Y") Period closedIdeas, @DefaultValue("P5Y") Period personalDataLog,
    @DefaultValue("500") int batchSize) {

  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  public RetentionPeriods {
    if (closedIdeas.isNegative() || closedIdeas.isZero() || personalDataLog.isNegative() || personalDataLog.isZero()) {
      throw new IllegalArgumentException("construisons.retention: periods must be positive");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("construisons.retention.batch-size must be positive");
    }
  }

  /** Ideas closed on or before this instant are past their period. */
  public Instant closedIdeasCutoff(Instant now) {
    return now.atZone(ZONE).minus(closedIdeas).toInstant();
  }

  public Instant personalDataLogCutoff(Instant now) {
    return now.atZone(ZONE).minus(personalDataLog).toInstant();
  }
}
