package fr.construisons.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.privacy.PersonalDataLog.Action;
import fr.construisons.privacy.requests.PersonalDataRequest;
import fr.construisons.privacy.requests.PersonalDataRequestSubmission;
import fr.construisons.organisation.CurrentAgent;
import fr.construisons.process.SpreadsheetCsv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mes données »: what the platform holds about the signed-in agent, and its download as JSON or
 * CSV, and the form asking for a correction or an erasure (process personal-data-request). There
 * is no parameter naming the agent: nobody can ask for, nor about, somebody else's data. Each
 * download and each request is logged.
 */
@Controller
class MyDataController {

  static final String PATH = "/mes-donnees";
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of("Europe/Paris"));
  private static final String[] COLUMNS = {"Rubrique", "Référence de l'idée", "Donnée", "Valeur", "Date"};

  private final PersonalDataExport export;
  private final PersonalDataLog log;
  private final PersonalDataRequestSubmission requests;
  /** Spring Boot's mapper: dates in ISO 8601, as every other JSON of the application. */
  private final ObjectMapper json;

  public MyDataController(PersonalDataExport export, PersonalDataLog log, PersonalDataRequestSubmission requests,
      ObjectMapper json) {
    this.export = export;
    this.log = log;
    this.requests = requests;
    this.json = json;
  }

  /** What the request form shows again after a refusal: the agent's input, kept. */
  public record RequestDraft(String kind, String text) {}

  /** The text's lengths, for the browser's minlength/maxlength (a help, never relied on). */
  public record Limits(int textMin, int textMax) {}

  @GetMapping(PATH)
  public String page(CurrentAgent agent, Model model) {
    return show(agent, model, new RequestDraft(null, null), Map.of(), List.of());
  }

  /**
   * Only the kind and the text are read: a field naming another agent is ignored, the request is
   * the signed-in agent's (and the process checks it is made by them).
   */
  @PostMapping(PATH + "/demande")
  public String request(CurrentAgent agent, @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "text", required = false) String text, Model model, HttpServletResponse response,
      RedirectAttributes flash) {
    PersonalDataRequestSubmission.Outcome outcome = requests.submit(agent, kind, text);
    if (outcome instanceof PersonalDataRequestSubmission.Made made) {
      flash.addFlashAttribute("annonce", "Votre demande " + made.kindAfterDemande() + " du " + made.requestedOn()
          + " a bien été transmise à l'équipe Construisons! ; elle vous répondra par courriel.");
      // Post/redirect/get: reloading the page does not make the request twice.
      return "redirect:" + PATH + "#mes-demandes";
    }
    PersonalDataRequestSubmission.Refused refused = (PersonalDataRequestSubmission.Refused) outcome;
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return show(agent, model, new RequestDraft(kind, text), refused.problemsByField(), refused.problems());
  }

  private String show(CurrentAgent agent, Model model, RequestDraft draft, Map<String, List<String>> errors,
      List<String> problems) {
    model.addAttribute("counts", PersonalDataExport.counts(export.of(agent.id())));
    model.addAttribute("requests", requests.of(agent.id()));
    model.addAttribute("draft", draft);
    model.addAttribute("errors", errors);
    model.addAttribute("problems", problems);
    model.addAttribute("limits", new Limits(PersonalDataRequest.TEXT_MIN, PersonalDataRequest.TEXT_MAX));
    return "privacy/my-data";
  }

  @GetMapping(PATH + "/export.json")
  public void asJson(CurrentAgent agent, HttpServletResponse response) throws IOException {
    List<PersonalDataExport.Entry> entries = export.of(agent.id());
    log.record(agent.id(), agent.id(), Action.DATA_EXPORTED, "json");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("agent", agent.id());
    document.put("exporteLe", Instant.now());
    document.put("donnees", entries.stream().map(MyDataController::asMap).toList());
    download(response, "application/json", "mes-donnees-construisons.json");
    json.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), document);
  }

  @GetMapping(PATH + "/export.csv")
  public void asCsv(CurrentAgent agent, HttpServletResponse response) throws IOException {
    List<PersonalDataExport.Entry> entries = export.of(agent.id());
    log.record(agent.id(), agent.id(), Action.DATA_EXPORTED, "csv");
    download(response, "text/csv", "mes-donnees-construisons.csv");
    try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
         CSVPrinter csv = new CSVPrinter(out, SpreadsheetCsv.FORMAT)) {
      out.write(SpreadsheetCsv.BYTE_ORDER_MARK);
      csv.printRecord((Object[]) COLUMNS);
      for (PersonalDataExport.Entry e : entries) {
        csv.printRecord(e.category(), SpreadsheetCsv.text(e.reference()), SpreadsheetCsv.text(e.field()),
            SpreadsheetCsv.text(e.value()), e.at() == null ? "" : DAY_AND_TIME.format(e.at()));
      }
    }
  }

  private static Map<String, Object> asMap(PersonalDataExport.Entry e) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rubrique", e.category());
    map.put("reference", e.reference());
    map.put("donnee", e.field());
    map.put("valeur", e.value());
    map.put("date", e.at());
    return map;
  }

  private static void download(HttpServletResponse response, String type, String file) {
    response.setContentType(type + ";charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    // Personal data: never kept by a proxy or the browser's cache.
    response.setHeader("Cache-Control", "no-store");
  }
}
