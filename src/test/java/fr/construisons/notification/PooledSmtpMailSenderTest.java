package fr.construisons.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The pooled sender against a real SMTP server (GreenMail on its own port): every mail arrives,
 * connections are reused, and a connection the server dropped is never used for a mail.
 */
class PooledSmtpMailSenderTest {

  private static final int PORT = Integer.parseInt(
      System.getenv().getOrDefault("CONSTRUISONS_TEST_SMTP_PORT", "3025")) + 400;

  private GreenMail server;
  private PooledSmtpMailSender sender;

  @BeforeEach
  void start() {
    server = startServer();
    sender = sender(4, Duration.ofSeconds(60));
  }

  @AfterEach
  void stop() {
    sender.destroy();
    server.stop();
  }

  private static GreenMail startServer() {
    GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }

  private static PooledSmtpMailSender sender(int connections, Duration idle) {
    PooledSmtpMailSender smtp = new PooledSmtpMailSender(connections, idle);
    smtp.setHost("127.0.0.1");
    smtp.setPort(PORT);
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.connectiontimeout", "2000");
    properties.setProperty("mail.smtp.timeout", "2000");
    smtp.setJavaMailProperties(properties);
    return smtp;
  }

  private MimeMessage mail(PooledSmtpMailSender from, String subject) throws Exception {
    MimeMessage message = from.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("construisons@departement.example");
    helper.setTo("camille.martin@departement.example");
    helper.setSubject(subject);
    helper.setText("Votre idée a été reçue.", "<p>Votre idée a été reçue.</p>");
    return message;
  }

  private List<String> receivedSubjects() throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage received : server.getReceivedMessages()) {
      subjects.add(received.getSubject());
    }
    return subjects;
  }

  @Test
  void sendsEveryMailOverOneConnection() throws Exception {
    for (int i = 1; i <= 5; i++) {
      sender.send(mail(sender, "Idée " + i));
    }

    assertThat(receivedSubjects()).containsExactly("Idée 1", "Idée 2", "Idée 3", "Idée 4", "Idée 5");
    assertThat(sender.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void concurrentSendersNeverShareAConnectionAndNeverExceedTheLimit() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 1; i <= 60; i++) {
        String subject = "Idée " + i;
        sent.add(threads.submit(() -> {
          sender.send(mail(sender, subject));
          return null;
        }));
      }
      for (Future<?> each : sent) {
        each.get();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(receivedSubjects()).hasSize(60).doesNotHaveDuplicates();
    assertThat(sender.connectionsOpened()).isBetween(1L, 4L);
  }

  @Test
  void aConnectionDroppedByTheServerIsReplacedBeforeTheNextMail() throws Exception {
    sender.send(mail(sender, "Avant"));
    server.stop(); // closes every connection, as a relay does after its idle timeout
    server = startServer();

    sender.send(mail(sender, "Après"));

    assertThat(receivedSubjects()).containsExactly("Après");
    assertThat(sender.connectionsOpened()).isEqualTo(2);
  }

  @Test
  void aServerDownFailsTheSendSoTheMailJobRetries() throws Exception {
    server.stop();

    assertThatThrownBy(() -> sender.send(mail(sender, "Perdue ?")))
        .isInstanceOf(MailSendException.class)
        .hasMessageContaining("Connexion au serveur de mail (SMTP) 127.0.0.1:" + PORT);

    server = startServer();
    sender.send(mail(sender, "Renvoyée"));
    assertThat(receivedSubjects()).containsExactly("Renvoyée");
  }

  @Test
  void idleConnectionsAreClosedAfterTheirTimeout() throws Exception {
    PooledSmtpMailSender shortLived = sender(2, Duration.ofMillis(200));
    try {
      shortLived.send(mail(shortLived, "Une"));
      Thread.sleep(1000); // several eviction runs (every 100 ms)
      shortLived.send(mail(shortLived, "Deux"));

      assertThat(receivedSubjects()).containsExactly("Une", "Deux");
      assertThat(shortLived.connectionsOpened()).isEqualTo(2);
    } finally {
      shortLived.destroy();
    }
  }

  @Test
  void noPoolOpensAConnectionPerMailAsSpringDoes() throws Exception {
    PooledSmtpMailSender unpooled = sender(0, Duration.ofSeconds(60));
    unpooled.send(mail(unpooled, "Une"));
    unpooled.send(mail(unpooled, "Deux"));

    assertThat(receivedSubjects()).containsExactly("Une", "Deux");
    assertThat(unpooled.connectionsOpened()).isEqualTo(-1);
  }
}
