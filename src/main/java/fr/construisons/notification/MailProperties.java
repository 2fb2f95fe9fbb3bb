package fr.construisons.notification;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code construisons.mail.*}: where mail goes. {@code outbox} (the default run) needs no SMTP
 * server; {@code smtp} sends through {@code spring.mail.*}.
 */
@ConfigurationProperties("construisons.mail")
public record MailProperties(Delivery delivery, Path outboxDirectory, String from) {

  public enum Delivery { OUTBOX, SMTP }

  public MailProperties {
    delivery = delivery == null ? Delivery.OUTBOX : delivery;
    outboxDirectory = outboxDirectory == null ? Path.of("data", "outbox") : outboxDirectory;
    from = from == null ? "Construisons! <construisons@localhost>" : from;
  }
}
