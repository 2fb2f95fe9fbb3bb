package fr.construisons.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Issue 17: a thread that takes a second database connection while it already holds one waits for
 * the pool while keeping a connection from everybody else; under load every connection ends up
 * waiting for another. In the tests' application the data source is wrapped (datasource-proxy)
 * so that every such acquisition is recorded with its stack, whoever makes it: our queries, the
 * engine's commands, a health check.
 *
 * <p>What is not nesting, and is not recorded: the engine's commands and our queries inside one
 * Spring transaction share its connection (the engine's data source is transaction-aware, and the
 * transaction manager, the engine and {@code JdbcClient} all hold this one wrapped data source), so
 * they never ask the pool twice. Only a real second connection from the pool is seen here.
 *
 * <p>Also counts the statements run while {@link #countStatements} is on, by their SQL.
 */
public final class ConnectionNesting {

  /** A second connection taken by a thread that held one: which thread, and from where. */
  public record Nested(String thread, Throwable where) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(thread).append(" took a second connection at:");
      for (StackTraceElement frame : where.getStackTrace()) {
        if (frame.getClassName().startsWith("fr.construisons.") || frame.getClassName().startsWith("org.camunda.bpm.engine.impl.identity")) {
          text.append("\n    ").append(frame);
        }
      }
      return text.toString();
    }
  }

  /** The connections open now, by the connection's id, with the thread that took it. */
  private static final Map<String, Thread> OPEN = new ConcurrentHashMap<>();
  private static final List<Nested> NESTED = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());
  private static final AtomicBoolean COUNTING = new AtomicBoolean();

  private ConnectionNesting() {}

  /** Forgets what was recorded so far (start-up, other test classes). */
  public static void reset() {
    NESTED.clear();
    STATEMENTS.clear();
  }

  public static List<Nested> recorded() {
    synchronized (NESTED) {
      return List.copyOf(NESTED);
    }
  }

  /** Records the SQL of every statement from now on (until {@link #stopCounting}). */
  public static void countStatements() {
    STATEMENTS.clear();
    COUNTING.set(true);
  }

  public static List<String> stopCounting() {
    COUNTING.set(false);
    synchronized (STATEMENTS) {
      return List.copyOf(STATEMENTS);
    }
  }

  /**
   * Imported by {@link ProcessTest}: the application's data source, wrapped. Not a
   * {@code @Configuration}: the application's component scan would then find it on the test class
   * path and wrap the data source of every context started there too (PostgresProfileTest reads
   * its pool as a HikariDataSource bean).
   */
  public static class Wrapping {
    @Bean
    static BeanPostProcessor connectionNestingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return ProxyDataSourceBuilder.create("construisons", dataSource)
                .methodListener(new Watcher())
                .listener(new Statements())
                .build();
          }
          return bean;
        }
      };
    }
  }

  private static final class Watcher implements MethodExecutionListener {
    @Override
    public void beforeMethod(MethodExecutionContext context) {}

    @Override
    public void afterMethod(MethodExecutionContext context) {
      String method = context.getMethod().getName();
      if (context.getThrown() != null || context.getConnectionInfo() == null) {
        return;
      }
      String id = context.getConnectionInfo().getConnectionId();
      if (context.getTarget() instanceof DataSource && method.equals("getConnection")) {
        Thread current = Thread.currentThread();
        if (OPEN.containsValue(current)) {
          NESTED.add(new Nested(current.getName(), new Throwable("second connection")));
        }
        OPEN.put(id, current);
      } else if (context.getTarget() instanceof java.sql.Connection && method.equals("close")) {
        OPEN.remove(id);
      }
    }
  }

  private static final class Statements implements QueryExecutionListener {
    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      if (COUNTING.get()) {
        queries.forEach(query -> STATEMENTS.add(query.getQuery()));
      }
    }
  }
}
