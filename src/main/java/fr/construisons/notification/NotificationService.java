package fr.construisons.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a {@link MailTemplate} in French (HTML and plain text) and sends it. A sending failure
 * is thrown on purpose: the calling job rolls back and is retried by the engine, then raises an
 * incident, so no notification is lost silently.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
  private static final Locale FRENCH = Locale.FRANCE;

  private final JavaMailSender sender;
  private final SpringTemplateEngine templates;
  private final MailProperties properties;

  public NotificationService(JavaMailSender sender, SpringTemplateEngine mailTemplateEngine,
      MailProperties properties) {
    this.sender = sender;
    this.templates = mailTemplateEngine;
    this.properties = properties;
  }

  public void send(MailTemplate template, Collection<String> recipients, String reference,
      Map<String, Object> model) {
    if (recipients.isEmpty()) {
      // Nobody to tell is an organisation gap, not a reason to block the idea: say it loudly.
      LOG.warn("Mail « {} » pour l'idée {} : aucun destinataire connu", template, reference);
      return;
    }
    Context context = new Context(FRENCH, model);
    String html = templates.process(template.path() + ".html", context);
    String text = templates.process(template.path() + ".txt", context);
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(template.subject(reference));
      helper.setText(text, html);
    } catch (MessagingException e) {
      throw new MailPreparationException("Mail " + template + " for " + reference, e);
    }
    sender.send(message);
  }
}
