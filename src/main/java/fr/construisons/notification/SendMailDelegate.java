package fr.construisons.notification;

import fr.construisons.notification.MailCatalogue.OutgoingMail;
import fr.construisons.process.ProcessVariable;
import fr.construisons.process.VariableDeclarations;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every send task of every process: the element's inputs say which mail ({@code mail}) goes to
 * whom ({@code recipients}, roles separated by commas), so the model shows each notification and
 * this class is the one way a process sends mail. The send tasks are asynchronous before and
 * after: a failure to send rolls the job back, the engine retries it and then raises an incident,
 * and a mail is never sent twice for one passage.
 */
@Component("sendMailDelegate")
public class SendMailDelegate implements JavaDelegate {

  public static final ProcessVariable<String> MAIL = ProcessVariable.string("mail");
  public static final ProcessVariable<String> RECIPIENTS = ProcessVariable.string("recipients");
  /** The send tasks' inputs name a mail and roles, never a person: nothing to keep. */
  public static final VariableDeclarations VARIABLES = VariableDeclarations.of("send tasks")
      .erased(MAIL, RECIPIENTS).build();

  private final NotificationService notifications;
  private final Map<String, Owned> mailsByName = new HashMap<>();

  private record Owned(MailTemplate mail, MailCatalogue catalogue) {}

  public SendMailDelegate(NotificationService notifications, List<MailCatalogue> catalogues) {
    this.notifications = notifications;
    for (MailCatalogue catalogue : catalogues) {
      for (MailTemplate mail : catalogue.mails()) {
        if (mailsByName.put(mail.name(), new Owned(mail, catalogue)) != null) {
          throw new IllegalStateException("Two catalogues declare the mail " + mail.name());
        }
      }
    }
  }

  /** The mail a model may name, whichever capability declares it. */
  public MailTemplate mail(String name) {
    Owned owned = mailsByName.get(name);
    if (owned == null) {
      throw new IllegalArgumentException("No catalogue declares the mail " + name);
    }
    return owned.mail();
  }

  /** Every mail a model may name. */
  public List<MailTemplate> mails() {
    return mailsByName.values().stream().map(Owned::mail).toList();
  }

  /** The recipient roles a model may give with that mail. */
  public List<String> recipientRoles(String mail) {
    Owned owned = mailsByName.get(mail);
    return owned == null ? List.of() : owned.catalogue().recipientRoles();
  }

  /** Every recipient role of every catalogue. */
  public java.util.Set<String> recipientRoles() {
    java.util.Set<String> roles = new java.util.TreeSet<>();
    mailsByName.values().forEach(owned -> roles.addAll(owned.catalogue().recipientRoles()));
    return roles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    send(MAIL.required(execution), RECIPIENTS.required(execution), execution);
  }

  /**
   * Sends one mail to the roles given (separated by commas), as a send task of the models does;
   * also the way the delegates of older model versions send theirs.
   */
  public void send(String mailName, String recipientRoles, DelegateExecution execution) {
    Owned owned = mailsByName.get(mailName);
    if (owned == null) {
      throw new IllegalStateException("No catalogue declares the mail " + mailName);
    }
    List<String> roles = Arrays.stream(recipientRoles.split(",")).map(String::strip).toList();
    if (!owned.catalogue().recipientRoles().containsAll(roles)) {
      throw new IllegalStateException("Mail " + mailName + ": recipients " + roles + " not among "
          + owned.catalogue().recipientRoles());
    }
    for (OutgoingMail mail : owned.catalogue().prepare(owned.mail(), roles, execution)) {
      notifications.send(mail);
    }
  }
}
