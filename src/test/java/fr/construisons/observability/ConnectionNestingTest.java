package fr.construisons.observability;

import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.support.ConnectionNesting;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17: no request of ours takes a second database connection while it holds one. Under load
 * such a request keeps a connection while it waits for the pool, and once every connection is
 * held by a request waiting for another, nothing moves until the pool's timeout. Every page and
 * API named in the issue is driven over real HTTP (and the jobs that build the mails run), with
 * the data source of the tests recording each nested acquisition with its stack
 * ({@link ConnectionNesting}).
 *
 * <p>Here rather than with the pages because the scheme's metrics are among them, and only this
 * package may make them read the database again at once.
 */
@ProcessTest
class ConnectionNestingTest {

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired TaskService tasks;
  @Autowired SchemeMetrics metrics;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void theDetectorSeesASecondConnectionTakenByAThreadThatHoldsOne() throws Exception {
    ConnectionNesting.reset();
    try (Connection held = dataSource.getConnection()) {
      // Outside a transaction JdbcClient asks the pool for a connection of its own.
      jdbc.sql("select count(*) from idea").query(Long.class).single();
    }
    assertThat(ConnectionNesting.recorded()).hasSize(1);
    ConnectionNesting.reset();
  }

  @Test
  void noPageNorFeedNorExportNorScrapeHoldsTwoConnections() {
    MailServer.get();
    ConnectionNesting.reset();

    // An idea with its name shown, past its clarification call (a timeline), commented and supported;
    // the jobs that run meanwhile build and send the mails.
    Map<String, Object> form = ideaForm(false, "dsi");
    form.put(IdeaLifecycle.SHOW_IDEATOR_NAME.name(), true);
    ProcessInstance idea = scenario.submit(AGENT, form);
    String reference = idea.getBusinessKey();
    Task call = scenario.task(idea, TASK_CLARIFY_IDEA);
    tasks.claim(call.getId(), IdeaScenario.TEAM_MEMBER);
    scenario.completeTask(call, Map.of(IdeaLifecycle.CLARIFICATION_OUTCOME.name(), "FITS",
        IdeaLifecycle.CLARIFICATION_NOTES.name(), "Appel fait."));

    Http camille = Http.signedIn(port, AGENT);
    camille.get("/idees/" + reference);
    assertThat(camille.post("/idees/" + reference + "/commentaires", Map.of("commentaire", "Bonne idée !")).status())
        .isEqualTo(302);
    camille.get("/idees/" + reference);
    assertThat(camille.post("/idees/" + reference + "/soutien", Map.of("soutenir", "oui")).status()).isEqualTo(302);
    Http lea = Http.signedIn(port, IdeaScenario.TEAM_MEMBER);

    Http anonymous = Http.anonymous(port);
    metrics.refresh();
    List<Http.Response> answers = List.of(
        anonymous.getJson("/api/idees/dernieres"),
        anonymous.getJson("/api/idees/dernieres?nombre=50"),
        camille.get("/idees"),
        camille.get("/idees?recherche=colis"),
        camille.get("/idees/" + reference),
        lea.get("/idees/" + reference),
        lea.get("/tableau-de-bord"),
        lea.get("/tableau-de-bord/idees.csv"),
        lea.get("/tableau-de-bord/etapes.csv"),
        camille.get("/mes-donnees"),
        camille.get("/mes-donnees/export.json"),
        camille.get("/mes-donnees/export.csv"),
        Http.probe(port).as("admin").get("/actuator/prometheus"),
        Http.probe(port).get("/actuator/health"),
        Http.probe(port).as("admin").get("/actuator/health/detail"));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
    assertThat(camille.get("/idees/" + reference).body()).as("the page shows the comment and its author")
        .contains("Bonne idée !", "Camille Martin");
    assertThat(ConnectionNesting.recorded()).as("threads that took a second connection while holding one")
        .isEmpty();
  }
}
