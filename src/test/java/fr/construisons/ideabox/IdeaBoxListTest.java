package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.SHOW_IDEATOR_NAME;
import static fr.construisons.idea.IdeaLifecycle.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The list of the idea box over HTTP: sign-in, what it shows of each idea, and what it never shows. */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class IdeaBoxListTest {

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;

  @Test
  void anAnonymousVisitorIsSentToTheLoginPageAndBackAfterwards() {
    Http visitor = Http.browser(port);
    Http.Response list = visitor.get("/idees?etape=CLARIFICATION");
    assertThat(list.status()).isEqualTo(302);
    assertThat(list.location()).endsWith("/connexion?suite=%2Fidees%3Fetape%3DCLARIFICATION");

    Http.Response login = visitor.get("/connexion?suite=%2Fidees%3Fetape%3DCLARIFICATION");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body()).contains("<h1>Connexion</h1>", "name=\"_csrf\"");
    Http.Response signedIn = visitor.post("/connexion",
        Map.of("identifiant", "karim", "motDePasse", "demo", "suite", "/idees?etape=CLARIFICATION"));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/idees?etape=CLARIFICATION");
    assertThat(visitor.get("/idees?etape=CLARIFICATION").body()).contains("Karim Roux");
  }

  @Test
  void theLoginPageNeverSendsAnyoneToAnotherSite() {
    for (String elsewhere : new String[] {"//hameconnage.example/", "https://hameconnage.example/", "/\\hameconnage.example"}) {
      Http visitor = Http.browser(port);
      visitor.get("/connexion");
      Http.Response signedIn = visitor.post("/connexion",
          Map.of("identifiant", "marc", "motDePasse", "demo", "suite", elsewhere));
      assertThat(signedIn.status()).isEqualTo(302);
      assertThat(signedIn.location()).as(elsewhere).endsWith("/idees").doesNotContain("hameconnage");
    }
  }

  @Test
  void aWrongPasswordGetsAFrenchMessageAndALoginWithoutTokenIsRefused() {
    Http visitor = Http.browser(port);
    visitor.get("/connexion");
    // An unknown user: a wrong password for a real one would delay their next login.
    Http.Response wrong = visitor.post("/connexion", Map.of("identifiant", "personne", "motDePasse", "faux"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect.", "value=\"personne\"");
    assertThat(visitor.get("/idees").status()).isEqualTo(302);

    Http.Response forged = Http.browser(port)
        .postRaw("/connexion", Map.of("identifiant", "camille", "motDePasse", "demo"));
    assertThat(forged.status()).isEqualTo(403);
  }

  @Test
  void ourPagesForbidInlineScriptsAndFraming() {
    Http.Response list = Http.signedIn(port, IdeaScenario.AGENT).get("/idees");
    assertThat(list.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("script-src 'self'", "frame-ancestors 'none'");
    assertThat(list.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(list.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void theListShowsTheAuthorOnlyWithTheirConsentAndEscapesWhatTheyTyped() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> withConsent = IdeaScenario.ideaForm(false, "education");
    withConsent.put(TITLE.name(), "Consenti " + tag + " <script>alert('x')</script>");
    withConsent.put(SHOW_IDEATOR_NAME.name(), true);
    scenario.submit(IdeaScenario.AGENT, withConsent);
    Map<String, Object> withoutConsent = IdeaScenario.ideaForm(false, "education");
    withoutConsent.put(TITLE.name(), "Anonyme " + tag + " idée");
    scenario.submit("jeanne", withoutConsent);

    String list = Http.signedIn(port, "karim").get("/idees?recherche=" + tag).body();
    assertThat(list).contains("2 idées.");
    assertThat(list).contains("Consenti " + tag + " &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert");
    assertThat(list).contains("par <span>Camille Martin</span>");
    assertThat(list).contains("Anonyme " + tag).doesNotContain("Jeanne").doesNotContain("Moreau");
  }
}
