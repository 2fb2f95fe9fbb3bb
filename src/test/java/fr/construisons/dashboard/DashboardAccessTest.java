package fr.construisons.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.io.IOException;
import java.io.StringReader;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may read the dashboard and its CSV files, and what the files hold, over real HTTP. */
@ProcessTest
class DashboardAccessTest {

  static final List<String> PATHS = List.of("/tableau-de-bord?annee=2031", "/tableau-de-bord/idees.csv?annee=2031",
      "/tableau-de-bord/etapes.csv?annee=2031");

  @LocalServerPort int port;

  /** Seeds the year before each test and puts the engine clock back after it. */
  @RegisterExtension final SeededYear.Seeding year = new SeededYear.Seeding();

  @Test
  void anAgentOutsideTheTeamAndGeneralManagementIsRefusedThePageAndBothFiles() {
    Http camille = Http.signedIn(port, IdeaScenario.AGENT);
    for (String path : PATHS) {
      Http.Response response = camille.get(path);
      assertThat(response.status()).as(path).isEqualTo(403);
      assertThat(response.header("Content-Disposition")).as(path).isEmpty();
      assertThat(response.body()).as(path).contains("Accès refusé").doesNotContain(year.ideas().a());
    }
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() {
    Http.Response response = Http.browser(port).get(PATHS.get(1));
    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).contains("/connexion?suite=");
  }

  @ParameterizedTest
  @ValueSource(strings = {IdeaScenario.TEAM_MEMBER, IdeaScenario.DG_MEMBER})
  void theTeamAndGeneralManagementReadThePageAndBothFiles(String user) {
    Http session = Http.signedIn(port, user);
    for (String path : PATHS) {
      assertThat(session.get(path).status()).as(user + " " + path).isEqualTo(200);
    }
  }

  @Test
  void thePageShowsTheSeededFiguresWithoutInlineScript() {
    ClockUtil.setCurrentTime(Date.from(SeededYear.NOW));
    Http.Response page = Http.signedIn(port, IdeaScenario.TEAM_MEMBER).get(PATHS.get(0));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
    String html = page.body();
    assertThat(html).contains("<h1>Tableau de bord de l'innovation</h1>")
        .contains("<option value=\"2031\" selected=\"selected\">2031</option>")
        .containsPattern("data-step=\"SUBMITTED\">\\s*<th scope=\"row\">Déposées</th>\\s*<td class=\"number\" data-value=\"6\">6</td>")
        .containsPattern("data-step=\"CLARIFICATION\">\\s*<th scope=\"row\">Mener l('|&#39;)appel de clarification</th>\\s*"
            + "<td class=\"number\">5</td>\\s*<td class=\"number\" data-value=\"3.0\">3,0</td>\\s*"
            + "<td class=\"number\" data-value=\"7.6\">7,6</td>")
        .containsPattern("data-reference=\"" + year.ideas().f() + "\">\\s*<th scope=\"row\">" + year.ideas().f() + "</th>\\s*"
            + "<td>Composteurs dans les cantines</td>\\s*<td>Mener l('|&#39;)appel de clarification</td>")
        .contains("href=\"/tableau-de-bord/idees.csv?annee=2031\"")
        .contains("role=\"img\"");
    // The page's policy forbids inline scripts and styles: every script is a file of ours.
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=");
    Matcher chartJs = Pattern.compile("src=\"(/webjars/chart\\.js/[^\"]*/chart\\.umd\\.js)\"").matcher(html);
    assertThat(chartJs.find()).as("Chart.js from its WebJar").isTrue();
    assertThat(html).contains("src=\"/ressources/dashboard.js\"");
    Http session = Http.signedIn(port, IdeaScenario.DG_MEMBER);
    assertThat(session.get(chartJs.group(1)).body()).contains("Chart.js v4");
    assertThat(session.get("/ressources/dashboard.js").body()).contains("new Chart(canvas");
  }

  @Test
  void everyYearTogetherOrTheCurrentYearByDefault() {
    Http paul = Http.signedIn(port, IdeaScenario.DG_MEMBER);

    Http.Response all = paul.get("/tableau-de-bord?annee=toutes");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body()).contains("<option value=\"toutes\" selected=\"selected\">Toutes les années</option>")
        .contains("toutes années confondues")
        .contains("href=\"/tableau-de-bord/etapes.csv?annee=toutes\"");
    assertThat(paul.get("/tableau-de-bord/idees.csv?annee=toutes").body()).contains(year.ideas().a(), year.ideas().f());

    ClockUtil.setCurrentTime(Date.from(SeededYear.NOW));
    Http.Response current = paul.get("/tableau-de-bord");
    assertThat(current.status()).isEqualTo(200);
    assertThat(current.body()).contains("<option value=\"2031\" selected=\"selected\">2031</option>")
        .contains("data-value=\"6\">6</td>");
    // Nonsense falls back to the current year rather than failing.
    assertThat(paul.get("/tableau-de-bord?annee=%3Cscript%3E").body())
        .contains("<option value=\"2031\" selected=\"selected\">2031</option>");
  }

  @Test
  void theIdeasFileIsForFrenchExcelAndQuotesAndDefusesTheAgentsText() throws IOException {
    Http.Response file = Http.signedIn(port, IdeaScenario.DG_MEMBER).get(PATHS.get(1));

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Type")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
    assertThat(file.header("Content-Disposition")).startsWith("attachment;").contains("filename=\"idees-2031.csv\"");
    assertThat(file.bytes()).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 byte-order mark
    String text = file.body().substring(1);
    assertThat(text).startsWith("Référence;Titre;Direction de l'auteur;Étape;Déposée le;Close le;Motif de clôture\r\n");
    // RFC 4180 quoting: the field in quotes, its quotes doubled, its ; and line break kept.
    assertThat(text).contains(year.ideas().a() + ";\"Relais \"\"colis\"\" ; accueils\ndes sites éloignés\";Direction de l'éducation;"
        + "Transmise aux directions, réponses reçues;03/03/2031;09/03/2031;");
    // A formula is shown as text, not run by the spreadsheet.
    assertThat(text).contains(year.ideas().b() + ";\"'=HYPERLINK(\"\"http://exemple.invalid\"\";\"\"Cliquez\"\")\";");
    assertThat(text).doesNotContain(";=HYPERLINK", ";\"=HYPERLINK");

    List<CSVRecord> records = parse(text);
    assertThat(records).hasSize(1 + 6);
    assertThat(records.stream().skip(1).map(r -> r.get(0))).containsExactlyElementsOf(year.ideas().all());
    CSVRecord d = records.get(4);
    assertThat(d.values()).containsExactly(year.ideas().d(), "Prêt de vélos aux agents", "Direction des mobilités",
        "Non faisable", "07/04/2031", "25/04/2031", SeededYear.NOT_FEASIBLE_REASON);
    CSVRecord f = records.get(6);
    assertThat(f.values()).containsExactly(year.ideas().f(), "Composteurs dans les cantines",
        "Direction des systèmes d'information", "En clarification", "10/06/2031", "", "");
  }

  @Test
  void theStepsFileHasOneRowPerStepOfEachIdeaFromTheHistory() throws IOException {
    Http.Response file = Http.signedIn(port, IdeaScenario.TEAM_MEMBER).get(PATHS.get(2));

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Disposition")).startsWith("attachment;").contains("filename=\"etapes-2031.csv\"");
    assertThat(file.bytes()).startsWith(0xEF, 0xBB, 0xBF);
    List<CSVRecord> records = parse(file.body().substring(1));
    assertThat(records.get(0).values()).containsExactly("Référence", "Étape", "Début", "Fin", "Durée (jours)", "État");
    // Paris time: 9:00 UTC is 10:00 in March (winter time), 11:00 in June (summer time).
    assertThat(records).anySatisfy(r -> assertThat(r.values()).containsExactly(year.ideas().a(), "Mener l'appel de clarification",
        "03/03/2031 10:00", "04/03/2031 10:00", "1,00", "terminée"));
    assertThat(records).anySatisfy(r -> assertThat(r.values()).containsExactly(year.ideas().e(),
        "Donner l'accord sur le temps alloué", "07/05/2031 11:00", "11/05/2031 11:00", "4,00", "terminée"));
    assertThat(records).anySatisfy(r -> assertThat(r.values()).containsExactly(year.ideas().f(), "Mener l'appel de clarification",
        "10/06/2031 11:00", "", "", "en cours"));
    assertThat(records.stream().filter(r -> r.get(1).equals("Mener l'appel de clarification"))).hasSize(6);
    assertThat(records.stream().skip(1).map(r -> r.get(0)).distinct()).containsExactlyElementsOf(year.ideas().all());
  }

  private static List<CSVRecord> parse(String text) throws IOException {
    // Read as French Excel reads it: ; between fields, RFC 4180 quotes.
    try (var parser = CSVFormat.Builder.create(CSVFormat.RFC4180).setDelimiter(';').get().parse(new StringReader(text))) {
      return parser.getRecords();
    }
  }
}
