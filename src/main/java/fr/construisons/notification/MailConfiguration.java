package fr.construisons.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

  /**
   * Outbox delivery unless {@code construisons.mail.delivery=smtp}, where Boot's sender is used.
   * Declared as the class it is: Boot's mail health indicator ({@code /actuator/health/mail})
   * only exists for a {@code JavaMailSenderImpl} bean.
   */
  @Bean
  @ConditionalOnProperty(name = "construisons.mail.delivery", havingValue = "outbox", matchIfMissing = true)
  OutboxMailSender outboxMailSender(MailProperties properties) {
    return new OutboxMailSender(properties.outboxDirectory());
  }
}
