package fr.construisons.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.idea.Idea;
import fr.construisons.process.Deadlines;
import fr.construisons.idea.IdeaStage;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The default run's mail: one .eml file per message, which any mail client (and JavaMail) reads back. */
class OutboxMailSenderTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  @TempDir Path temp;

  private static MimeMessage message(OutboxMailSender sender, String subject, String text, String... to)
      throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("Construisons! <construisons@departement.example>");
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text, "<p>" + text + "</p>");
    return message;
  }

  private static List<Path> emlFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }

  private static MimeMessage readBack(Path file) throws IOException, MessagingException {
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage message = new MimeMessage(SESSION, in);
      message.getContent(); // parse the whole file now, while it is open
      return message;
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  private static String textPart(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = textPart(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Test
  void eachMessageIsWrittenAsAnEmlFileThatReadsBackWithTheSameSubjectAndRecipients() throws Exception {
    Path outbox = temp.resolve("outbox");
    OutboxMailSender sender = new OutboxMailSender(outbox);

    sender.send(message(sender, "[Construisons!] Nouvelle idée CONS-2026-0001 à clarifier", "Première idée",
        "lea.durand@departement.example"));
    sender.send(message(sender, "[Construisons!] Escalade : l'idée CONS-2026-0002 attend", "Deuxième idée",
        "lea.durand@departement.example", "dpm@departement.example"));

    List<Path> files = emlFiles(outbox);
    assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".eml"));
    List<MimeMessage> written = files.stream().map(file -> {
      try {
        return readBack(file);
      } catch (IOException | MessagingException e) {
        throw new AssertionError("Unreadable " + file, e);
      }
    }).toList();
    assertThat(written).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
        "[Construisons!] Nouvelle idée CONS-2026-0001 à clarifier",
        "[Construisons!] Escalade : l'idée CONS-2026-0002 attend");
    MimeMessage escalation = written.stream()
        .filter(m -> {
          try {
            return m.getSubject().contains("Escalade");
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        }).findFirst().orElseThrow();
    assertThat(addresses(escalation.getRecipients(RecipientType.TO)))
        .containsExactly("lea.durand@departement.example", "dpm@departement.example");
    assertThat(addresses(escalation.getFrom())).containsExactly("Construisons! <construisons@departement.example>");
    assertThat(textPart(escalation)).isEqualTo("Deuxième idée");
  }

  @Test
  void messagesSentInTheSameInstantGetDistinctFiles() throws Exception {
    OutboxMailSender sender = new OutboxMailSender(temp);
    MimeMessage[] batch = new MimeMessage[5];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = message(sender, "[Construisons!] Message " + i, "Texte " + i, "camille.martin@departement.example");
    }

    sender.send(batch);

    List<Path> files = emlFiles(temp);
    assertThat(files).hasSize(5);
    assertThat(files.stream().map(file -> {
      try {
        return readBack(file).getSubject();
      } catch (IOException | MessagingException e) {
        throw new AssertionError(e);
      }
    })).containsExactlyInAnyOrder("[Construisons!] Message 0", "[Construisons!] Message 1",
        "[Construisons!] Message 2", "[Construisons!] Message 3", "[Construisons!] Message 4");
  }

  @Test
  void aMailRenderedByTheNotificationServiceReachesTheOutboxWhole() throws Exception {
    Path outbox = temp.resolve("outbox");
    Deadlines deadlines = new Deadlines(new Deadlines.Settings(Map.of("clarification-reminder", 5)));
    NotificationService notifications = new NotificationService(new OutboxMailSender(outbox), new MailRenderer(deadlines),
        new MailProperties(MailProperties.Delivery.OUTBOX, outbox, "Construisons! <construisons@departement.example>", null));
    Idea idea = new Idea("CONS-2026-0042", "Relais-colis & accueil", "Les colis se perdent.\nSouvent.",
        "Des relais dans les accueils.", "Du temps gagné.", "camille", "education", List.of("education"), false,
        IdeaStage.CLARIFICATION, "pi-1", Instant.parse("2026-03-02T09:00:00Z"), null, null, false);
    Map<String, Object> model = new HashMap<>();
    model.put("idea", idea);
    model.put("ideatorName", "Camille Martin");
    model.put("stageLabel", idea.stage().label());
    model.put("tasklistUrl", "http://localhost:8080/camunda/app/tasklist/");

    notifications.send(new MailTemplates().get("NEW_IDEA"), List.of("lea.durand@departement.example"), idea.reference(), model);

    List<Path> files = emlFiles(outbox);
    assertThat(files).hasSize(1);
    MimeMessage written = readBack(files.get(0));
    assertThat(written.getSubject()).isEqualTo("[Construisons!] Nouvelle idée CONS-2026-0042 à clarifier");
    assertThat(addresses(written.getRecipients(RecipientType.TO))).containsExactly("lea.durand@departement.example");
    // MIME text travels with CRLF line ends.
    assertThat(textPart(written).replace("\r\n", "\n"))
        .contains("Relais-colis & accueil").contains("Les colis se perdent.\nSouvent.");
  }

  @Test
  void anOutboxThatCannotBeWrittenIsASendingFailure() throws Exception {
    Path notADirectory = Files.writeString(temp.resolve("outbox"), "a file where the directory should be");
    OutboxMailSender sender = new OutboxMailSender(notADirectory);
    MimeMessage message = message(sender, "[Construisons!] Test", "Texte", "camille.martin@departement.example");

    assertThatThrownBy(() -> sender.send(message))
        .isInstanceOf(MailSendException.class)
        .hasMessageContaining("Écriture du mail dans");
  }

  @Test
  void plainTextMessagesAreNotSupported() {
    OutboxMailSender sender = new OutboxMailSender(temp);
    SimpleMailMessage simple = new SimpleMailMessage();
    simple.setTo("camille.martin@departement.example");
    simple.setText("Texte");

    assertThatThrownBy(() -> sender.send(simple)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(temp).isEmptyDirectory();
  }
}
