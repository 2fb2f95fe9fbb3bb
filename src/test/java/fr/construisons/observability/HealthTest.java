package fr.construisons.observability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.Http;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public health is the load balancer's: the database and the engine count, the mail server
 * does not; the mail has its own status, and only the supervision sees the components.
 */
@ProcessTest
class HealthTest {

  @LocalServerPort int port;
  Http anonymous;

  @BeforeEach
  void setUp() {
    anonymous = Http.probe(port);
    MailServer.get();
  }

  @AfterEach
  void bringTheSmtpServerBack() {
    MailServer.get();
  }

  @Test
  void everythingUpWhenTheMailServerRuns() {
    assertStatusOnly(anonymous.get("/actuator/health"), 200, "UP");
    assertStatusOnly(anonymous.get("/actuator/health/mail"), 200, "UP");
    assertStatusOnly(anonymous.get("/actuator/health/readiness"), 200, "UP");
    assertStatusOnly(anonymous.get("/actuator/health/liveness"), 200, "UP");
  }

  @Test
  void aMailOutageLeavesTheNodeUpAndShowsOnlyInTheMailGroup() {
    MailServer.stop();

    assertStatusOnly(anonymous.get("/actuator/health"), 200, "UP");
    assertStatusOnly(anonymous.get("/actuator/health/readiness"), 200, "UP");
    assertStatusOnly(anonymous.get("/actuator/health/liveness"), 200, "UP");
    assertStatusOnly(anonymous.get("/actuator/health/mail"), 503, "DOWN");

    Http.Response detail = anonymous.as("admin", "demo").get("/actuator/health/detail");
    assertThat(detail.status()).as(detail.toString()).isEqualTo(503);
    assertThat(detail.json().path("components").path("mail").path("status").asText()).isEqualTo("DOWN");
    assertThat(detail.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void theDetailShowsTheDatabaseAndTheEngineToTheSupervisionOnly() {
    Http.Response detail = anonymous.as("admin", "demo").get("/actuator/health/detail");

    assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
    List<String> components = new ArrayList<>();
    detail.json().path("components").fieldNames().forEachRemaining(components::add);
    assertThat(components).contains("db", "database", "processEngine", "mail", "diskSpace", "readinessState");
    assertThat(detail.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(detail.json().path("components").path("db").path("details").path("database").asText())
        .as("the test database of this pass").isIn("H2", "PostgreSQL");
    assertThat(detail.json().path("components").path("processEngine").path("status").asText()).isEqualTo("UP");

    assertStatusOnly(anonymous.get("/actuator/health/detail"), 200, "UP");
    // An agent is a valid engine user, but neither supervision nor camunda-admin.
    assertStatusOnly(anonymous.as("camille", "demo").get("/actuator/health/detail"), 200, "UP");
  }

  @Test
  void noComponentIsReachableOnItsOwn() {
    for (String path : List.of("/actuator/health/db", "/actuator/health/processEngine",
        "/actuator/health/diskSpace", "/actuator/health/detail/db")) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(404);
    }
  }

  private static void assertStatusOnly(Http.Response response, int status, String health) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.json().fieldNames()).toIterable().containsExactly("status");
    assertThat(response.json().path("status").asText()).isEqualTo(health);
  }
}
