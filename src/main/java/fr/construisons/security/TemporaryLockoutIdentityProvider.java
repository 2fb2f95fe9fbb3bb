package fr.construisons.security;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own user database, with a lockout that always ends. Camunda's provider delays the
 * next login after each wrong password ({@code loginDelayBase} x {@code loginDelayFactor}^(n-1)
 * seconds, at most {@code loginDelayMaxTime}), then locks the account <em>for good</em> at the
 * {@code loginMaxAttempts}-th failure (ENGINE-27002), until an administrator unlocks it. Anyone who
 * knows a user id could so shut an agent, or the administrator, out of the application in about
 * seven minutes: a denial of service on every account.
 *
 * <p>Here the same delays apply, but the {@code loginMaxAttempts}-th failure locks the account for
 * the configured duration only ({@code construisons.security.lockout-duration}). The failure count
 * is kept until the right password is given: every wrong password after a lockout locks again for
 * the whole duration, so waiting it out buys an attacker one guess per lockout, not another series.
 * The right password (or Camunda Admin's "unlock") clears the count, as in Camunda.
 *
 * <p>Every failed login and every lockout is logged at WARN with the user id, never the password.
 * An id that names no user is not logged: people type their password in the id field.
 */
class TemporaryLockoutIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger LOGINS = LoggerFactory.getLogger(TemporaryLockoutIdentityProvider.class);

  private final Duration lockout;

  TemporaryLockoutIdentityProvider(Duration lockout) {
    this.lockout = lockout;
  }

  /** Camunda's steps (see {@link DbIdentityServiceProvider#checkPassword}), plus the log lines. */
  @Override
  public boolean checkPassword(String userId, String password) {
    UserEntity user = findUserById(userId);
    if (user == null || password == null) {
      LOGINS.warn("Échec de connexion : identifiant inconnu ou mot de passe absent");
      return false;
    }
    if (isUserLocked(user)) {
      LOGINS.warn("Échec de connexion de {} : compte verrouillé jusqu'au {} ({} échecs consécutifs)",
          user.getId(), user.getLockExpirationTime().toInstant(), user.getAttempts());
      return false;
    }
    if (matchPassword(password, user)) {
      unlockUser(user);
      return true;
    }
    lockUser(user);
    return false;
  }

  /** Locked only until the lock's expiry: Camunda's "attempts >= loginMaxAttempts" rule is gone. */
  @Override
  protected boolean isUserLocked(UserEntity user) {
    Date expiry = user.getLockExpirationTime();
    return expiry != null && expiry.after(ClockUtil.getCurrentTime());
  }

  @Override
  protected void lockUser(UserEntity user) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    int attempts = user.getAttempts() + 1;
    boolean lockout = attempts >= configuration.getLoginMaxAttempts();
    long delayMillis = lockout ? this.lockout.toMillis() : engineDelaySeconds(configuration, attempts) * 1000;
    Date until = new Date(ClockUtil.getCurrentTime().getTime() + delayMillis);
    getIdentityInfoManager().updateUserLock(user, attempts, until);
    if (lockout) {
      LOGINS.warn("Échec de connexion de {} : mot de passe incorrect ({} échecs consécutifs)", user.getId(), attempts);
      LOGINS.warn("Compte {} verrouillé jusqu'au {} après {} échecs consécutifs", user.getId(),
          until.toInstant(), attempts);
    } else {
      // The engine's short delay is a lock too: said on the same line.
      LOGINS.warn("Échec de connexion de {} : mot de passe incorrect ({} échecs consécutifs), "
          + "prochaine tentative possible à partir du {}", user.getId(), attempts, until.toInstant());
    }
  }

  /** The engine's delay before the next attempt, as {@code DbIdentityServiceProvider} computes it. */
  private static long engineDelaySeconds(ProcessEngineConfigurationImpl configuration, int attempts) {
    long delay = (long) (configuration.getLoginDelayBase()
        * Math.pow(configuration.getLoginDelayFactor(), attempts - 1));
    return Math.min(delay, configuration.getLoginDelayMaxTime());
  }
}
