package fr.construisons.privacy.requests;

import fr.construisons.notification.SendMailDelegate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The send-task bean of personal-data-request 1.0.0. Instances started on that version keep
 * calling it. Remove this class once Cockpit shows no running instance of it (see docs,
 * "Upgrading models safely").
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataRequestMailsOfOlderModels {

  @Bean
  JavaDelegate answerRequesterDelegate(SendMailDelegate mails) {
    return execution -> mails.send(PersonalDataRequestMails.PERSONAL_DATA_REQUEST_ANSWERED, "REQUESTER", execution);
  }
}
