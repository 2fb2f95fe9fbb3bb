package fr.construisons.idea;

import java.time.Year;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out human references {@code CONS-<year>-<4 digits>}, sequential per year.
 *
 * <p>The counter is incremented in the caller's transaction (the one that registers the idea), so a
 * submission that fails leaves no gap, and concurrent submissions queue on the year's row lock
 * instead of sharing a number.
 */
@Component
class ReferenceGenerator {

  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  public ReferenceGenerator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public String next() {
    int year = Year.from(ClockUtil.getCurrentTime().toInstant().atZone(ZONE)).getValue();
    if (increment(year) == 0) {
      createYear(year);
      increment(year);
    }
    int number = jdbc.sql("select last_number from idea_reference_counter where reference_year = ?")
        .param(year)
        .query(Integer.class)
        .single();
    return format(year, number);
  }

  static String format(int year, int number) {
    return "CONS-%d-%04d".formatted(year, number);
  }

  private int increment(int year) {
    return jdbc.sql("update idea_reference_counter set last_number = last_number + 1 where reference_year = ?")
        .param(year)
        .update();
  }

  private void createYear(int year) {
    try {
      // In a savepoint: on PostgreSQL a failed insert would otherwise abort the whole transaction.
      savepoint.executeWithoutResult(status ->
          jdbc.sql("insert into idea_reference_counter (reference_year, last_number) values (?, 0)")
              .param(year)
              .update());
    } catch (DuplicateKeyException firstOfTheYearCameFromAnotherSubmission) {
      // The row exists now; the caller's increment will queue behind the other transaction.
    }
  }
}
