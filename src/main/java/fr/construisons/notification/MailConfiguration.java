package fr.construisons.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

  /** Outbox delivery unless {@code construisons.mail.delivery=smtp}, where Boot's sender is used. */
  @Bean
  @ConditionalOnProperty(name = "construisons.mail.delivery", havingValue = "outbox", matchIfMissing = true)
  JavaMailSender outboxMailSender(MailProperties properties) {
    return new OutboxMailSender(properties.outboxDirectory());
  }
}
