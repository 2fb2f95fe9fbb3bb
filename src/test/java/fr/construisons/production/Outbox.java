package fr.construisons.production;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The default run's mail: the {@code .eml} files its outbox sender wrote under
 * {@code <directory>/data/outbox}, one file per message sent, counted per recipient and subject the
 * way {@link Smtp#counts()} counts what the SMTP server received.
 */
final class Outbox {

  private final Path directory;

  Outbox(Path nodeDirectory) {
    this.directory = nodeDirectory.resolve("data").resolve("outbox");
  }

  /** recipient + " | " + subject → files written ({@link Smtp#key}). */
  Map<String, Integer> counts() {
    Map<String, Integer> counts = new HashMap<>();
    if (!Files.isDirectory(directory)) {
      return counts;
    }
    Session session = Session.getInstance(new Properties());
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        MimeMessage message = new MimeMessage(session, in);
        var recipients = message.getRecipients(Message.RecipientType.TO);
        if (recipients == null || message.getSubject() == null) {
          continue; // a file the killed node was still writing: not a message anyone received
        }
        for (var to : recipients) {
          counts.merge(Smtp.key(to.toString(), message.getSubject()), 1, Integer::sum);
        }
      } catch (IOException | MessagingException e) {
        throw new IllegalStateException("Cannot read " + file, e);
      }
    }
    return counts;
  }

  int total() {
    return counts().values().stream().mapToInt(Integer::intValue).sum();
  }
}
