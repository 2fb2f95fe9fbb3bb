package fr.construisons.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The mails of one capability and how to address and fill them: who the model's recipient roles
 * are and what each template shows, from the process variables. Each capability (idea, incubation,
 * privacy) provides one as a Spring bean and owns folders of {@code mail/}: every template there is
 * one of its mails. {@link SendMailDelegate} finds the catalogue that owns the mail a send task
 * names by its folder, so this module never depends on the capabilities.
 */
public interface MailCatalogue {

  /**
   * The folders under {@code mail/} whose templates this catalogue fills in ({@code team} for
   * {@code mail/team/new-idea.html}); a folder has one owner.
   */
  List<String> folders();

  /** The recipient roles a send task may name for this catalogue's mails. */
  List<String> recipientRoles();

  /**
   * The mails to send for one send task: usually one, one per person when each is told something
   * of their own (the project team). Recipient roles are this catalogue's, as the model names
   * them ({@code IDEATOR}, {@code TEAM}…); an unknown role is a modelling error.
   */
  List<OutgoingMail> prepare(MailTemplate mail, List<String> recipientRoles, DelegateExecution execution);

  /**
   * A mail ready to render: to whom, about which reference (for the logs; the subject is the
   * template's), with which model.
   */
  record OutgoingMail(MailTemplate template, List<String> to, String reference, Map<String, Object> model) {}
}
