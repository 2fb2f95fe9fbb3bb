package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idea's page over real HTTP, as agents, the innovation team and general management reach it:
 * who may do what, what is stored, what the HTML contains (and never contains).
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class IdeaPageWebTest {

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  private String submitted() {
    return scenario.submit(AGENT, ideaForm(false, "dsi")).getBusinessKey();
  }

  private static String page(String reference) {
    return "/idees/" + reference;
  }

  private long commentCount(String reference) {
    return jdbc.sql("select count(*) from idea_comment where idea_reference = ?").param(reference).query(Long.class).single();
  }

  private long commentOf(String reference, String body) {
    return jdbc.sql("select id from idea_comment where idea_reference = ? and body = ?").param(reference).param(body)
        .query(Long.class).single();
  }

  private long supportCount(String reference) {
    return jdbc.sql("select count(*) from idea_support where idea_reference = ?").param(reference).query(Long.class).single();
  }

  @Test
  void anAnonymousVisitorIsSentToTheLoginPageAndAnUnknownIdeaIsAFrenchNotFoundPage() {
    Http anonymous = Http.browser(port);
    Http.Response response = anonymous.get(page(submitted()));
    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).contains("/connexion?suite=");

    Http camille = Http.signedIn(port, "camille");
    Http.Response unknown = camille.get("/idees/CONS-1999-9999");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("Page introuvable").contains("Cette page n'existe pas ou plus.");
  }

  @Test
  void thePageShowsThePublicContentOfTheIdea() {
    String reference = submitted();
    Http.Response response = Http.signedIn(port, "karim").get(page(reference));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .contains("Relais-colis dans nos implantations", reference, "En clarification",
            "Direction de l&#39;éducation", "Direction des systèmes d&#39;information",
            "Les agents des sites éloignés perdent du temps pour récupérer leurs colis.",
            "Utiliser les accueils des implantations du Département comme relais-colis.",
            "Du temps gagné pour les agents et un service de proximité.",
            "Idée déposée", "Aucun commentaire pour l'instant.");
  }

  @Test
  void supportIsOnePerAgentCountedAndWithdrawnByPressingAgain() {
    String reference = submitted();
    Http camille = Http.signedIn(port, "camille");
    assertThat(camille.get(page(reference)).body())
        .contains("aria-pressed=\"false\"", "Aucun agent ne soutient encore cette idée.");

    Http.Response supported = camille.post(page(reference) + "/soutien", Map.of("soutenir", "oui"));
    assertThat(supported.status()).as("Post/Redirect/Get").isEqualTo(302);
    assertThat(supported.location()).endsWith(page(reference) + "#soutien");
    // The same form sent again (double click, back button) does not count twice.
    camille.post(page(reference) + "/soutien", Map.of("soutenir", "oui"));
    assertThat(supportCount(reference)).isEqualTo(1);
    assertThat(camille.get(page(reference)).body())
        .contains("aria-pressed=\"true\"", "1 agent soutient cette idée.", "Votre soutien est enregistré.",
            "Je soutiens cette idée (cliquer pour retirer mon soutien)");

    Http karim = Http.signedIn(port, "karim");
    karim.get(page(reference));
    karim.post(page(reference) + "/soutien", Map.of());
    assertThat(supportCount(reference)).isEqualTo(2);
    assertThat(karim.get(page(reference)).body()).contains("2 agents soutiennent cette idée.", "aria-pressed=\"true\"");

    // Pressing again withdraws the support (the button says so), with or without the form's value.
    camille.post(page(reference) + "/soutien", Map.of("soutenir", "non"));
    karim.post(page(reference) + "/soutien", Map.of());
    assertThat(supportCount(reference)).isZero();
    assertThat(camille.get(page(reference)).body()).contains("aria-pressed=\"false\"", "Votre soutien est retiré.",
        "Aucun agent ne soutient encore cette idée.");
  }

  @Test
  void aCommentIsPublishedWithItsAuthorAndDateThenShownToEveryone() {
    String reference = submitted();
    Http camille = Http.signedIn(port, "camille");
    camille.get(page(reference));
    Http.Response posted = camille.post(page(reference) + "/commentaires",
        Map.of("commentaire", "  Très utile sur le site de Voiron aussi.  "));

    long id = commentOf(reference, "Très utile sur le site de Voiron aussi.");
    assertThat(posted.status()).isEqualTo(302);
    assertThat(posted.location()).endsWith(page(reference) + "#commentaire-" + id);
    String seenByKarim = Http.signedIn(port, "karim").get(page(reference)).body();
    assertThat(seenByKarim).contains("Commentaires (1)", "Camille Martin", "Très utile sur le site de Voiron aussi.")
        .containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T[^\"]+\">\\d{1,2} \\p{L}+ \\d{4} à \\d{2}h\\d{2}</time></p>");
  }

  @Test
  void aCommentTooShortOrTooLongComesBackWithAFrenchErrorAndTheTextKept() {
    String reference = submitted();
    Http camille = Http.signedIn(port, "camille");
    camille.get(page(reference));

    Http.Response tooShort = camille.post(page(reference) + "/commentaires", Map.of("commentaire", " a "));
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.body()).contains("Écrivez votre commentaire : au moins 2 caractères.", "aria-invalid=\"true\"",
        "Le formulaire n'a pas été enregistré", "<a href=\"#commentaire\">Aller au champ à corriger</a>")
        .containsPattern("<textarea[^>]*id=\"commentaire\"[^>]*> a </textarea>");

    String tooLong = "Un avis très détaillé. ".repeat(100);
    Http.Response longOne = camille.post(page(reference) + "/commentaires", Map.of("commentaire", tooLong));
    assertThat(longOne.status()).isEqualTo(400);
    assertThat(longOne.body()).contains("Votre commentaire fait 2299 caractères : 2000 au plus.")
        .contains(tooLong.replace("'", "&#39;"));
    assertThat(commentCount(reference)).isZero();
  }

  @Test
  void anAgentCannotHideAComment_nothingChanges() {
    String reference = submitted();
    Http camille = Http.signedIn(port, "camille");
    camille.get(page(reference));
    camille.post(page(reference) + "/commentaires", Map.of("commentaire", "Un commentaire que Karim n'aime pas."));
    long id = commentOf(reference, "Un commentaire que Karim n'aime pas.");

    Http karim = Http.signedIn(port, "karim");
    assertThat(karim.get(page(reference)).body()).as("no hide form for an agent").doesNotContain("/masquer");
    Http.Response hide = karim.post(page(reference) + "/commentaires/" + id + "/masquer", Map.of("motif", "Je n'aime pas."));
    Http.Response hideOwn = camille.post(page(reference) + "/commentaires/" + id + "/masquer", Map.of("motif", "Le mien."));

    assertThat(hide.status()).isEqualTo(403);
    assertThat(hide.body()).contains("Accès refusé");
    assertThat(hideOwn.status()).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from idea_comment where id = ? and hidden_at is null and hidden_by is null and hidden_reason is null")
        .param(id).query(Long.class).single()).isEqualTo(1);
    assertThat(camille.get(page(reference)).body()).contains("Un commentaire que Karim n&#39;aime pas.")
        .doesNotContain("Commentaire masqué");
  }

  @Test
  void theInnovationTeamHidesACommentWithARequiredReasonShownToEveryoneInsteadOfTheText() {
    String reference = submitted();
    Http camille = Http.signedIn(port, "camille");
    camille.get(page(reference));
    camille.post(page(reference) + "/commentaires", Map.of("commentaire", "Propos déplacé sur un collègue nommé."));
    long id = commentOf(reference, "Propos déplacé sur un collègue nommé.");

    Http lea = Http.signedIn(port, "lea");
    assertThat(lea.get(page(reference)).body()).contains("/idees/" + reference + "/commentaires/" + id + "/masquer");
    Http.Response noReason = lea.post(page(reference) + "/commentaires/" + id + "/masquer", Map.of("motif", "   "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("Indiquez le motif du masquage").contains("<details class=\"moderation\" open")
        .contains("<a href=\"#motif-" + id + "\">Aller au champ à corriger</a>");
    assertThat(jdbc.sql("select count(*) from idea_comment where id = ? and hidden_at is null").param(id)
        .query(Long.class).single()).isEqualTo(1);

    Http.Response hidden = lea.post(page(reference) + "/commentaires/" + id + "/masquer",
        Map.of("motif", "Met en cause une personne."));
    assertThat(hidden.status()).isEqualTo(302);
    assertThat(jdbc.sql("select hidden_by from idea_comment where id = ?").param(id).query(String.class).single())
        .isEqualTo("lea");
    // A second moderation (another tab, a double click) keeps the first one's reason.
    lea.post(page(reference) + "/commentaires/" + id + "/masquer", Map.of("motif", "Autre motif."));
    assertThat(jdbc.sql("select hidden_reason from idea_comment where id = ?").param(id).query(String.class).single())
        .isEqualTo("Met en cause une personne.");

    for (Http reader : new Http[] {camille, lea, Http.signedIn(port, "paul")}) {
      assertThat(reader.get(page(reference)).body())
          .contains("Commentaire masqué par l&#39;équipe Construisons! : Met en cause une personne.")
          .doesNotContain("Propos déplacé sur un collègue nommé.");
    }
  }

  @Test
  void aDuplicateLinksToThePageOfTheIdeaItJoins() {
    String original = submitted();
    String duplicate = submitted();
    scenario.startAs(IdeaScenario.TEAM_MEMBER, fr.construisons.idea.closure.IdeaClosure.DUPLICATE_PROCESS_KEY,
        Map.of(IDEA_REFERENCE.name(), duplicate, DUPLICATE_OF.name(), original));
    scenario.runJobs();

    Http.Response response = Http.signedIn(port, "karim").get(page(duplicate));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("Idée close : Doublon d&#39;une autre idée",
        "L&#39;idée rejoint l&#39;idée <a class=\"related-idea\" href=\"/idees/" + original + "\">" + original
            + "</a>, déjà déposée.");
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefusedAndNothingIsStored() {
    String reference = submitted();
    Http camille = Http.signedIn(port, "camille");
    camille.get(page(reference));

    assertThat(camille.postRaw(page(reference) + "/commentaires", Map.of("commentaire", "Sans jeton CSRF."))
        .status()).isEqualTo(403);
    assertThat(camille.postRaw(page(reference) + "/soutien", Map.of("soutenir", "oui")).status()).isEqualTo(403);
    assertThat(camille.postRaw(page(reference) + "/commentaires", Map.of("commentaire", "Faux jeton.",
        "_csrf", "forged-token")).status()).isEqualTo(403);
    assertThat(commentCount(reference)).isZero();
    assertThat(supportCount(reference)).isZero();
  }

  @Test
  void markupInTheIdeaAndInACommentIsShownAsTextNeverAsMarkup() {
    Map<String, Object> form = ideaForm(false, "dsi");
    form.put(TITLE.name(), "<script>alert('x')</script> Idée <b>gras</b>");
    form.put(PROBLEM.name(), "Les colis s'entassent <img src=x onerror=alert(1)> à l'accueil, sans destinataire connu.");
    String reference = scenario.submit(AGENT, form).getBusinessKey();
    Http camille = Http.signedIn(port, "camille");
    camille.get(page(reference));
    camille.post(page(reference) + "/commentaires", Map.of("commentaire", "Bravo \"><svg onload=alert(1)> <script>alert(2)</script>"));

    String html = camille.get(page(reference)).body();
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Idée &lt;b&gt;gras&lt;/b&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("Bravo &quot;&gt;&lt;svg onload=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;")
        .doesNotContain("<script>alert", "<b>gras", "<img src=x", "<svg onload");
  }

  @Test
  void theAuthorsNameIsShownOnlyWithTheirConsent() {
    Map<String, Object> consenting = ideaForm(false, "dsi");
    consenting.put(SHOW_IDEATOR_NAME.name(), true);
    String named = scenario.submit(AGENT, consenting).getBusinessKey();
    String anonymous = submitted();

    Http lea = Http.signedIn(port, "lea");
    assertThat(lea.get(page(named)).body()).contains("Proposée par", "<dd class=\"author\">Camille Martin</dd>");
    assertThat(lea.get(page(anonymous)).body()).doesNotContain("Proposée par", "Camille Martin", "camille");
  }

  @Test
  void noPrivateFieldOfTheProcessReachesThePageWhoeverReadsIt() {
    ProcessInstance forwarded = scenario.submit(AGENT, ideaForm(false, "education"));
    IdeaTimelineTest.reviewWithPrivateMarkers(scenario, forwarded, 1, 3, runtime);
    ProcessInstance outOfScope = scenario.submit(AGENT, ideaForm(false, "dsi"));
    scenario.complete(outOfScope, TASK_CLARIFY_IDEA, Map.of(CLARIFICATION_OUTCOME.name(), "OUT_OF_SCOPE",
        CLARIFICATION_NOTES.name(), IdeaTimelineTest.PRIVATE_NOTES));

    for (String user : new String[] {"camille", "karim", "lea", "paul"}) {
      Http reader = Http.signedIn(port, user);
      String forwardedPage = reader.get(page(forwarded.getBusinessKey())).body();
      assertThat(forwardedPage).as("the page read by " + user)
          .contains("Revue en direction générale : orientation « transmise aux directions »")
          .doesNotContain("NOTES-PRIVEES-7f3a", "AVIS-PRIVE-DG-91c2", "JUSTIFICATION-PRIVEE-4d8e");
      assertThat(forwardedPage).as("no score shown to " + user).doesNotContainPattern("(?i)score|impact stratégique|notes? de l");
      assertThat(reader.get(page(outOfScope.getBusinessKey())).body()).as("the out-of-scope idea read by " + user)
          .contains("Orientée hors du dispositif")
          .doesNotContain("NOTES-PRIVEES-7f3a");
    }
  }
}
