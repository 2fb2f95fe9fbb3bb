package fr.construisons.notification;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code construisons.mail.*}: where mail goes. {@code outbox} (the default run) needs no SMTP
 * server; {@code smtp} sends through {@code spring.mail.*}, over the connections of {@code pool}.
 */
@ConfigurationProperties("construisons.mail")
public record MailProperties(Delivery delivery, Path outboxDirectory, String from, Pool pool) {

  public enum Delivery { OUTBOX, SMTP }

  /**
   * SMTP connections kept open between mails: at most {@code maxConnections} (one per job
   * executor thread sending at the same time; 0 opens one per mail), each closed after
   * {@code idleTimeout} unused, well before a relay's own timeout (Postfix: 5 minutes).
   */
  public record Pool(Integer maxConnections, Duration idleTimeout) {
    public Pool {
      maxConnections = maxConnections == null ? 10 : maxConnections;
      idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
    }
  }

  public MailProperties {
    delivery = delivery == null ? Delivery.OUTBOX : delivery;
    outboxDirectory = outboxDirectory == null ? Path.of("data", "outbox") : outboxDirectory;
    from = from == null ? "Construisons! <construisons@localhost>" : from;
    pool = pool == null ? new Pool(null, null) : pool;
  }
}
