package fr.construisons.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import fr.construisons.ConstruisonsApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production profile {@code postgres} started for real on a fresh PostgreSQL database, twice
 * (first start, then a restart on the schema it left): the engine creates its own schema, Flyway
 * the project's tables, and the connection pool covers every thread that uses the engine.
 *
 * <p>Needs {@code CONSTRUISONS_TEST_POSTGRES_URL} (and a user allowed to create databases); skipped
 * without it on a laptop, required in CI, like {@code ReferenceGeneratorConcurrencyTest}.
 */
class PostgresProfileTest {

  static final String URL_VARIABLE = "CONSTRUISONS_TEST_POSTGRES_URL";
  static final String USER_VARIABLE = "CONSTRUISONS_TEST_POSTGRES_USER";

  String serverUrl;
  String user;
  String database;

  @BeforeEach
  void createAFreshDatabase() throws SQLException {
    serverUrl = System.getenv(URL_VARIABLE);
    if (serverUrl == null || serverUrl.isBlank()) {
      String why = URL_VARIABLE + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/construisons_test)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("PostgreSQL is required in CI: " + why);
      }
      Assumptions.abort("PostgreSQL profile test skipped: " + why);
    }
    user = Objects.requireNonNullElse(System.getenv(USER_VARIABLE), "postgres");
    database = "construisons_profile_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("create database " + database);
  }

  @AfterEach
  void dropTheDatabase() throws SQLException {
    if (database != null) {
      execute("drop database if exists " + database + " with (force)");
    }
  }

  @Test
  void startsOnAnEmptyDatabaseThenRestartsOnTheSchemaItLeft() {
    try (ConfigurableApplicationContext first = start()) {
      ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) first.getBean(ProcessEngine.class)
          .getProcessEngineConfiguration();
      assertThat(engine.getDatabaseType()).isEqualTo("postgres");
      assertThat(engine.getDatabaseSchemaUpdate()).isEqualTo("true");

      JdbcClient jdbc = JdbcClient.create(first.getBean(HikariDataSource.class));
      assertThat(jdbc.sql("select count(*) from act_ge_property where name_ = 'schema.version'").query(Integer.class).single())
          .as("Camunda's schema, created by the engine").isOne();
      assertThat(jdbc.sql("select version from construisons_schema_history where success order by installed_rank")
          .query(String.class).list())
          .as("Flyway: a baseline under the engine's tables, then every migration")
          .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
      assertThat(jdbc.sql("select count(*) from idea").query(Integer.class).single()).isZero();
      // The tuning of docs/performance.md: Tasklist's task queries need both to use the index.
      assertThat(jdbc.sql("select count(*) from pg_statistic_ext where stxname = 'construisons_auth_perms_stats'")
          .query(Integer.class).single()).as("planner statistics on the authorizations' permission bits").isOne();
      assertThat(jdbc.sql("show random_page_cost").query(String.class).single())
          .as("the application's sessions cost random reads as on SSDs").isEqualTo("1.1");
      assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single())
          .as("statements planned with their parameters").isEqualTo("force_custom_plan");
      assertThat(jdbc.sql("show jit").query(String.class).single()).as("no JIT compilation of short queries").isEqualTo("off");
      assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'construisons_id_info_user_key_idx'")
          .query(Integer.class).single()).isOne();
      assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'construisons_hi_varinst_idea_ref_idx'")
          .query(String.class).single()).as("the anonymisation's look-up of an idea's requests")
          .contains("(text_)", "WHERE ((name_)::text = 'ideaReference'::text)");

      HikariDataSource pool = first.getBean(HikariDataSource.class);
      CamundaBpmProperties camunda = first.getBean(CamundaBpmProperties.class);
      int jobThreads = camunda.getJobExecution().getMaxPoolSize();
      int acquisitionThread = 1;
      int webThreads = first.getBean(ServerProperties.class).getTomcat().getThreads().getMax();
      assertThat(pool.getJdbcUrl()).endsWith("/" + database);
      assertThat(pool.getMaximumPoolSize())
          .as("one connection for each job thread (%d), the acquisition thread and each web thread (%d)",
              jobThreads, webThreads)
          .isGreaterThanOrEqualTo(jobThreads + acquisitionThread + webThreads)
          .isEqualTo(32);
    }

    try (ConfigurableApplicationContext restarted = start()) {
      JdbcClient jdbc = JdbcClient.create(restarted.getBean(HikariDataSource.class));
      assertThat(jdbc.sql("select count(*) from construisons_schema_history").query(Integer.class).single())
          .as("nothing left to migrate: the baseline and V1 to V9").isEqualTo(10);
      assertThat(restarted.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("idea-lifecycle").count())
          .as("an unchanged model is not deployed again").isOne();
    }
  }

  private ConfigurableApplicationContext start() {
    String databaseUrl = serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    // Command-line arguments: they outrank application.yml and whatever this machine exports.
    return new SpringApplicationBuilder(ConstruisonsApplication.class)
        .profiles("postgres")
        .run(
            "--CONSTRUISONS_DB_URL=" + databaseUrl,
            "--CONSTRUISONS_DB_USER=" + user,
            "--CONSTRUISONS_DB_PASSWORD=" + Objects.toString(System.getenv("CONSTRUISONS_TEST_POSTGRES_PASSWORD"), ""),
            "--CONSTRUISONS_ADMIN_PASSWORD=Tr3s-Secret-2026!",
            "--CONSTRUISONS_ORGANISATION_FILE=classpath:organisation/production-check.yml",
            // Its own engine name: the other test contexts of this JVM hold the engine "default".
            "--camunda.bpm.process-engine-name=postgresprofile",
            "--construisons.mail.outbox-directory=target/postgres-profile-outbox",
            "--server.port=0");
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(serverUrl, user,
        System.getenv("CONSTRUISONS_TEST_POSTGRES_PASSWORD"));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
