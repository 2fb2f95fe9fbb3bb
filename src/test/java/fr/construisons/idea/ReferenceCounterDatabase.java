package fr.construisons.idea;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database holding only the project's own schema (the Flyway migrations of
 * {@code db/migration}), and a {@link ReferenceGenerator} used the way registration uses it: every
 * reference taken inside its own transaction. Shared by the H2 and PostgreSQL runs of
 * {@link ReferenceGeneratorConcurrencyTest}.
 */
final class ReferenceCounterDatabase implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final Consumer<JdbcClient> beforeClose;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ReferenceGenerator generator;

  private ReferenceCounterDatabase(HikariDataSource dataSource, Consumer<JdbcClient> beforeClose) {
    this.dataSource = dataSource;
    this.beforeClose = beforeClose;
    this.jdbc = JdbcClient.create(dataSource);
    DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.generator = new ReferenceGenerator(jdbc, transactionManager);
  }

  /**
   * Connects to {@code jdbcUrl} with a pool large enough for {@code concurrentUsers} plus the test,
   * and migrates it. {@code beforeClose} runs on {@link #close()} while the pool is still open.
   */
  static ReferenceCounterDatabase migrate(String jdbcUrl, String user, String password, int concurrentUsers,
      Consumer<JdbcClient> beforeClose) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(concurrentUsers + 2);
    config.setPoolName("refgen");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(dataSource).table("construisons_schema_history").load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new ReferenceCounterDatabase(dataSource, beforeClose);
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  /** One reference, in a transaction of its own that commits. */
  String next() {
    return transactions.execute(status -> generator.next());
  }

  /** One reference, in a transaction that then rolls back (a submission that fails later on). */
  String nextThenRollBack() {
    return transactions.execute(status -> {
      String reference = generator.next();
      status.setRollbackOnly();
      return reference;
    });
  }

  /** The counter of a year as committed, or null when the year has no row. */
  Integer lastNumber(int year) {
    return jdbc.sql("select last_number from idea_reference_counter where reference_year = ?")
        .param(year)
        .query(Integer.class)
        .optional()
        .orElse(null);
  }

  /**
   * {@code threads} submitters released at the same instant, each taking {@code perThread} references
   * one transaction after the other. Returns each submitter's references in the order it got them.
   */
  List<List<String>> nextConcurrently(int threads, int perThread) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<String>>> submitters = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<List<String>> submitter = () -> {
          ready.countDown();
          go.await();
          List<String> references = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            references.add(next());
          }
          return references;
        };
        submitters.add(pool.submit(submitter));
      }
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("The submitters did not all start");
      }
      go.countDown();
      List<List<String>> results = new ArrayList<>();
      for (Future<List<String>> submitter : submitters) {
        try {
          results.add(submitter.get(120, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          throw new AssertionError("A concurrent submission failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
          throw new AssertionError("Concurrent submissions did not finish within 2 minutes (deadlock?)", e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    try {
      beforeClose.accept(jdbc);
    } finally {
      dataSource.close();
    }
  }
}
