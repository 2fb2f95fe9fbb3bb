package fr.construisons.ideabox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * "Déposer une idée" from the idea box over HTTP, as a browser without JavaScript: the form
 * starts idea-lifecycle as the agent, and a refused submission keeps what was typed.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class SubmitIdeaFormTest {

  private static final Pattern REFERENCE_IN_NOTICE =
      Pattern.compile("sous la référence <span class=\"reference\">([A-Z]+-\\d+-\\d+)</span>");
  private static final String TYPED_PROBLEM = "Problème <b>déjà</b> vu & revu dans les collèges du nord";

  @LocalServerPort int port;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired IdeaScenario scenario;

  @Test
  void anAnonymousVisitorIsSentToTheLoginPage() {
    Http.Response page = Http.browser(port).get("/idees/nouvelle");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).contains("/connexion?suite=%2Fidees%2Fnouvelle"));
    assertThat(Http.browser(port).getJson("/idees/similaires?titre=relais").status()).isEqualTo(302);
  }

  @Test
  void theEmptyFormProposesTheAgentsDirectorateAndAsksConsentUnchecked() {
    Http.Response page = Http.signedIn(port, IdeaScenario.AGENT).get("/idees/nouvelle");
    assertThat(page.status()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<h1>Déposer une idée</h1>");
    assertThat(tag(html, "option", "value=\"education\"")).contains("selected");
    assertThat(tag(html, "option", "value=\"dsi\"")).doesNotContain("selected");
    assertThat(tag(html, "input", "id=\"showIdeatorName\"")).doesNotContain("checked");
    assertThat(tag(html, "input", "id=\"title\"")).contains("required", "minlength=\"5\"", "maxlength=\"120\"",
        "aria-describedby=\"title-hint\"");
    assertThat(html).doesNotContain("id=\"erreurs\"").contains("aria-live=\"polite\"");
  }

  @Test
  void aValidSubmissionStartsOneIdeaAsTheAgentWithTheirConsent() {
    Http camille = Http.signedIn(port, IdeaScenario.AGENT);
    long before = ideaInstances();
    camille.getForm("/idees/nouvelle");

    Http.Response posted = camille.post("/idees/nouvelle",
        validForm("Bornes de recharge pour les vélos de service", true));

    assertThat(posted.status()).as(posted.body()).isEqualTo(302);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/idees");
    assertThat(ideaInstances()).isEqualTo(before + 1);
    String reference = noticeReference(camille.get("/idees"));
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(IdeaLifecycle.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
    assertThat(instance.getStartUserId()).isEqualTo(IdeaScenario.AGENT);
    assertThat(nameShown(reference)).isTrue();
    // The notice is shown once: reloading the list does not repeat it (post/redirect/get).
    assertThat(camille.get("/idees").body()).doesNotContain("sous la référence");
    scenario.runJobs();
  }

  @Test
  void withoutTheConsentBoxTheNameIsNotShown() {
    Http camille = Http.signedIn(port, IdeaScenario.AGENT);
    camille.getForm("/idees/nouvelle");
    Http.Response posted = camille.post("/idees/nouvelle",
        validForm("Prêt de vélos de service entre directions", false));
    assertThat(posted.status()).as(posted.body()).isEqualTo(302);
    assertThat(nameShown(noticeReference(camille.get("/idees")))).isFalse();
    scenario.runJobs();
  }

  @Test
  void anInvalidSubmissionIsRefusedInFrenchKeepingWhatWasTyped() {
    Http camille = Http.signedIn(port, IdeaScenario.AGENT);
    long before = ideaInstances();
    MultiValueMap<String, String> form = validForm("Abc", true);
    form.put("problem", List.of(TYPED_PROBLEM));
    form.put("solution", List.of("Trop court"));
    form.remove("impactedDirectorates");
    camille.getForm("/idees/nouvelle");

    Http.Response refused = camille.post("/idees/nouvelle", form);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(ideaInstances()).isEqualTo(before);
    String html = refused.body();
    String text = HtmlUtils.htmlUnescape(html);
    assertThat(text).contains("Le formulaire contient 3 erreurs",
        "Le champ « Titre de l'idée » doit contenir au moins 5 caractères.",
        "Le champ « Solution proposée » doit contenir au moins 20 caractères.",
        "Choisissez au moins une direction concernée par l'idée.");
    // The summary links to each field in error.
    assertThat(html).contains("href=\"#title\"", "href=\"#solution\"", "href=\"#impactedDirectorates-education\"");
    assertThat(tag(html, "input", "id=\"title\"")).contains("value=\"Abc\"", "aria-invalid=\"true\"",
        "aria-describedby=\"title-hint title-error\"");
    assertThat(tag(html, "textarea", "id=\"problem\"")).contains("aria-invalid=\"false\"");
    assertThat(tag(html, "textarea", "id=\"solution\"")).contains("aria-invalid=\"true\"");
    assertThat(tag(html, "input", "id=\"impactedDirectorates-dsi\"")).contains("aria-invalid=\"true\"");
    // What was typed comes back, escaped: markup typed by the agent is text, not markup.
    assertThat(html).contains("Problème &lt;b&gt;déjà&lt;/b&gt; vu &amp; revu dans les collèges du nord</textarea>");
    assertThat(html).doesNotContain("<b>déjà</b>");
    assertThat(tag(html, "input", "id=\"showIdeatorName\"")).contains("checked");
    assertThat(tag(html, "input", "id=\"wantsToCarry\"")).doesNotContain("checked");
    assertThat(tag(html, "option", "value=\"education\"")).contains("selected");
  }

  @Test
  void anOptionalDetailIsKeptWithTheIdeaShownOnItsPageAndInTheAuthorsExport() {
    Http camille = Http.signedIn(port, IdeaScenario.AGENT);
    String page = camille.getForm("/idees/nouvelle").body();
    assertThat(tag(page, "textarea", "id=\"resourcesNeeded\"")).contains("name=\"details[resourcesNeeded]\"",
        "maxlength=\"1000\"").doesNotContain("required");
    MultiValueMap<String, String> form = validForm("Vélos de service partagés entre sites", false);
    form.put("details[resourcesNeeded]", List.of("Dix vélos <i>électriques</i> et un abri par site."));
    // A name no declaration knows is dropped, not stored.
    form.put("details[ideator]", List.of("paul"));

    Http.Response posted = camille.post("/idees/nouvelle", form);

    assertThat(posted.status()).as(posted.body()).isEqualTo(302);
    String reference = noticeReference(camille.get("/idees"));
    assertThat(jdbc.sql("select details from idea where reference = :reference").param("reference", reference)
        .query(String.class).single()).isEqualTo("{\"resourcesNeeded\":\"Dix vélos <i>électriques</i> et un abri par site.\"}");
    String ideaPage = camille.get("/idees/" + reference).body();
    assertThat(ideaPage).contains("<h2>Moyens nécessaires (estimation)</h2>",
        "Dix vélos &lt;i&gt;électriques&lt;/i&gt; et un abri par site.");
    assertThat(camille.get("/mes-donnees/export.json").body())
        .contains("moyens nécessaires (estimation)", "Dix vélos <i>électriques</i> et un abri par site.");
    scenario.runJobs();
    // The team's mail about the new idea shows it too, in both parts.
    assertThat(fr.construisons.support.MailServer.to("lea.durand@departement.example"))
        .anySatisfy(mail -> assertThat(fr.construisons.support.MailServer.text(mail))
            .contains(reference, "Moyens nécessaires (estimation)", "Dix vélos <i>électriques</i> et un abri par site."));
  }

  @Test
  void aTooLongDetailIsRefusedInFrenchNextToItsFieldKeepingWhatWasTyped() {
    Http camille = Http.signedIn(port, IdeaScenario.AGENT);
    long before = ideaInstances();
    MultiValueMap<String, String> form = validForm("Vélos de service partagés entre sites", false);
    String typed = "Beaucoup de moyens. ".repeat(60);
    form.put("details[resourcesNeeded]", List.of(typed));
    camille.getForm("/idees/nouvelle");

    Http.Response refused = camille.post("/idees/nouvelle", form);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(ideaInstances()).isEqualTo(before);
    String html = refused.body();
    assertThat(HtmlUtils.htmlUnescape(html))
        .contains("Le champ « Moyens nécessaires (estimation) » ne doit pas dépasser 1000 caractères.");
    assertThat(html).contains("href=\"#resourcesNeeded\"", "id=\"resourcesNeeded-error\"");
    assertThat(tag(html, "textarea", "id=\"resourcesNeeded\"")).contains("aria-invalid=\"true\"");
    assertThat(html).contains(typed.strip());
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndStartsNothing() {
    Http camille = Http.signedIn(port, IdeaScenario.AGENT);
    long before = ideaInstances();
    Http.Response posted = camille.postRaw("/idees/nouvelle", validForm("Sans jeton de formulaire CSRF", false));
    assertThat(posted.status()).isEqualTo(403);
    assertThat(ideaInstances()).isEqualTo(before);
  }

  @Test
  void similarIdeasAreAnsweredInJson() throws Exception {
    // A word of its own, so the idea is the closest whatever other tests filed before.
    String word = "relais" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    java.util.Map<String, Object> form = IdeaScenario.ideaForm(false, "education");
    form.put(fr.construisons.idea.IdeaLifecycle.TITLE.name(), "Relais-colis dans nos implantations " + word);
    scenario.submit(IdeaScenario.AGENT, form);
    Http.Response answer = Http.signedIn(port, IdeaScenario.AGENT)
        .getJson("/idees/similaires?titre=relais%20colis%20" + word + "&probleme=");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode ideas = new ObjectMapper().readTree(answer.body()).get("ideas");
    assertThat(ideas.size()).isBetween(1, SimilarIdeas.MAX_RESULTS);
    JsonNode first = ideas.get(0);
    assertThat(first.get("title").asText()).isEqualTo("Relais-colis dans nos implantations " + word);
    assertThat(first.get("url").asText()).isEqualTo("/idees/" + first.get("reference").asText());
    assertThat(first.get("stageLabel").asText()).isNotBlank();
  }

  private static MultiValueMap<String, String> validForm(String title, boolean consent) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.put("title", List.of(title));
    form.put("problem", List.of("Les agents en déplacement n'ont pas de vélo pour les courts trajets entre sites."));
    form.put("solution", List.of("Mettre à disposition des vélos électriques de service avec des bornes de recharge."));
    form.put("benefits", List.of("Moins de voitures de service, des trajets plus rapides en ville."));
    form.put("ideatorDirectorate", List.of("education"));
    form.put("impactedDirectorates", List.of("mobilites", "dsi"));
    if (consent) {
      form.put("showIdeatorName", List.of("true"));
    }
    return form;
  }

  private long ideaInstances() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(IdeaLifecycle.PROCESS_KEY).count();
  }

  private boolean nameShown(String reference) {
    return jdbc.sql("select ideator_name_shown from idea where reference = :reference")
        .param("reference", reference).query(Boolean.class).single();
  }

  private static String noticeReference(Http.Response list) {
    Matcher reference = REFERENCE_IN_NOTICE.matcher(list.body());
    assertThat(reference.find()).as("success notice on the list: " + list.body()).isTrue();
    return reference.group(1);
  }

  /** The first start tag of that element carrying that attribute, e.g. tag(html, "input", "id=\"title\""). */
  static String tag(String html, String element, String attribute) {
    Matcher tag = Pattern.compile("<" + element + "\\b[^>]*" + Pattern.quote(attribute) + "[^>]*>").matcher(html);
    assertThat(tag.find()).as("<" + element + " " + attribute + "> in the page").isTrue();
    return tag.group();
  }
}
