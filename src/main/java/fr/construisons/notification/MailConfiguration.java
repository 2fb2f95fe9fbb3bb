package fr.construisons.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

@Configuration
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

  /** Outbox delivery unless {@code construisons.mail.delivery=smtp}, where Boot's sender is used. */
  @Bean
  @ConditionalOnProperty(name = "construisons.mail.delivery", havingValue = "outbox", matchIfMissing = true)
  JavaMailSender outboxMailSender(MailProperties properties) {
    return new OutboxMailSender(properties.outboxDirectory());
  }

  /**
   * A template engine of its own for mail (HTML escaped by default, plain text in TEXT mode), kept
   * apart from any web view configuration.
   */
  @Bean
  SpringTemplateEngine mailTemplateEngine() {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
    return engine;
  }

  /** Template names carry their extension, which picks the mode (fragments included). */
  private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setResolvablePatterns(java.util.Set.of(pattern));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setOrder(order);
    resolver.setCacheable(true);
    return resolver;
  }
}
