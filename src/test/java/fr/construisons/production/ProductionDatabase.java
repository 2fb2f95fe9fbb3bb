package fr.construisons.production;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh PostgreSQL database for one production test, created through the server of
 * {@code CONSTRUISONS_TEST_POSTGRES_URL} and named {@code <prefix>_<name>}, where the prefix is
 * {@code CONSTRUISONS_TEST_PRODUCTION_DB_PREFIX} (default {@code construisons_production}) so that
 * builds sharing one server never share a database. The application nodes connect to it; the test
 * reads what they committed through plain JDBC, outside any authorization.
 *
 * <p>Without PostgreSQL the production tests are skipped on a laptop and fail in CI ({@code CI=true}).
 *
 * <p>{@link #h2File(Path)} reads the default run's embedded H2 file the same way, through one
 * connection of the test's own, while no node has it open (an embedded database has one process at
 * a time); {@link #close()} closes it, which frees the file for the next node.
 */
final class ProductionDatabase implements AutoCloseable {

  static final String URL_VARIABLE = "CONSTRUISONS_TEST_POSTGRES_URL";
  static final String USER_VARIABLE = "CONSTRUISONS_TEST_POSTGRES_USER";
  static final String PREFIX_VARIABLE = "CONSTRUISONS_TEST_PRODUCTION_DB_PREFIX";

  final String name;
  final String url;
  final String user;
  final JdbcClient jdbc;

  private final SingleConnectionDataSource single;

  private ProductionDatabase(String name, String url, String user) {
    this.name = name;
    this.url = url;
    this.user = user;
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, "");
    this.jdbc = JdbcClient.create((DataSource) dataSource);
    this.single = null;
  }

  private ProductionDatabase(String name, String url, String user, SingleConnectionDataSource single) {
    this.name = name;
    this.url = url;
    this.user = user;
    this.jdbc = JdbcClient.create((DataSource) single);
    this.single = single;
  }

  /**
   * The default run's database ({@code <directory>/data/construisons.mv.db}), opened by the test.
   * Opening it after a SIGKILL is what the next node would do first: H2 goes back to the last state
   * it had written to the file, and what the killed process held only in memory is gone.
   */
  static ProductionDatabase h2File(Path directory) {
    String url = "jdbc:h2:file:" + directory.resolve("data").resolve("construisons").toAbsolutePath() + ";AUTO_SERVER=FALSE";
    if (!Files.isRegularFile(directory.resolve("data").resolve("construisons.mv.db"))) {
      fail("No H2 database under " + directory + "/data: did the node start there?");
    }
    // One connection for every query: H2 closes an embedded database with its last connection.
    return new ProductionDatabase("h2", url, "sa", new SingleConnectionDataSource(url, "sa", "", true));
  }

  /** Closes the test's connection to an H2 file (and so the database); nothing for PostgreSQL. */
  @Override
  public void close() {
    if (single != null) {
      single.destroy();
    }
  }

  static boolean configured() {
    String serverUrl = System.getenv(URL_VARIABLE);
    return serverUrl != null && !serverUrl.isBlank();
  }

  /**
   * For each test (so a skip shows in the report): fails in CI, skips elsewhere, when no PostgreSQL
   * is configured. A test class starts nothing in its {@code @BeforeAll} unless {@link #configured()}.
   */
  static void assumeConfigured() {
    if (!configured()) {
      String why = URL_VARIABLE + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/construisons_test)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("PostgreSQL is required in CI: " + why);
      }
      Assumptions.abort("Production tests skipped: " + why);
    }
  }

  /** Drops and creates {@code <prefix>_<suffix>}; skips (laptop) or fails (CI) without PostgreSQL. */
  static ProductionDatabase fresh(String suffix) {
    assumeConfigured();
    String serverUrl = System.getenv(URL_VARIABLE);
    String user = Objects.requireNonNullElse(System.getenv(USER_VARIABLE), "postgres");
    String prefix = Objects.requireNonNullElse(System.getenv(PREFIX_VARIABLE), "construisons_production");
    String name = (prefix + "_" + suffix).toLowerCase().replaceAll("[^a-z0-9_]", "_");
    try (Connection connection = DriverManager.getConnection(serverUrl, user, null);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the database " + name + " through " + serverUrl, e);
    }
    int slash = serverUrl.lastIndexOf('/');
    int query = serverUrl.indexOf('?', slash);
    String url = serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    return new ProductionDatabase(name, url, user);
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  long incidents() {
    return count("select count(*) from act_ru_incident");
  }

  /** Async continuations not done yet (timers excluded: the clarification reminders wait days). */
  long pendingMessageJobs() {
    return count("select count(*) from act_ru_job where type_ = 'message'");
  }

  /** Async continuations whose last attempt failed and that still have retries. */
  long failedJobsWithRetries() {
    return count("select count(*) from act_ru_job where type_ = 'message' and exception_msg_ is not null and retries_ > 0");
  }

  List<String> references() {
    return jdbc.sql("select reference from idea order by reference").query(String.class).list();
  }

  /** Reference → stage of the catalogue. */
  Map<String, String> stages() {
    Map<String, String> stages = new LinkedHashMap<>();
    jdbc.sql("select reference, stage from idea order by reference")
        .query((rs, n) -> stages.put(rs.getString(1), rs.getString(2))).list();
    return stages;
  }

  /** Business keys (idea references) of the running idea-lifecycle instances with that task open. */
  List<String> waitingAt(String taskDefinitionKey) {
    return jdbc.sql("""
        select e.business_key_ from act_ru_task t
          join act_ru_execution e on e.id_ = t.proc_inst_id_
         where t.task_def_key_ = ? and e.id_ = e.proc_inst_id_
         order by 1""").param(taskDefinitionKey).query(String.class).list();
  }

  /** Ideas whose catalogue row points at a process instance that has no history: never expected. */
  long ideasWithoutProcess() {
    return count("""
        select count(*) from idea i
         where not exists (select 1 from act_hi_procinst p where p.id_ = i.process_instance_id
                           and p.business_key_ = i.reference)""");
  }

  /** Successful job executions per engine host name (generic property {@code hostname}). */
  Map<String, Long> successfulJobsByNode() {
    Map<String, Long> byNode = new LinkedHashMap<>();
    jdbc.sql("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_ order by 1")
        .query((rs, n) -> byNode.put(rs.getString(1), rs.getLong(2))).list();
    return byNode;
  }

  /** Jobs that one node had locked (acquired, maybe running) when it died. */
  long lockedBy(String lockOwner) {
    return count("select count(*) from act_ru_job where lock_owner_ = ?", lockOwner);
  }

  List<String> lockOwners() {
    return jdbc.sql("select distinct lock_owner_ from act_ru_job where lock_owner_ is not null")
        .query(String.class).list();
  }

  long lockedJobs() {
    return count("select count(*) from act_ru_job where lock_owner_ is not null");
  }
}
