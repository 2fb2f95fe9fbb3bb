package fr.construisons.dashboard;

import fr.construisons.organisation.CurrentAgent;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.PageFor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The innovation dashboard and its CSV exports, for the innovation team and general management
 * only (signing in is enforced before we get here, see AgentPagesSecurity).
 */
/** The dashboard is for the people who steer the scheme; the others get « Accès refusé ». */
@Controller
@PageFor({OrganisationDirectory.GROUP_INNOVATION_TEAM, OrganisationDirectory.GROUP_GENERAL_MANAGEMENT})
class DashboardController {

  static final String PATH = "/tableau-de-bord";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final DashboardQueries queries;
  private final DashboardCsv csv;

  public DashboardController(DashboardQueries queries, DashboardCsv csv) {
    this.queries = queries;
    this.csv = csv;
  }

  @GetMapping(PATH)
  public String page(CurrentAgent agent, @RequestParam(name = "annee", required = false) String year, Model model) {
    model.addAttribute("dashboard", queries.dashboard(filter(year)));
    return "dashboard/index";
  }

  @GetMapping(PATH + "/idees.csv")
  public void ideas(CurrentAgent agent, @RequestParam(name = "annee", required = false) String year,
      HttpServletResponse response) throws IOException {
    YearFilter filter = filter(year);
    try (Writer out = csvResponse(response, "idees-" + filter.parameter() + ".csv")) {
      csv.writeIdeas(filter, out);
    }
  }

  @GetMapping(PATH + "/etapes.csv")
  public void steps(CurrentAgent agent, @RequestParam(name = "annee", required = false) String year,
      HttpServletResponse response) throws IOException {
    YearFilter filter = filter(year);
    try (Writer out = csvResponse(response, "etapes-" + filter.parameter() + ".csv")) {
      csv.writeSteps(filter, out);
    }
  }

  /** The default year follows the engine clock, like every date the processes write. */
  private static YearFilter filter(String year) {
    return YearFilter.parse(year, ClockUtil.getCurrentTime().toInstant().atZone(PARIS).getYear());
  }

  /** File names are ASCII ("idees-2031.csv"): no encoded variant needed. */
  private static Writer csvResponse(HttpServletResponse response, String fileName) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName).build().toString());
    return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
  }
}
