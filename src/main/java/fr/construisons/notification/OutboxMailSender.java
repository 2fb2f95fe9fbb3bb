package fr.construisons.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The default run's mail: each message is written as an {@code .eml} file (which any mail client
 * opens) and logged, so the application works on a laptop without an SMTP server.
 */
class OutboxMailSender extends JavaMailSenderImpl {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxMailSender.class);

  private final Path directory;
  private final AtomicLong sequence = new AtomicLong();

  public OutboxMailSender(Path directory) {
    this.directory = directory;
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
    try {
      Files.createDirectories(directory);
      for (MimeMessage message : mimeMessages) {
        message.saveChanges();
        Path file = directory.resolve("%d-%03d.eml".formatted(System.currentTimeMillis(),
            sequence.incrementAndGet() % 1000));
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
        LOG.info("Mail « {} » à {} déposé dans {}", message.getSubject(),
            recipients(message.getAllRecipients()), file.toAbsolutePath());
      }
    } catch (IOException | MessagingException e) {
      throw new MailSendException("Écriture du mail dans " + directory + " impossible", e);
    }
  }

  /**
   * What the mail health indicator checks ({@code /actuator/health/mail}): here, that the outbox
   * directory can be written, not an SMTP server this delivery never uses.
   */
  @Override
  public void testConnection() throws MessagingException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new MessagingException("Outbox directory " + directory + " cannot be created", e);
    }
    if (!Files.isWritable(directory)) {
      throw new MessagingException("Outbox directory " + directory + " is not writable");
    }
  }

  @Override
  public void send(SimpleMailMessage... simpleMessages) {
    throw new UnsupportedOperationException("Construisons! only sends MIME messages");
  }

  private static String recipients(Address[] addresses) {
    return addresses == null ? "(personne)"
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }
}
