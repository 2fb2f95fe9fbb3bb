package fr.construisons.notification;

import fr.construisons.notification.MailCatalogue.OutgoingMail;
import fr.construisons.process.ProcessVariable;
import fr.construisons.process.VariableDeclarations;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

  /**
   * Every template of {@link MailTemplates} belongs to the catalogue that owns its folder; a
   * template in no catalogue's folder, a folder with two owners or a declared folder with no
   * template stop the start-up rather than the first send task that names such a mail.
   */
  public SendMailDelegate(NotificationService notifications, MailTemplates templates, List<MailCatalogue> catalogues) {
    this.notifications = notifications;
    Map<String, MailCatalogue> owners = new TreeMap<>();
    for (MailCatalogue catalogue : catalogues) {
      for (String folder : catalogue.folders()) {
        MailCatalogue other = owners.put(folder, catalogue);
        if (other != null) {
          throw new IllegalStateException("mail/" + folder + "/ is owned by two catalogues: "
              + other.getClass().getSimpleName() + " and " + catalogue.getClass().getSimpleName());
        }
      }
    }
    Set<String> used = new TreeSet<>();
    for (MailTemplate template : templates.all()) {
      MailCatalogue owner = owners.get(template.folder());
      if (owner == null) {
        throw new IllegalStateException("mail/" + template.path() + ".html: no catalogue fills in mail/"
            + template.folder() + "/ (catalogues own " + owners.keySet() + ")");
      }
      used.add(template.folder());
      mailsByName.put(template.name(), new Owned(template, owner));
    }
    Set<String> empty = new TreeSet<>(owners.keySet());
    empty.removeAll(used);
    if (!empty.isEmpty()) {
      throw new IllegalStateException("Catalogues own folders of mail/ that hold no template: " + empty);
    }
  }

  /** The mail a model may name, whichever catalogue fills it in. */
  public MailTemplate mail(String name) {
    Owned owned = mailsByName.get(name);
    if (owned == null) {
      throw new IllegalArgumentException("No mail template gives the name " + name);
    }
    return owned.mail();
  }

  /** Every mail a model may name: every template. */
  public List<MailTemplate> mails() {
    return mailsByName.values().stream().map(Owned::mail).toList();
  }

  /** The recipient roles a model may give with that mail. */
  public List<String> recipientRoles(String mail) {
    Owned owned = mailsByName.get(mail);
    return owned == null ? List.of() : owned.catalogue().recipientRoles();
  }

  /** Every recipient role of every catalogue. */
  public Set<String> recipientRoles() {
    Set<String> roles = new TreeSet<>();
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
      throw new IllegalStateException("No mail template gives the name " + mailName);
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
