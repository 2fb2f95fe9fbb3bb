package fr.construisons.production;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The SMTP server the nodes send to: GreenMail on {@code CONSTRUISONS_TEST_PRODUCTION_SMTP_PORT}
 * (default: a free port), which the test stops and starts again on the same port to play an outage.
 * Messages received before a stop are kept in {@link #delivered}.
 */
final class Smtp implements AutoCloseable {

  final int port;
  private GreenMail server;
  /** recipient + " | " + subject → distinct Message-IDs received (a resent mail has a new one). */
  private final Map<String, Set<String>> delivered = new HashMap<>();

  Smtp() {
    String configured = System.getenv("CONSTRUISONS_TEST_PRODUCTION_SMTP_PORT");
    this.port = configured == null || configured.isBlank() ? ApplicationNode.freePort() : Integer.parseInt(configured.strip());
  }

  synchronized Smtp start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return this;
  }

  synchronized void stop() {
    if (server != null) {
      collect();
      server.stop();
      server = null;
    }
  }

  boolean running() {
    return server != null;
  }

  /** How many times each (recipient, subject) was delivered, over every run of the server. */
  synchronized Map<String, Integer> counts() {
    collect();
    Map<String, Integer> counts = new HashMap<>();
    delivered.forEach((key, ids) -> counts.put(key, ids.size()));
    return counts;
  }

  synchronized int total() {
    return counts().values().stream().mapToInt(Integer::intValue).sum();
  }

  int count(String recipient, String subject) {
    return counts().getOrDefault(key(recipient, subject), 0);
  }

  static String key(String recipient, String subject) {
    return recipient + " | " + subject;
  }

  static String acknowledgement(String reference) {
    return "[Construisons!] Votre idée " + reference + " a bien été déposée";
  }

  static String newIdea(String reference) {
    return "[Construisons!] Nouvelle idée " + reference + " à clarifier";
  }

  static String review(String reference) {
    return "[Construisons!] Votre idée " + reference + " passe en revue en direction générale";
  }

  private void collect() {
    if (server == null) {
      return;
    }
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        String id = message.getMessageID();
        for (var to : message.getRecipients(Message.RecipientType.TO)) {
          delivered.computeIfAbsent(key(to.toString(), message.getSubject()), k -> new HashSet<>()).add(id);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
