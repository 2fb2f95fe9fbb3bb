package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.TITLE;
import static fr.construisons.security.MailChecks.*;
import static fr.construisons.support.IdeaScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A title that tries to add mail headers. The form rules accept line breaks in a title (they
 * check lengths only), so the title reaches the mails; what protects the headers is that subjects
 * carry only the idea's reference (each template's <title>), never what an agent typed. GreenMail keeps one
 * copy per SMTP recipient, so it shows who really received each mail.
 */
@ProcessTest
class MailHeaderInjectionTest {

  private static final String ATTACKER = "attaquant@attacker.example";
  private static final String INJECTING_TITLE =
      "Relais-colis\r\nBcc: " + ATTACKER + "\r\nSubject: Urgent\nCc: " + ATTACKER;

  @Autowired IdeaScenario scenario;
  @Autowired RuntimeService runtime;
  @Autowired IdeaRepository catalogue;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
  }

  @Test
  void aTitleWithHeaderLinesAddsNoRecipientAndNoHeader() throws MessagingException {
    Map<String, Object> form = IdeaScenario.ideaForm(false, "dsi");
    form.put(TITLE.name(), INJECTING_TITLE);
    ProcessInstance instance = scenario.submit(AGENT, form);

    assertThat(runtime.getVariable(instance.getId(), TITLE.name())).isEqualTo(INJECTING_TITLE);
    Idea idea = catalogue.find(scenario.reference(instance)).orElseThrow();

    // Delivered copies: exactly one per intended recipient, none to the attacker.
    assertThat(MailServer.received()).flatExtracting(MailServer::recipients)
        .containsExactlyInAnyOrder(AGENT_MAIL, TEAM_MAIL);
    assertThat(MailServer.get().getReceivedMessagesForDomain("attacker.example")).isEmpty();
    assertThat(MailServer.get().getUserManager().getUserByEmail(ATTACKER)).as("a mailbox for the attacker").isNull();

    MimeMessage acknowledgement = onlyMailTo(AGENT_MAIL);
    MimeMessage newIdea = onlyMailTo(TEAM_MAIL);
    assertThat(MailServer.subject(acknowledgement))
        .isEqualTo("[Construisons!] Votre idée " + idea.reference() + " a bien été déposée");
    assertThat(MailServer.subject(newIdea)).isEqualTo("[Construisons!] Nouvelle idée " + idea.reference() + " à clarifier");
    for (MimeMessage mail : List.of(acknowledgement, newIdea)) {
      assertThat(mail.getRecipients(jakarta.mail.Message.RecipientType.CC)).isNull();
      assertThat(mail.getRecipients(jakarta.mail.Message.RecipientType.BCC)).isNull();
      List<Header> headers = Collections.list(mail.getAllHeaders());
      assertThat(headers).extracting(Header::getName).doesNotContain("Bcc", "Cc")
          .filteredOn("Subject"::equalsIgnoreCase).hasSize(1);
      assertThat(headers).extracting(Header::getValue).noneMatch(value -> value.contains(ATTACKER));
      // The title itself is quoted in the body, where a line break is only a line break.
      assertThat(MailServer.text(mail)).contains("Relais-colis").contains("Bcc: " + ATTACKER);
    }
  }
}
