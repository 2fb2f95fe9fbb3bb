package fr.construisons.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start when the administrator has no password. Camunda's starter would otherwise
 * create the administrator with its user id as password ({@code admin}/{@code admin}) — and
 * never change it afterwards, since it only creates a missing user. Runs on the environment,
 * before any bean exists, so nothing is written to the database first.
 *
 * <p>The demo profile sets a password ({@code demo}); elsewhere it comes from
 * {@code CONSTRUISONS_ADMIN_PASSWORD}. With LDAP ({@code construisons.organisation.source=ldap})
 * the administrator must already be a user of the directory and keeps the directory's password.
 */
public class AdministratorPasswordCheck implements EnvironmentPostProcessor, Ordered {

  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String id = environment.getProperty(ADMIN_ID);
    // With LDAP the administrator is a user of the directory, with the directory's password.
    boolean ldap = "ldap".equalsIgnoreCase(environment.getProperty("construisons.organisation.source"));
    if (!ldap && id != null && !id.isBlank() && isBlank(environment.getProperty(ADMIN_PASSWORD))) {
      throw new MissingAdministratorPasswordException(id);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public int getOrder() {
    // After the configuration files and the environment variables are loaded.
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Start-up stops on this; {@link MissingAdministratorPasswordFailureAnalyzer} explains it. */
  public static class MissingAdministratorPasswordException extends IllegalStateException {

    private final String administratorId;

    MissingAdministratorPasswordException(String administratorId) {
      super("Aucun mot de passe pour l'administrateur « " + administratorId
          + " » : définissez la variable d'environnement CONSTRUISONS_ADMIN_PASSWORD.");
      this.administratorId = administratorId;
    }

    public String administratorId() {
      return administratorId;
    }
  }
}
