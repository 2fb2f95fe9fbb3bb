package fr.construisons.observability;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * Whether the database answers, for the public {@code /actuator/health} (the load balancer's), on
 * a connection of its own: Spring Boot's {@code db} check borrows from the application's pool, so
 * when the pool is exhausted it waits in line with every request, and the load balancer saw no
 * answer for 90 s (issue 17). This one has its own two connections and gives up after half a
 * second, so it answers within a second whatever the pool does: DOWN when the database is gone,
 * UP when only the pool is busy, since a node that answers « très sollicité » fast is still a
 * node to keep in the load balancer (taking it out would only push its load onto the others).
 * The pool's state is for the supervision: {@code db} in {@code /actuator/health/detail},
 * {@code hikaricp_connections_pending} on Prometheus.
 */
class DatabaseReachable extends AbstractHealthIndicator implements DisposableBean {

  private final HikariDataSource connections;

  DatabaseReachable(DataSourceProperties database) {
    super("La base de données ne répond pas");
    connections = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    connections.setPoolName("construisons-health");
    connections.setMaximumPoolSize(2);
    connections.setMinimumIdle(1);
    connections.setConnectionTimeout(500);
    connections.setValidationTimeout(250);
    // The application's own pool fails the start when the database is missing; this one must not.
    connections.setInitializationFailTimeout(-1);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws SQLException {
    try (Connection connection = connections.getConnection()) {
      if (connection.isValid(1)) {
        builder.up();
      } else {
        builder.down();
      }
    }
  }

  @Override
  public void destroy() {
    connections.close();
  }
}
