package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
