package fr.construisons.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Renders a {@link MailTemplate} in French (subject, HTML and plain text) and sends it. A sending
 * failure is thrown on purpose: the calling job rolls back and is retried by the engine, then
 * raises an incident, so no notification is lost silently.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final JavaMailSender sender;
  private final MailRenderer renderer;
  private final MailProperties properties;

  public NotificationService(JavaMailSender sender, MailRenderer renderer, MailProperties properties) {
    this.sender = sender;
    this.renderer = renderer;
    this.properties = properties;
  }

  public void send(MailCatalogue.OutgoingMail mail) {
    send(mail.template(), mail.to(), mail.reference(), mail.model());
  }

  /** {@code reference}: the idea (or request) the mail is about, for the logs. */
  public void send(MailTemplate template, Collection<String> recipients, String reference,
      Map<String, Object> model) {
    if (recipients.isEmpty()) {
      // Nobody to tell is an organisation gap, not a reason to block the idea: say it loudly.
      LOG.warn("Mail « {} » pour l'idée {} : aucun destinataire connu", template, reference);
      return;
    }
    MailRenderer.RenderedMail rendered = renderer.render(template, model);
    if (rendered.subject().isBlank()) {
      // A template without its <title>: never send a mail nobody can recognise in their inbox.
      throw new MailPreparationException("Mail " + template + ": no subject (the template's <title> is empty)");
    }
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(rendered.subject());
      helper.setText(rendered.text(), rendered.html());
    } catch (MessagingException e) {
      throw new MailPreparationException("Mail " + template + " for " + reference, e);
    }
    sender.send(message);
    // No reference here: the log pattern shows the idea of the job (MDC ideaReference).
    LOG.info("Mail « {} » envoyé à {} destinataire(s)", template, recipients.size());
  }
}
