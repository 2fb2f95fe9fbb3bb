package fr.construisons.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the whole test run, on the port of application-test.yml.
 * Tests may stop it to play an SMTP outage, then start it again.
 *
 * <p>The port is 3025 unless the environment variable {@code CONSTRUISONS_TEST_SMTP_PORT} says
 * otherwise (application-test.yml reads the same variable): builds that run side by side on one
 * machine would otherwise deliver their mail to each other's server.
 */
public final class MailServer {

  public static final int PORT = Integer.parseInt(
      System.getenv().getOrDefault("CONSTRUISONS_TEST_SMTP_PORT", "3025").strip());
  private static GreenMail server;

  private MailServer() {}

  public static synchronized GreenMail get() {
    if (server == null) {
      start();
    }
    return server;
  }

  public static synchronized void start() {
    server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public static void purge() {
    try {
      get().purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<MimeMessage> received() {
    return Arrays.asList(get().getReceivedMessages());
  }

  /**
   * Messages addressed to one address. GreenMail keeps one copy per recipient, so a mail to
   * several people is counted once here.
   */
  public static List<MimeMessage> to(String address) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return received().stream()
        .filter(m -> recipients(m).contains(address))
        .filter(m -> seen.add(messageId(m)))
        .toList();
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain-text part of a multipart/alternative mail, decoded. */
  public static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  /** The HTML part of a multipart/alternative mail, decoded. */
  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  private static String part(MimeMessage message, String mimeType) {
    try {
      String found = find(message, mimeType);
      if (found == null) {
        throw new AssertionError("No " + mimeType + " part in " + message.getSubject());
      }
      return found;
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(jakarta.mail.Part part, String mimeType) throws MessagingException, java.io.IOException {
    if (part.isMimeType(mimeType)) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = find(multipart.getBodyPart(i), mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  public static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
