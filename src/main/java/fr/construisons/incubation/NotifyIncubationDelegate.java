package fr.construisons.incubation;

import fr.construisons.notification.IncubationNotifier;
import fr.construisons.notification.IncubationNotifier.Recipient;
import fr.construisons.notification.MailTemplate;
import fr.construisons.process.ProcessVariable;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The incubation's send tasks: the element's inputs say which mail ({@code mailTemplate}, a
 * {@link MailTemplate}) goes to whom ({@code recipients}, roles separated by commas), so the model
 * shows every notification and this class stays the only place that sends them.
 */
@Component("notifyIncubationDelegate")
public class NotifyIncubationDelegate implements JavaDelegate {

  public static final ProcessVariable<String> MAIL_TEMPLATE = ProcessVariable.string("mailTemplate");
  public static final ProcessVariable<String> RECIPIENTS = ProcessVariable.string("recipients");

  private final IncubationNotifier notifier;

  public NotifyIncubationDelegate(IncubationNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MailTemplate template = MailTemplate.valueOf(MAIL_TEMPLATE.required(execution));
    List<Recipient> recipients = Arrays.stream(RECIPIENTS.required(execution).split(","))
        .map(String::strip)
        .map(Recipient::valueOf)
        .toList();
    notifier.send(template, recipients, execution);
  }
}
