package fr.construisons.privacy;

import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.privacy.PersonalDataLog.Action;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The author changes their mind about showing their name, after submission, over real HTTP: the
 * idea's page, the list and the intranet feed follow at once; nobody else can change it; every
 * change is logged, and a change without the CSRF token changes nothing.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class NameConsentWebTest {

  private static final String NAME = "Camille Martin";

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataLog log;

  private String submittedWithoutConsent() {
    return scenario.submit(AGENT, ideaForm(false, "dsi")).getBusinessKey();
  }

  private boolean nameShown(String reference) {
    return jdbc.sql("select ideator_name_shown from idea where reference = ?").param(reference)
        .query(Boolean.class).single();
  }

  private List<PersonalDataLog.Entry> logOf(String reference) {
    return log.of(AGENT).stream().filter(e -> reference.equals(e.detail())).toList();
  }

  /** The idea's entry in the intranet feed, as JSON text. */
  private String feedEntry(String reference) throws Exception {
    String feed = Http.browser(port).getJson("/api/idees/dernieres?nombre=50").body();
    for (JsonNode idea : new ObjectMapper().readTree(feed).get("ideas")) {
      if (reference.equals(idea.get("reference").asText())) {
        return idea.toString();
      }
    }
    throw new AssertionError(reference + " is not among the feed's 50 newest ideas");
  }

  @Test
  void theAuthorShowsThenHidesTheirNameAndEveryPageAndTheFeedFollow() throws Exception {
    String reference = submittedWithoutConsent();
    Http camille = Http.signedIn(port, "camille");

    String before = camille.get("/idees/" + reference).body();
    assertThat(before).contains("Votre nom n’est pas affiché avec elle", "Afficher mon nom avec cette idée")
        .doesNotContain("Proposée par");
    assertThat(feedEntry(reference)).doesNotContain(NAME);

    Http.Response shown = camille.post("/idees/" + reference + "/nom", Map.of("afficher", "oui"));
    assertThat(shown.status()).isEqualTo(302);
    assertThat(shown.location()).endsWith("/idees/" + reference + "#mon-nom");
    assertThat(nameShown(reference)).isTrue();
    assertThat(camille.get("/idees/" + reference).body())
        .contains("Votre nom est désormais affiché avec cette idée.", "Ne plus afficher mon nom");
    assertThat(Http.signedIn(port, "karim").get("/idees/" + reference).body())
        .contains("Proposée par", "<dd class=\"author\">" + NAME + "</dd>")
        .doesNotContain("Ne plus afficher mon nom");
    assertThat(Http.signedIn(port, "karim").get("/idees?recherche=" + reference).body()).contains(NAME);
    assertThat(feedEntry(reference)).contains(NAME);

    // The same form sent twice (a double click) leaves one change in the log.
    camille.post("/idees/" + reference + "/nom", Map.of("afficher", "oui"));
    camille.get("/idees/" + reference);
    Http.Response hidden = camille.post("/idees/" + reference + "/nom", Map.of("afficher", "non"));
    assertThat(hidden.status()).isEqualTo(302);
    assertThat(nameShown(reference)).isFalse();
    assertThat(Http.signedIn(port, "karim").get("/idees/" + reference).body()).doesNotContain("Proposée par", NAME);
    assertThat(Http.signedIn(port, "karim").get("/idees?recherche=" + reference).body()).doesNotContain(NAME);
    assertThat(feedEntry(reference)).doesNotContain(NAME);

    assertThat(logOf(reference)).extracting(PersonalDataLog.Entry::actor, PersonalDataLog.Entry::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("camille", Action.NAME_SHOWN),
            org.assertj.core.groups.Tuple.tuple("camille", Action.NAME_HIDDEN));
  }

  @Test
  void nobodyButTheAuthorCanChangeItNorDoesAPageOfferIt() {
    String reference = submittedWithoutConsent();
    for (String other : new String[] {"lea", "paul", "sophie", "karim"}) {
      Http reader = Http.signedIn(port, other);
      assertThat(reader.get("/idees/" + reference).body()).doesNotContain("Afficher mon nom", "id=\"mon-nom\"");
      Http.Response refused = reader.post("/idees/" + reference + "/nom", Map.of("afficher", "oui"));
      assertThat(refused.status()).as(other).isEqualTo(403);
    }
    assertThat(nameShown(reference)).isFalse();
    assertThat(logOf(reference)).isEmpty();
  }

  @Test
  void aForgedOrMalformedRequestChangesNothing() {
    String reference = submittedWithoutConsent();
    Http camille = Http.signedIn(port, "camille");
    camille.get("/idees/" + reference);

    assertThat(camille.postRaw("/idees/" + reference + "/nom", Map.of("afficher", "oui")).status())
        .as("no CSRF token").isEqualTo(403);
    assertThat(camille.post("/idees/" + reference + "/nom", Map.of("afficher", "peut-être")).status()).isEqualTo(400);
    assertThat(camille.post("/idees/CONS-1999-9999/nom", Map.of("afficher", "oui")).status()).isEqualTo(404);
    assertThat(nameShown(reference)).isFalse();
    assertThat(logOf(reference)).isEmpty();
  }
}
