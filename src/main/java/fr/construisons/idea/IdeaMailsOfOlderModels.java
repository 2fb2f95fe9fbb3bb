package fr.construisons.idea;

import fr.construisons.notification.SendMailDelegate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The send-task beans of idea-lifecycle 1.0.0, before every send task named its mail and
 * recipients for {@code sendMailDelegate}. Instances started on that version keep calling these
 * names; each sends what its send task sent then. Remove this class once Cockpit shows no running
 * instance of idea-lifecycle 1.0.0 (see docs, "Upgrading models safely").
 */
@Configuration(proxyBeanMethods = false)
class IdeaMailsOfOlderModels {

  @Bean
  JavaDelegate notifyTeamOfNewIdeaDelegate(SendMailDelegate mails) {
    return execution -> mails.send(IdeaMails.NEW_IDEA, "TEAM", execution);
  }

  @Bean
  JavaDelegate remindTeamOfClarificationDelegate(SendMailDelegate mails) {
    return execution -> mails.send(IdeaMails.CLARIFICATION_REMINDER, "TEAM", execution);
  }

  @Bean
  JavaDelegate escalateClarificationDelegate(SendMailDelegate mails) {
    return execution -> mails.send(IdeaMails.CLARIFICATION_ESCALATION, "TEAM,INNOVATION_DIRECTORATE", execution);
  }

  @Bean
  JavaDelegate forwardIdeaToDirectorateDelegate(SendMailDelegate mails) {
    return execution -> mails.send(IdeaMails.IDEA_FORWARDED, "DIRECTORATE", execution);
  }

  @Bean
  JavaDelegate remindDirectorateDelegate(SendMailDelegate mails) {
    return execution -> mails.send(IdeaMails.TAKE_UP_REMINDER, "DIRECTORATE", execution);
  }

  @Bean
  JavaDelegate tellIdeatorOfAnswerDelegate(SendMailDelegate mails) {
    return execution -> mails.send(IdeaMails.DIRECTORATE_ANSWER, "IDEATOR", execution);
  }
}
