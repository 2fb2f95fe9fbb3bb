package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.Http;
import fr.construisons.support.ProcessTest;
import java.util.Map;
import org.camunda.bpm.admin.impl.web.SetupResource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.dto.identity.UserCredentialsDto;
import org.camunda.bpm.engine.rest.dto.identity.UserDto;
import org.camunda.bpm.engine.rest.dto.identity.UserProfileDto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CVE-2026-77226: the Admin web application's first-run setup
 * ({@code POST /camunda/api/admin/setup/default/user/create}) creates an administrator for anyone
 * as long as the group camunda-admin has no direct member, even on a system long configured.
 * Camunda's own code still does (first test); {@link AdminSetupGuard} stops every such request
 * before it reaches that code.
 */
@ProcessTest
class AdminSetupTest {

  private static final String SETUP = "/camunda/api/admin/setup/default/user/create";
  private static final String INTRUDER = "intrus";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  @BeforeEach
  void camundaAdminHasNoDirectMember() {
    // Administrators of a configured system need not be direct members of camunda-admin: rights
    // may come from authorizations, from adminUsers/adminGroups, or the group was emptied.
    assertThat(identity.createUserQuery().count()).as("a configured system").isPositive();
    identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
  }

  @AfterEach
  void restore() {
    if (identity.createUserQuery().userId(INTRUDER).count() > 0) {
      identity.deleteUser(INTRUDER);
    }
    if (identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
  }

  /** Camunda's setup resource, called the way its endpoint calls it. */
  static class UnguardedSetup extends SetupResource {
    void createInitialUser(ProcessEngine engine, UserDto user) {
      createInitialUserInternal(engine.getName(), user, engine);
    }
  }

  @Test
  void withoutTheGuardCamundasSetupCreatesAnAdministratorOnAConfiguredSystem() {
    UserProfileDto profile = new UserProfileDto();
    profile.setId(INTRUDER);
    profile.setFirstName("Ido");
    profile.setLastName("Intrus");
    profile.setEmail("intrus@example.org");
    UserCredentialsDto credentials = new UserCredentialsDto();
    credentials.setPassword("Intrus-2026!");
    UserDto user = new UserDto();
    user.setProfile(profile);
    user.setCredentials(credentials);

    // What the endpoint runs for an anonymous caller; if this ever throws, Camunda has fixed the
    // CVE and the guard can go.
    new UnguardedSetup().createInitialUser(engine, user);

    assertThat(identity.createUserQuery().userId(INTRUDER).memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .as("the vulnerability: an administrator created without any credentials")
        .isEqualTo(1);
  }

  private static Map<String, Object> intruder() {
    return Map.of(
        "profile", Map.of("id", INTRUDER, "firstName", "Ido", "lastName", "Intrus",
            "email", "intrus@example.org"),
        "credentials", Map.of("password", "Intrus-2026!"));
  }

  @Test
  void anAnonymousVisitorWithAValidCsrfTokenIsRefused() {
    // A visitor who loaded a page holds a session and the CSRF token: Camunda's CSRF filter would
    // let the request through (it did before the guard: 204 and the administrator created).
    Http visitor = Http.anonymous(port).webappVisitor();

    Http.Response response = visitor.postJson(SETUP, intruder());

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.message()).isEqualTo(AdminSetupGuard.MESSAGE);
    assertThat(identity.createUserQuery().userId(INTRUDER).count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      SETUP,
      "/camunda/api/admin/setup/default/user/create/",
      "/camunda/api/admin//setup/default/user/create",
      "/camunda/api/admin/setup/default/user/create;jsessionid=x",
      "/camunda/api/admin/%73etup/default/user/create",
      "/camunda/api/admin/./setup/default/user/create",
      "/camunda/api/admin/tasklist/../setup/default/user/create"})
  void everySpellingOfTheSetupAddressIsRefused(String path) {
    Http.Response response = Http.anonymous(port).webappVisitor().postJson(path, intruder());

    assertThat(response.status()).as(path + " → " + response).isEqualTo(403);
    assertThat(response.message()).isEqualTo(AdminSetupGuard.MESSAGE);
    assertThat(identity.createUserQuery().userId(INTRUDER).count()).isZero();
  }

  @Test
  void anAuthenticatedAgentIsRefusedToo() {
    Http camille = Http.anonymous(port).webappSession("camille", "tasklist");

    Http.Response response = camille.postJson(SETUP, intruder());

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId(INTRUDER).count()).isZero();
  }
}
