package fr.construisons.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@code src/main/resources/db/README.txt}: our migrations and the engine's indexes
 * share one Flyway history, so they take versions from separate ranges and an applied migration
 * is never renamed nor edited (Flyway validates both at every start: an installed database would
 * refuse to start).
 */
class MigrationVersionsTest {

  /** Versions given before the ranges existed, applied on installed databases: frozen. */
  static final int LAST_SHARED_VERSION = 7;
  /** db/migration, our own tables: after the shared versions, below the engine range. */
  static final int OWN_TABLES_MAX = 999;
  /** db/engine/{vendor}, indexes and statistics on Camunda's tables. */
  static final int ENGINE_MIN = 1000;

  /** Script and checksum of every frozen migration, as installed databases recorded them. */
  static final Map<String, Integer> FROZEN = Map.of(
      "V1__idea_catalogue.sql", 1220951634,
      "V2__incubation_workstream.sql", 1287877093,
      "V3__idea_box.sql", 269804638,
      "V5__personal_data_log.sql", 608941138,
      "V6__idea_anonymised_at.sql", -1472866696,
      "h2/V4__engine_indexes.sql", 2142247823,
      "h2/V7__idea_reference_variable_index.sql", 2002304218,
      "postgresql/V4__engine_indexes_and_statistics.sql", -1028426902,
      "postgresql/V7__idea_reference_variable_index.sql", -2119902782);

  @Test
  void ourMigrationsAreInTheirRange() {
    for (MigrationInfo migration : resolved("classpath:db/migration")) {
      int version = major(migration);
      assertThat(version)
          .as("%s: our tables take versions %d to %d", migration.getScript(), LAST_SHARED_VERSION + 1, OWN_TABLES_MAX)
          .isLessThanOrEqualTo(OWN_TABLES_MAX);
      if (version <= LAST_SHARED_VERSION) {
        assertThat(FROZEN).as("%s is a version given before the ranges", migration.getScript())
            .containsKey(migration.getScript());
      }
    }
  }

  @Test
  void engineMigrationsAreInTheirRangeAndTheSameForEveryDatabase() {
    Map<String, List<String>> versionsByVendor = new LinkedHashMap<>();
    for (String vendor : List.of("h2", "postgresql")) {
      List<MigrationInfo> migrations = resolved("classpath:db/engine/" + vendor);
      for (MigrationInfo migration : migrations) {
        int version = major(migration);
        if (version <= LAST_SHARED_VERSION) {
          assertThat(FROZEN).as("%s/%s is a version given before the ranges", vendor, migration.getScript())
              .containsKey(vendor + "/" + migration.getScript());
        } else {
          assertThat(version).as("%s/%s: engine migrations take versions from %d", vendor, migration.getScript(),
              ENGINE_MIN).isGreaterThanOrEqualTo(ENGINE_MIN);
        }
      }
      versionsByVendor.put(vendor, migrations.stream().map(m -> m.getVersion().getVersion()).toList());
    }
    assertThat(versionsByVendor.get("postgresql")).as("each engine migration exists for H2 and PostgreSQL")
        .isEqualTo(versionsByVendor.get("h2"));
  }

  @Test
  void theAppliedMigrationsAreNeitherRenamedNorEdited() {
    Map<String, Integer> found = new LinkedHashMap<>();
    resolved("classpath:db/migration").forEach(m -> found.put(m.getScript(), m.getChecksum()));
    for (String vendor : List.of("h2", "postgresql")) {
      resolved("classpath:db/engine/" + vendor).forEach(m -> found.put(vendor + "/" + m.getScript(), m.getChecksum()));
    }
    assertThat(found).as("an applied migration is fixed by a new one, never changed").containsAllEntriesOf(FROZEN);
  }

  @Test
  void theApplicationAppliesAMigrationOfOneRangeAddedAfterTheOtherRangeMovedOn() throws Exception {
    // Without out-of-order, a V8 of ours released after an engine V1000 was applied would be
    // ignored and Flyway's validation would stop the start.
    String yaml = new String(getClass().getResourceAsStream("/application.yml").readAllBytes());
    assertThat(yaml).contains("out-of-order: true");
  }

  private static int major(MigrationInfo migration) {
    return Integer.parseInt(migration.getVersion().getVersion().split("\\.")[0]);
  }

  /** The migrations a location holds, as Flyway resolves them (no database is changed). */
  private static List<MigrationInfo> resolved(String location) {
    Flyway flyway = Flyway.configure()
        .dataSource("jdbc:h2:mem:migration-versions;DB_CLOSE_DELAY=-1", "sa", "")
        .table("construisons_schema_history")
        .locations(location)
        .load();
    return Arrays.stream(flyway.info().all()).filter(m -> m.getVersion() != null)
        .collect(Collectors.toList());
  }
}
