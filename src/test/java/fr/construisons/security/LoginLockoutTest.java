package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.support.Http;
import fr.construisons.support.ProcessTest;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords lock an account for a while, never for good: over HTTP, an attacker who knows a
 * user id can keep that user out for {@code construisons.security.lockout-duration} (15 minutes)
 * at a time, no longer, and cannot do it through the public health endpoint at all.
 *
 * <p>The engine's clock ({@link ClockUtil}) is moved instead of waiting out the delays and the
 * lockout. Each test works on a user of its own, deleted afterwards: a wrong password for a demo
 * user would delay that user's next login in the other tests of the shared context.
 */
@ProcessTest
@ExtendWith(OutputCaptureExtension.class)
class LoginLockoutTest {

  static final String PASSWORD = "Bon-mot-de-passe-2026";
  static final String WRONG = "Mauvais-mot-de-passe-1";
  /** Camunda's default loginMaxAttempts, kept by application.yml. */
  static final int MAX_ATTEMPTS = 10;
  /** Longer than the engine's longest delay between two attempts (loginDelayMaxTime, 60 s). */
  static final Duration PAST_ANY_DELAY = Duration.ofSeconds(61);

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  String userId;
  Http anonymous;
  Date now;

  @BeforeEach
  void createUser() {
    userId = "verrou" + System.nanoTime();
    User user = identity.newUser(userId);
    user.setFirstName("Compte");
    user.setLastName("Verrouillable");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    anonymous = Http.anonymous(port);
    now = new Date();
    ClockUtil.setCurrentTime(now);
  }

  @AfterEach
  void deleteUser() {
    ClockUtil.reset();
    identity.deleteUser(userId);
  }

  @Test
  void tenWrongPasswordsLockTheAccountForFifteenMinutesThenItOpensAgain(CapturedOutput output) {
    failTenTimes();

    assertThat(status(PASSWORD)).as("locked right after the tenth failure").isEqualTo(401);
    advance(Duration.ofMinutes(14));
    assertThat(status(PASSWORD)).as("still locked after 14 minutes").isEqualTo(401);
    advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(status(PASSWORD)).as("open again after 15 minutes, never locked for good").isEqualTo(200);

    // The right password cleared the count: one typo is again only a short delay.
    assertThat(status(WRONG)).isEqualTo(401);
    advance(PAST_ANY_DELAY);
    assertThat(status(PASSWORD)).isEqualTo(200);

    assertThat(output.getOut()).contains("WARN").contains("Échec de connexion de " + userId)
        .contains("Compte " + userId + " verrouillé")
        .doesNotContain(WRONG).doesNotContain(PASSWORD);
  }

  @Test
  void anAttackerWhoKeepsTryingOnlyRenewsTheTemporaryLock() {
    failTenTimes();
    for (int round = 0; round < 3; round++) {
      advance(Duration.ofMinutes(15).plusSeconds(1));
      assertThat(status(WRONG)).isEqualTo(401);
    }

    // Each wrong password after a lockout locks again for the full duration, not forever.
    advance(Duration.ofMinutes(14));
    assertThat(status(PASSWORD)).isEqualTo(401);
    advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(status(PASSWORD)).isEqualTo(200);
  }

  @Test
  void wrongPasswordsOnThePublicHealthEndpointNeitherDelayNorLockTheAccount() {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS + 1; attempt++) {
      if (attempt > 1) {
        advance(PAST_ANY_DELAY);
      }
      Http.Response health = anonymous.as(userId, WRONG).get("/actuator/health");
      assertThat(health.status()).as(health.toString()).isEqualTo(200);
      assertThat(health.json().fieldNames()).toIterable().containsExactly("status");
    }

    // At once, with the clock where the last wrong password left it: not even the engine's short
    // delay after a wrong password, since the health endpoint never looked at the credentials.
    assertThat(status(PASSWORD)).isEqualTo(200);
  }

  @Test
  void noSettingMakesTheLockoutPermanent() {
    assertThatThrownBy(() -> new TemporaryLockoutPlugin(Duration.ofDays(3650)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lockout-duration");
    assertThatThrownBy(() -> new TemporaryLockoutPlugin(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Ten wrong passwords, each once the engine's delay after the previous one has passed. */
  private void failTenTimes() {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assertThat(status(WRONG)).as("attempt " + attempt).isEqualTo(401);
      if (attempt < MAX_ATTEMPTS) {
        advance(PAST_ANY_DELAY);
      }
    }
  }

  /** The answer of the REST API to HTTP Basic with this password. */
  private int status(String password) {
    return anonymous.as(userId, password).get("/engine-rest/task?maxResults=1").status();
  }

  private void advance(Duration duration) {
    now = new Date(now.getTime() + duration.toMillis());
    ClockUtil.setCurrentTime(now);
  }
}
