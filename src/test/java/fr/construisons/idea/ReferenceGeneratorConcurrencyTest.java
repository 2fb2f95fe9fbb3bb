package fr.construisons.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * References under concurrent submissions, in their real setting: every reference is taken in the
 * transaction of its own submission, against the schema Flyway creates. Runs on H2 (the default
 * run) and on PostgreSQL (production), each time on a fresh database or schema.
 */
class ReferenceGeneratorConcurrencyTest {

  static final int THREADS = 8;
  static final int PER_THREAD = 25;
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static Date parisTime(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant());
  }

  /** What the generator must guarantee whatever the database. */
  abstract static class Contract {

    ReferenceCounterDatabase database;

    abstract ReferenceCounterDatabase openDatabase() throws Exception;

    @BeforeEach
    void openAFreshDatabaseInMidJune2026() throws Exception {
      database = openDatabase();
      ClockUtil.setCurrentTime(parisTime(2026, 6, 15, 12, 0));
    }

    @AfterEach
    void closeTheDatabaseAndResetTheClock() {
      ClockUtil.reset();
      if (database != null) {
        database.close();
      }
    }

    @Test
    void concurrentSubmissionsGetDistinctReferencesNumberedWithoutGap() throws Exception {
      List<List<String>> bySubmitter = database.nextConcurrently(THREADS, PER_THREAD);

      List<String> all = bySubmitter.stream().flatMap(List::stream).toList();
      assertThat(all).hasSize(THREADS * PER_THREAD).doesNotHaveDuplicates()
          .allSatisfy(reference -> assertThat(reference).matches("CONS-2026-\\d{4}"));
      assertThat(all.stream().map(r -> Integer.parseInt(r.substring("CONS-2026-".length()))).sorted().toList())
          .isEqualTo(IntStream.rangeClosed(1, THREADS * PER_THREAD).boxed().toList());
      assertThat(bySubmitter).as("each submitter's references come in increasing order")
          .allSatisfy(references -> assertThat(references).isSorted());
      assertThat(database.lastNumber(2026)).isEqualTo(THREADS * PER_THREAD);
      assertThat(database.next()).isEqualTo("CONS-2026-0201");
    }

    @Test
    void referencesAreSequentialPerYearAndANewYearStartsAgainAtOne() {
      assertThat(List.of(database.next(), database.next(), database.next()))
          .containsExactly("CONS-2026-0001", "CONS-2026-0002", "CONS-2026-0003");

      ClockUtil.setCurrentTime(parisTime(2027, 1, 4, 9, 0));
      assertThat(List.of(database.next(), database.next())).containsExactly("CONS-2027-0001", "CONS-2027-0002");

      ClockUtil.setCurrentTime(parisTime(2026, 12, 30, 9, 0));
      assertThat(database.next()).as("each year keeps its own counter").isEqualTo("CONS-2026-0004");
      assertThat(database.lastNumber(2026)).isEqualTo(4);
      assertThat(database.lastNumber(2027)).isEqualTo(2);
    }

    @Test
    void theYearIsTheYearInParis() {
      // 31 December 2026, 23:30 UTC is already 1 January 2027 in Paris.
      ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 31, 23, 30, 0, 0, ZoneId.of("UTC")).toInstant()));

      assertThat(database.next()).isEqualTo("CONS-2027-0001");
    }

    @Test
    void aSubmissionThatRollsBackLeavesNoGap() {
      assertThat(database.next()).isEqualTo("CONS-2026-0001");

      assertThat(database.nextThenRollBack()).isEqualTo("CONS-2026-0002");
      assertThat(database.lastNumber(2026)).isEqualTo(1);

      assertThat(database.next()).as("the rolled-back number is handed out again").isEqualTo("CONS-2026-0002");
    }

    @Test
    void theFirstSubmissionOfTheYearThatRollsBackLeavesNoGap() {
      assertThat(database.nextThenRollBack()).isEqualTo("CONS-2026-0001");
      assertThat(database.lastNumber(2026)).as("the year's row is rolled back with it").isNull();

      assertThat(database.next()).isEqualTo("CONS-2026-0001");
      assertThat(database.next()).isEqualTo("CONS-2026-0002");
    }
  }

  @Nested
  @DisplayName("on H2, as in the default run")
  class OnH2 extends Contract {

    @Override
    ReferenceCounterDatabase openDatabase() {
      // A private in-memory database, dropped when the pool closes its last connection.
      String url = "jdbc:h2:mem:refgen-" + UUID.randomUUID();
      return ReferenceCounterDatabase.migrate(url, "sa", "", THREADS, jdbc -> {});
    }
  }

  @Nested
  @DisplayName("on PostgreSQL, as in production")
  class OnPostgreSql extends Contract {

    static final String URL_VARIABLE = "CONSTRUISONS_TEST_POSTGRES_URL";
    static final String USER_VARIABLE = "CONSTRUISONS_TEST_POSTGRES_USER";

    @Override
    ReferenceCounterDatabase openDatabase() throws SQLException {
      String url = System.getenv(URL_VARIABLE);
      if (url == null || url.isBlank()) {
        String why = URL_VARIABLE + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/construisons_test)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          fail("PostgreSQL is required in CI: " + why);
        }
        Assumptions.abort("PostgreSQL reference tests skipped: " + why);
      }
      String user = Objects.requireNonNullElse(System.getenv(USER_VARIABLE), "postgres");
      String schema = "refgen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      execute(url, user, "create schema " + schema);
      String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      try {
        return ReferenceCounterDatabase.migrate(schemaUrl, user, null, THREADS,
            jdbc -> jdbc.sql("drop schema " + schema + " cascade").update());
      } catch (RuntimeException migrationFailed) {
        execute(url, user, "drop schema if exists " + schema + " cascade");
        throw migrationFailed;
      }
    }

    private static void execute(String url, String user, String sql) throws SQLException {
      try (Connection connection = DriverManager.getConnection(url, user, null);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }
  }
}
