package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_NOTES;
import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_OUTCOME;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.TEAM_MEMBER;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * Text that looks filled but shows nothing (no-break spaces, zero-width spaces), and text that
 * reorders what others read (a right-to-left override): over the REST API, the idea box's form and
 * the comments, as the agent's browser or script sends them.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class InvisibleAndBidiTextTest {

  private static final String START_FORM =
      "/engine-rest/process-definition/key/" + IdeaLifecycle.PROCESS_KEY + "/submit-form";
  private static final String NBSP_TITLE = "\u00A0".repeat(6);
  private static final String ZWSP_TWELVE = "\u200B".repeat(12);
  private static final String RLO = "\u202E";
  // Reads « Facture du mois exe.pdf » on screen while the text says …fdp.exe.
  private static final String OVERRIDDEN_TITLE = "Facture du mois " + RLO + "fdp.exe";
  private static final Pattern H1 = Pattern.compile("<h1[^>]*>([^<]*)</h1>");

  @LocalServerPort int port;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdeaRepository catalogue;
  @Autowired IdeaScenario scenario;
  @Autowired JdbcClient jdbc;

  Http camille;
  long ideasBefore;
  long instancesBefore;

  @BeforeEach
  void setUp() {
    camille = Http.anonymous(port).as(AGENT);
    ideasBefore = catalogue.count();
    instancesBefore = history.createHistoricProcessInstanceQuery().count();
  }

  private void assertNothingSaved() {
    assertThat(catalogue.count()).as("no idea row").isEqualTo(ideasBefore);
    assertThat(history.createHistoricProcessInstanceQuery().count()).as("no process instance").isEqualTo(instancesBefore);
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static String h1(String html) {
    Matcher h1 = H1.matcher(html);
    assertThat(h1.find()).as("an h1 in " + html).isTrue();
    return HtmlUtils.htmlUnescape(h1.group(0));
  }

  // Invisible text.

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0", "\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B",
      "\uFEFF\u2060\u200B\u00A0\u3164\u202F"})
  void aTitleOfInvisibleCharactersIsRequiredOverTheRestApi(String invisible) {
    // Before: 200, the idea was published with a blank title.
    Http.Response response = camille.postJson(START_FORM, Map.of("variables", Forgery.restIdea(invisible)));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("le champ « Titre de l'idée » est obligatoire");
    assertNothingSaved();
  }

  @Test
  void clarificationNotesOfZeroWidthSpacesDoNotCompleteTheCall() {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "dsi"));
    Task call = scenario.task(instance, TASK_CLARIFY_IDEA);

    // Before: 204, the call was completed with notes nobody can read.
    Http.Response response = Http.anonymous(port).as(TEAM_MEMBER).postJson("/engine-rest/task/" + call.getId() + "/submit-form",
        Map.of("variables", Map.of(CLARIFICATION_OUTCOME.name(), string("FITS"),
            CLARIFICATION_NOTES.name(), string(ZWSP_TWELVE))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("le champ « Notes de l'appel » est obligatoire");
    assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("the call stays open").isEqualTo(1);
    assertThat(runtime.getVariable(instance.getId(), CLARIFICATION_NOTES.name())).isNull();
    assertThat(runtime.getVariable(instance.getId(), CLARIFICATION_OUTCOME.name())).isNull();
  }

  @Test
  void theIdeaBoxFormRefusesAnInvisibleTitle() {
    Http pages = Http.signedIn(port, AGENT);
    pages.getForm("/idees/nouvelle");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.put("title", List.of("\u200B\u00A0\u200B\u00A0\u200B\u00A0"));
    form.put("problem", List.of("Les agents en déplacement n'ont pas de vélo pour les courts trajets entre sites."));
    form.put("solution", List.of("Mettre à disposition des vélos électriques de service avec des bornes de recharge."));
    form.put("benefits", List.of("Moins de voitures de service, des trajets plus rapides en ville."));
    form.put("ideatorDirectorate", List.of("education"));
    form.put("impactedDirectorates", List.of("mobilites"));

    Http.Response refused = pages.post("/idees/nouvelle", form);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(refused.body())).contains("Le champ « Titre de l'idée » est obligatoire.");
    assertNothingSaved();
  }

  @Test
  void aCommentOfInvisibleCharactersIsRefused() {
    String reference = scenario.submit(AGENT, ideaForm(false, "dsi")).getBusinessKey();
    Http pages = Http.signedIn(port, AGENT);
    pages.get("/idees/" + reference);

    // Before: 302, a blank comment was published.
    Http.Response refused = pages.post("/idees/" + reference + "/commentaires", Map.of("commentaire", "\u200B\u00A0\u200B\uFEFF"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(refused.body())).contains("Écrivez votre commentaire : au moins 2 caractères.");
    assertThat(comments(reference)).isEmpty();
  }

  private List<String> comments(String reference) {
    return jdbc.sql("select body from idea_comment where idea_reference = ?").param(reference).query(String.class).list();
  }

  // Bidi controls.

  @Test
  void aRightToLeftOverrideIsRemovedFromWhatIsStoredAndShown() {
    Http.Response response = camille.postJson(START_FORM, Map.of("variables", Forgery.restIdea(OVERRIDDEN_TITLE)));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    String instanceId = response.json().path("id").asText();
    scenario.runJobs();
    String reference = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();

    assertThat(runtime.getVariable(instanceId, IdeaLifecycle.TITLE.name())).isEqualTo("Facture du mois fdp.exe");
    assertThat(catalogue.find(reference).orElseThrow().title()).isEqualTo("Facture du mois fdp.exe");
    Http pages = Http.signedIn(port, AGENT);
    String page = pages.get("/idees/" + reference).body();
    // Before: <h1>Facture du mois \u202Efdp.exe</h1>, read « Facture du mois exe.pdf ».
    assertThat(h1(page)).isEqualTo("<h1 dir=\"auto\">Facture du mois fdp.exe</h1>");
    assertThat(page).doesNotContain(RLO);

    Http.Response commented = pages.post("/idees/" + reference + "/commentaires",
        Map.of("commentaire", "Voir la pièce " + RLO + "gnp.exe\u202C jointe"));
    assertThat(commented.status()).as(commented.toString()).isEqualTo(302);
    assertThat(comments(reference)).containsExactly("Voir la pièce gnp.exe jointe");
  }

  @Test
  void textStoredBeforeTheFixIsShownWithoutItsBidiControls() {
    String reference = scenario.submit(AGENT, ideaForm(false, "dsi")).getBusinessKey();
    // As written by an earlier version, which stored the text as typed.
    jdbc.sql("update idea set title = ?, problem = ? where reference = ?")
        .param(OVERRIDDEN_TITLE).param("Le problème " + RLO + "lisrever").param(reference).update();
    jdbc.sql("insert into idea_comment (idea_reference, author, body, written_at) values (?, ?, ?, current_timestamp)")
        .param(reference).param(AGENT).param("Un avis " + RLO + "sireniov").update();

    Http pages = Http.signedIn(port, AGENT);
    String page = pages.get("/idees/" + reference).body();
    String list = pages.get("/idees").body();

    assertThat(h1(page)).isEqualTo("<h1 dir=\"auto\">Facture du mois fdp.exe</h1>");
    assertThat(page).doesNotContain(RLO).contains("Le problème lisrever", "Un avis sireniov");
    assertThat(list).doesNotContain(RLO);
    assertThat(Http.browser(port).getJson("/api/idees/dernieres?nombre=50").body()).doesNotContain(RLO);
  }
}
