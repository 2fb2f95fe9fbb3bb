package fr.construisons.observability;

import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_NOTES;
import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_OUTCOME;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_ACKNOWLEDGE_IDEA;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} answers only the supervision (and administrators), and the scheme's
 * figures follow what happens: a submission, a late clarification call, a mail incident.
 */
@ProcessTest
class MetricsTest {

  static final String SCRAPER = "prometheus";
  static final String SCRAPER_PASSWORD = "Scr4pe-Metr1cs!";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IdeaScenario scenario;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired SchemeMetrics metrics;

  Http anonymous;

  @BeforeEach
  void setUp() {
    anonymous = Http.probe(port);
    MailServer.get();
    if (identity.createGroupQuery().groupId(ActuatorAccessGuard.SUPERVISION_GROUP).count() == 0) {
      var group = identity.newGroup(ActuatorAccessGuard.SUPERVISION_GROUP);
      group.setName("Supervision");
      group.setType("SYSTEM");
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(SCRAPER).count() == 0) {
      User user = identity.newUser(SCRAPER);
      user.setFirstName("Prometheus");
      user.setLastName("Scraper");
      user.setPassword(SCRAPER_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(SCRAPER, ActuatorAccessGuard.SUPERVISION_GROUP);
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    MailServer.get();
    identity.deleteUser(SCRAPER);
    identity.deleteGroup(ActuatorAccessGuard.SUPERVISION_GROUP);
  }

  @Test
  void anonymousCallersAreAskedToAuthenticateHoweverTheAddressIsSpelt() {
    for (String path : List.of("/actuator/prometheus", "/actuator//prometheus", "/actuator/%70rometheus",
        "/actuator/prometheus;x=1", "/actuator/prometheus/", "/actuator/./prometheus",
        "/actuator/health/../prometheus", "/actuator/prometheus?includedNames=jvm_info")) {
      Http.Response response = anonymous.get(path);
      assertThat(response.status()).as(path + " " + response).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
          .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
      assertThat(response.body()).doesNotContain("construisons_");
    }
  }

  @Test
  void aWrongPasswordOrAnAgentIsRefused() {
    assertThat(anonymous.as("personne", "demo").get("/actuator/prometheus").status()).isEqualTo(401);
    Http.Response agent = anonymous.as(AGENT, "demo").get("/actuator/prometheus");
    assertThat(agent.status()).as(agent.toString()).isEqualTo(403);
    assertThat(agent.body()).doesNotContain("construisons_");
  }

  @Test
  void theSupervisionAndTheAdministratorsReadTheMetrics() {
    Http.Response scraper = anonymous.as(SCRAPER, SCRAPER_PASSWORD).get("/actuator/prometheus");
    assertThat(scraper.status()).as(scraper.toString()).isEqualTo(200);
    assertThat(scraper.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    assertThat(scraper.body()).contains("# TYPE construisons_ideas_submitted_total counter",
        "# TYPE construisons_open_tasks gauge", "# TYPE construisons_overdue_clarifications gauge",
        "# TYPE construisons_incidents gauge", "# TYPE construisons_ideas gauge");
    assertThat(scraper.sample("construisons_open_tasks",
        Map.of("process", "incubation", "step", "Task_AgreeOnWorkingTime"))).isNotNaN();

    assertThat(anonymous.as("admin", "demo").get("/actuator/prometheus").status()).isEqualTo(200);
    // Still nothing else of the actuator.
    assertThat(anonymous.as(SCRAPER, SCRAPER_PASSWORD).get("/actuator/metrics").status()).isEqualTo(404);
  }

  @Test
  void theFiguresFollowASubmissionALateCallAndAMailIncident() {
    assertThat(scrape().sample("construisons_incidents", Map.of("process", "idea-withdrawal"))).isZero();
    Map<String, String> clarify = Map.of("process", IdeaLifecycle.PROCESS_KEY, "step", TASK_CLARIFY_IDEA);
    Map<String, String> lifecycle = Map.of("process", IdeaLifecycle.PROCESS_KEY);
    Http.Response before = scrape();

    Instant submittedAt = Instant.now();
    ClockUtil.setCurrentTime(Date.from(submittedAt));
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "rh"));
    Http.Response after = scrape();

    assertThat(after.sample("construisons_ideas_submitted_total", Map.of()))
        .isEqualTo(before.sample("construisons_ideas_submitted_total", Map.of()) + 1);
    assertThat(after.sample("construisons_ideas", Map.of("stage", "CLARIFICATION")))
        .isEqualTo(before.sample("construisons_ideas", Map.of("stage", "CLARIFICATION")) + 1);
    assertThat(after.sample("construisons_open_tasks", clarify))
        .isEqualTo(before.sample("construisons_open_tasks", clarify) + 1);
    double overdue = after.sample("construisons_overdue_clarifications", Map.of());

    // Three weeks later nobody has called: past the reminder deadline (5 working days). The ideas
    // of other tests, still waiting for their call, are late too by then.
    ClockUtil.setCurrentTime(Date.from(submittedAt.plus(Duration.ofDays(21))));
    double late = scrape().sample("construisons_overdue_clarifications", Map.of());
    assertThat(late).isGreaterThanOrEqualTo(overdue + 1);
    // The call is made at last: one late clarification less.
    scenario.complete(instance, TASK_CLARIFY_IDEA, Map.of(CLARIFICATION_OUTCOME.name(), "OUT_OF_SCOPE",
        CLARIFICATION_NOTES.name(), "Relève du règlement intérieur."));
    assertThat(scrape().sample("construisons_overdue_clarifications", Map.of())).isEqualTo(late - 1);

    // A mail job that fails three times (SMTP server down) raises an incident.
    double incidents = after.sample("construisons_incidents", lifecycle);
    ProcessInstance second = scenario.startAs(AGENT, IdeaLifecycle.PROCESS_KEY, ideaForm(false, "rh"));
    MailServer.stop();
    Job mail = management.createJobQuery().processInstanceId(second.getId())
        .activityId(TASK_ACKNOWLEDGE_IDEA).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        management.executeJob(mail.getId());
      } catch (RuntimeException expected) {
        // the SMTP server is down
      }
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(second.getId()).count()).isOne();
    assertThat(scrape().sample("construisons_incidents", lifecycle)).isEqualTo(incidents + 1);
  }

  private Http.Response scrape() {
    metrics.refresh();
    Http.Response response = anonymous.as(SCRAPER, SCRAPER_PASSWORD).get("/actuator/prometheus");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }
}
