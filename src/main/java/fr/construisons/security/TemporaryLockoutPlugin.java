package fr.construisons.security;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's user database lock accounts for a while only
 * ({@link TemporaryLockoutIdentityProvider}). Another identity provider (the LDAP plugin of the
 * ldap profile, which sets its own in the same phase whatever the order) is left alone: the
 * directory then checks passwords and applies its own lockout policy.
 */
@Component
public class TemporaryLockoutPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TemporaryLockoutPlugin.class);
  /** Bounded so that no setting turns the lockout back into a permanent one. */
  static final Duration LONGEST_LOCKOUT = Duration.ofHours(24);

  private final Duration lockout;

  public TemporaryLockoutPlugin(@Value("${construisons.security.lockout-duration:15m}") Duration lockout) {
    if (lockout.isNegative() || lockout.isZero() || lockout.compareTo(LONGEST_LOCKOUT) > 0) {
      throw new IllegalArgumentException("construisons.security.lockout-duration doit être comprise entre "
          + "1 seconde et 24 heures (valeur : " + lockout + ")");
    }
    this.lockout = lockout;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getIdentityProviderSessionFactory() != null) {
      LOG.info("Fournisseur d'identité {} : verrouillage des comptes laissé à ce fournisseur",
          configuration.getIdentityProviderSessionFactory().getClass().getSimpleName());
      return;
    }
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        // Also registered as the writable provider, since it is one.
        return TemporaryLockoutIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new TemporaryLockoutIdentityProvider(lockout);
      }
    });
  }

  @Override
  public String toString() {
    return "TemporaryLockoutPlugin";
  }
}
