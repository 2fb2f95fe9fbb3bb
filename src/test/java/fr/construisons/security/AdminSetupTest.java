package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.web.WebTest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CVE-2026-77226: the Admin web application's first-run setup
 * ({@code POST /camunda/api/admin/setup/default/user/create}) creates an administrator for anyone
 * as long as the group camunda-admin has no direct member, even on a system long configured.
 */
@WebTest
class AdminSetupTest {

  private static final String SETUP = "/camunda/api/admin/setup/default/user/create";
  private static final String INTRUDER = "intrus";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @BeforeEach
  void camundaAdminHasNoDirectMember() {
    // Administrators of a configured system need not be direct members of camunda-admin: rights
    // may come from authorizations, from adminUsers/adminGroups, or the group was emptied.
    assertThat(identity.createUserQuery().count()).as("a configured system").isPositive();
    identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
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

  private static Map<String, Object> intruder() {
    return Map.of(
        "profile", Map.of("id", INTRUDER, "firstName", "Ido", "lastName", "Intrus",
            "email", "intrus@example.org"),
        "credentials", Map.of("password", "Intrus-2026!"));
  }

  @Test
  void anAnonymousVisitorCreatesAnAdministrator() {
    Http visitor = Http.anonymous(port).webappVisitor();

    Http.Response response = visitor.postJson(SETUP, intruder());

    // The vulnerability, as it stands before our guard.
    assertThat(response.status()).as(response.toString()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId(INTRUDER).memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .isEqualTo(1);
  }
}
