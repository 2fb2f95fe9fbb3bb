package fr.construisons.incubation;

import fr.construisons.notification.SendMailDelegate;
import fr.construisons.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The send-task bean of incubation 1.0.0 and 1.1.0, whose send tasks named their mail in the
 * input {@code mailTemplate}. Instances started on those versions keep calling it. Remove this
 * class once Cockpit shows no running instance of them (see docs, "Upgrading models safely").
 */
@Configuration(proxyBeanMethods = false)
class IncubationMailsOfOlderModels {

  static final ProcessVariable<String> MAIL_TEMPLATE = ProcessVariable.string("mailTemplate");

  @Bean
  JavaDelegate notifyIncubationDelegate(SendMailDelegate mails) {
    return execution -> mails.send(MAIL_TEMPLATE.required(execution),
        SendMailDelegate.RECIPIENTS.required(execution), execution);
  }
}
