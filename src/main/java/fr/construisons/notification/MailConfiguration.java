package fr.construisons.notification;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({MailProperties.class, org.springframework.boot.autoconfigure.mail.MailProperties.class})
class MailConfiguration {

  /**
   * Outbox delivery unless {@code construisons.mail.delivery=smtp}. Both senders are declared as
   * the class they are: Boot's mail health indicator ({@code /actuator/health/mail}) only exists
   * for a {@code JavaMailSenderImpl} bean.
   */
  @Bean
  @ConditionalOnProperty(name = "construisons.mail.delivery", havingValue = "outbox", matchIfMissing = true)
  OutboxMailSender outboxMailSender(MailProperties properties) {
    return new OutboxMailSender(properties.outboxDirectory());
  }

  /** SMTP with reused connections, configured from {@code spring.mail.*} as Boot's own sender is. */
  @Bean
  @ConditionalOnProperty(name = "construisons.mail.delivery", havingValue = "smtp")
  PooledSmtpMailSender pooledSmtpMailSender(MailProperties properties,
      org.springframework.boot.autoconfigure.mail.MailProperties smtp, ObjectProvider<SslBundles> sslBundles) {
    PooledSmtpMailSender sender = new PooledSmtpMailSender(properties.pool().maxConnections(),
        properties.pool().idleTimeout());
    sender.setHost(smtp.getHost());
    if (smtp.getPort() != null) {
      sender.setPort(smtp.getPort());
    }
    sender.setUsername(smtp.getUsername());
    sender.setPassword(smtp.getPassword());
    sender.setProtocol(smtp.getProtocol());
    sender.setDefaultEncoding(smtp.getDefaultEncoding() != null
        ? smtp.getDefaultEncoding().name() : StandardCharsets.UTF_8.name());
    Properties javaMail = new Properties();
    javaMail.putAll(smtp.getProperties());
    if (smtp.getSsl().isEnabled()) {
      javaMail.setProperty("mail." + smtp.getProtocol() + ".ssl.enable", "true");
    }
    if (smtp.getSsl().getBundle() != null) {
      // As Boot does: the bundle's trust material for the relay's certificate.
      javaMail.put("mail." + smtp.getProtocol() + ".ssl.socketFactory",
          sslBundles.getObject().getBundle(smtp.getSsl().getBundle()).createSslContext().getSocketFactory());
    }
    sender.setJavaMailProperties(javaMail);
    return sender;
  }
}
