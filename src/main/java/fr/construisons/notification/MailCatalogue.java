package fr.construisons.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The mails of one capability and how to address and fill them: who the model's recipient roles
 * are and what each template shows, from the process variables. Each capability (idea, incubation,
 * privacy) provides one as a Spring bean; {@link SendMailDelegate} finds the catalogue that owns
 * the mail a send task names, so this module never depends on the capabilities.
 */
public interface MailCatalogue {

  /** Every mail of this catalogue. */
  List<? extends MailTemplate> mails();

  /** The recipient roles a send task may name for this catalogue's mails. */
  List<String> recipientRoles();

  /**
   * The mails to send for one send task: usually one, one per person when each is told something
   * of their own (the project team). Recipient roles are this catalogue's, as the model names
   * them ({@code IDEATOR}, {@code TEAM}…); an unknown role is a modelling error.
   */
  List<OutgoingMail> prepare(MailTemplate mail, List<String> recipientRoles, DelegateExecution execution);

  /** A mail ready to render: to whom, for which reference (subject and logs), with which model. */
  record OutgoingMail(MailTemplate template, List<String> to, String reference, Map<String, Object> model) {}
}
