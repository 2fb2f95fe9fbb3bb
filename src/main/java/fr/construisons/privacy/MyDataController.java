package fr.construisons.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.dashboard.DashboardCsv;
import fr.construisons.privacy.PersonalDataLog.Action;
import fr.construisons.security.CurrentAgent;
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

/**
 * « Mes données »: what the platform holds about the signed-in agent, and its download as JSON or
 * CSV. There is no parameter naming the agent: nobody can ask for somebody else's data. Each
 * download is logged.
 */
@Controller
public class MyDataController {

  static final String PATH = "/mes-donnees";
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of("Europe/Paris"));
  private static final String[] COLUMNS = {"Rubrique", "Référence de l'idée", "Donnée", "Valeur", "Date"};

  private final PersonalDataExport export;
  private final PersonalDataLog log;
  /** Spring Boot's mapper: dates in ISO 8601, as every other JSON of the application. */
  private final ObjectMapper json;

  public MyDataController(PersonalDataExport export, PersonalDataLog log, ObjectMapper json) {
    this.export = export;
    this.log = log;
    this.json = json;
  }

  @GetMapping(PATH)
  public String page(CurrentAgent agent, Model model) {
    model.addAttribute("counts", PersonalDataExport.counts(export.of(agent.id())));
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
         CSVPrinter csv = new CSVPrinter(out, DashboardCsv.FORMAT)) {
      out.write(DashboardCsv.BYTE_ORDER_MARK);
      csv.printRecord((Object[]) COLUMNS);
      for (PersonalDataExport.Entry e : entries) {
        csv.printRecord(e.category(), DashboardCsv.text(e.reference()), DashboardCsv.text(e.field()),
            DashboardCsv.text(e.value()), e.at() == null ? "" : DAY_AND_TIME.format(e.at()));
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
