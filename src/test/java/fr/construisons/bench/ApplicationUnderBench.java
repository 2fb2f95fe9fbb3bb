package fr.construisons.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.construisons.ConstruisonsApplication;
import fr.construisons.notification.MailProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application itself, started in this JVM as in production but for the job executor: its
 * jobs are run by the benchmark's client threads ({@link PathDriver}), as on the bare engine.
 * Mail goes over SMTP to a GreenMail server on localhost.
 */
final class ApplicationUnderBench implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final GreenMail smtp;

  ApplicationUnderBench(BenchDatabase database, int smtpPort, String... extraArguments) {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // As command-line arguments: they win over application*.yml, as an operator's settings do.
    String[] arguments = {
        "--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + database.user(),
        "--spring.datasource.password=" + database.password(),
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--construisons.mail.delivery=smtp",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--spring.datasource.hikari.maximum-pool-size=16",
        // Measured on the data the benchmark makes, never on the living demo's ideas.
        "--construisons.demo.living-scheme=false",
        "--logging.level.root=WARN",
        "--logging.level.fr.construisons=INFO"};
    SpringApplication application = new SpringApplication(ConstruisonsApplication.class);
    application.setAdditionalProfiles(database.kind().equals("postgres") ? new String[] {"demo", "postgres"} : new String[] {"demo"});
    // A key given twice would be joined ("false,true"): the caller's value replaces the default.
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
    for (String argument : arguments) {
      all.put(argument.substring(0, argument.indexOf('=')), argument);
    }
    for (String argument : extraArguments) {
      all.put(argument.substring(0, argument.indexOf('=')), argument);
    }
    context = application.run(all.values().toArray(String[]::new));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  /**
   * Mails sent since the last call, to the SMTP server or to the outbox directory; both forget
   * them so memory and disk stay flat.
   */
  int takeMails() {
    int received = smtp.getReceivedMessages().length;
    MailProperties mail = bean(MailProperties.class);
    if (mail.delivery() == MailProperties.Delivery.OUTBOX) {
      try (var files = java.nio.file.Files.list(mail.outboxDirectory())) {
        for (java.nio.file.Path file : files.toList()) {
          java.nio.file.Files.delete(file);
          received++;
        }
      } catch (java.nio.file.NoSuchFileException none) {
        // nothing written yet
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    try {
      smtp.purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
    return received;
  }

  @Override
  public void close() {
    context.close();
    smtp.stop();
  }
}
