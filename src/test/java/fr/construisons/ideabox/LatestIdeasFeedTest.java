package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.support.ConnectionNesting;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The intranet's feed of the latest ideas: anonymous, public fields only, names only with consent. */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatestIdeasFeedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKUP_TITLE = "<script>alert('idée')</script> Horaires & \"accueil\"";
  private static final String AUTHOR = "Camille Martin";

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired JdbcClient jdbc;
  @Value("${construisons.base-url}") String baseUrl;

  private String withConsent;
  private String withoutConsent;

  @BeforeAll
  void twoIdeasOneWithConsent() {
    MailServer.get();
    MailServer.purge();
    Map<String, Object> named = IdeaScenario.ideaForm(false, "education");
    named.put(SHOW_IDEATOR_NAME.name(), true);
    named.put(PROBLEM.name(), "Les usagers attendent longtemps à l'accueil. ".repeat(20));
    withConsent = scenario.reference(scenario.submit(IdeaScenario.AGENT, named));
    Map<String, Object> anonymous = IdeaScenario.ideaForm(false, "dsi");
    anonymous.put(TITLE.name(), MARKUP_TITLE);
    withoutConsent = scenario.reference(scenario.submit(IdeaScenario.AGENT, anonymous));
  }

  @Test
  void anyoneReadsTheLatestIdeasInJsonCachedForAMinute() throws Exception {
    Http.Response feed = Http.browser(port).getJson("/api/idees/dernieres");
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(feed.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60");
    assertThat(feed.headers().firstValue("Set-Cookie")).as("no session for the intranet server").isEmpty();
    JsonNode ideas = JSON.readTree(feed.body()).get("ideas");
    assertThat(ideas.size()).isBetween(2, LatestIdeasFeed.DEFAULT_COUNT);
    // Newest first, as the catalogue orders them (some test classes file ideas at a shifted clock,
    // so the idea filed last by this class need not lead).
    List<String> newest = jdbc.sql("select reference from idea order by submitted_at desc, reference desc"
            + " offset 0 rows fetch next " + LatestIdeasFeed.DEFAULT_COUNT + " rows only")
        .query(String.class).list();
    assertThat(StreamSupport.stream(ideas.spliterator(), false).map(idea -> idea.get("reference").asText()).toList())
        .isEqualTo(newest);
    for (int i = 1; i < ideas.size(); i++) {
      assertThat(OffsetDateTime.parse(ideas.get(i).get("submittedAt").asText()))
          .isBeforeOrEqualTo(OffsetDateTime.parse(ideas.get(i - 1).get("submittedAt").asText()));
    }
  }

  @Test
  void eachIdeaCarriesItsPublicFields() throws Exception {
    JsonNode idea = idea(feed(50), withConsent);
    assertThat(idea.get("title").asText()).isEqualTo("Relais-colis dans nos implantations");
    assertThat(idea.get("problemExcerpt").asText()).endsWith("…").hasSizeLessThanOrEqualTo(LatestIdeasFeed.EXCERPT_LENGTH + 1)
        .startsWith("Les usagers attendent longtemps à l'accueil.");
    assertThat(idea.get("directorate").asText()).isEqualTo("Direction de l'éducation");
    assertThat(idea.get("stage").get("code").asText()).isNotBlank();
    assertThat(idea.get("stage").get("label").asText()).isNotBlank();
    assertThat(OffsetDateTime.parse(idea.get("submittedAt").asText())).isBefore(OffsetDateTime.now().plusSeconds(1));
    assertThat(idea.get("url").asText()).isEqualTo(baseUrl.replaceAll("/+$", "") + "/idees/" + withConsent);
    assertThat(idea.get("supports").asLong()).isZero();
    // Nothing from the private steps, nor the author's login or mail.
    assertThat(idea.has("solution")).isFalse();
    assertThat(idea.toString()).doesNotContain("camille");
  }

  @Test
  void theAuthorsNameIsShownOnlyWithTheirConsent() throws Exception {
    JsonNode ideas = feed(50);
    assertThat(idea(ideas, withConsent).get("authorName").asText()).isEqualTo(AUTHOR);
    assertThat(idea(ideas, withoutConsent).has("authorName")).isFalse();
    assertThat(idea(ideas, withoutConsent).toString()).doesNotContain(AUTHOR);
    // And for every idea of the feed, whoever filed it: a name only where the catalogue records consent.
    for (JsonNode idea : ideas) {
      boolean consent = jdbc.sql("select ideator_name_shown from idea where reference = :r")
          .param("r", idea.get("reference").asText()).query(Boolean.class).single();
      assertThat(idea.has("authorName")).as(idea.get("reference").asText()).isEqualTo(consent);
    }
  }

  @Test
  void markupInATitleIsAJsonStringNotMarkup() throws Exception {
    Http.Response feed = Http.browser(port).getJson("/api/idees/dernieres?nombre=50");
    assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(feed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(idea(JSON.readTree(feed.body()).get("ideas"), withoutConsent).get("title").asText()).isEqualTo(MARKUP_TITLE);
  }

  @Test
  void theNumberOfIdeasIsBetweenOneAndFifty() throws Exception {
    assertThat(feed(1).size()).isEqualTo(1);
    for (String wrong : new String[] {"0", "51", "-3", "dix"}) {
      Http.Response refused = Http.browser(port).getJson("/api/idees/dernieres?nombre=" + wrong);
      assertThat(refused.status()).as("nombre=" + wrong).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).get("message").asText())
          .isEqualTo("Le paramètre « nombre » doit être un nombre entier de 1 à 50.");
    }
  }

  /**
   * Issue 17: the intranet's home page asks for the feed for every visitor at once. Concurrent
   * requests for the same number of ideas cost one query, read once and kept for the max-age; a
   * new idea is in the next answer all the same.
   */
  @Test
  void aBurstOfRequestsCostsOneQueryAndANewIdeaIsInTheNextAnswer() throws Exception {
    int count = 37;
    String query = "rows fetch next " + count + " rows only";
    ConnectionNesting.countStatements();
    List<Http.Response> answers;
    ExecutorService clients = Executors.newFixedThreadPool(30);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Http.Response>> burst = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        burst.add(clients.submit(() -> {
          go.await();
          return Http.anonymous(port).getJson("/api/idees/dernieres?nombre=" + count);
        }));
      }
      go.countDown();
      answers = new ArrayList<>();
      for (Future<Http.Response> answer : burst) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdown();
    }
    List<String> reads = ConnectionNesting.stopCounting().stream().filter(sql -> sql.contains(query)).toList();
    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
    assertThat(answers.stream().map(Http.Response::body).distinct()).as("the same answer").hasSize(1);
    assertThat(reads).as("queries of the feed's %d ideas for 30 concurrent requests", count).hasSize(1);
    assertThat(answers.get(0).header("Age")).matches("[0-9]+");

    feed(count);
    ConnectionNesting.countStatements();
    feed(count);
    assertThat(ConnectionNesting.stopCounting()).as("kept: no query").noneMatch(sql -> sql.contains(query));

    scenario.submit(IdeaScenario.AGENT, IdeaScenario.ideaForm(false, "rh"));
    ConnectionNesting.countStatements();
    JsonNode after = feed(count);
    assertThat(ConnectionNesting.stopCounting()).as("read again after a new idea").filteredOn(sql -> sql.contains(query))
        .hasSize(1);
    assertThat(StreamSupport.stream(after.spliterator(), false).map(idea -> idea.get("reference").asText()).toList())
        .isEqualTo(jdbc.sql("select reference from idea order by submitted_at desc, reference desc"
            + " offset 0 rows fetch next " + count + " rows only").query(String.class).list());
  }

  private JsonNode feed(int count) throws Exception {
    Http.Response feed = Http.browser(port).getJson("/api/idees/dernieres?nombre=" + count);
    assertThat(feed.status()).isEqualTo(200);
    return JSON.readTree(feed.body()).get("ideas");
  }

  private static JsonNode idea(JsonNode ideas, String reference) {
    return StreamSupport.stream(ideas.spliterator(), false)
        .filter(idea -> idea.get("reference").asText().equals(reference))
        .findFirst()
        .orElseThrow(() -> new AssertionError(reference + " not in the feed: " + ideas));
  }
}
