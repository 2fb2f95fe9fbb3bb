package fr.construisons.dashboard;

import fr.construisons.process.SpreadsheetCsv;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The dashboard's CSV files, made for French Excel ({@link SpreadsheetCsv}: byte-order mark,
 * {@code ;}, formulas neutralised) with decimal commas.
 */
@Component
class DashboardCsv {

  private static final char BYTE_ORDER_MARK = SpreadsheetCsv.BYTE_ORDER_MARK;
  private static final CSVFormat FORMAT = SpreadsheetCsv.FORMAT;

  static final String[] IDEA_COLUMNS = {"Référence", "Titre", "Direction de l'auteur", "Étape",
      "Déposée le", "Close le", "Motif de clôture"};
  static final String[] STEP_COLUMNS = {"Référence", "Étape", "Début", "Fin", "Durée (jours)", "État"};

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(PARIS);
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);

  private final DashboardQueries queries;

  public DashboardCsv(DashboardQueries queries) {
    this.queries = queries;
  }

  public void writeIdeas(YearFilter filter, Writer out) throws IOException {
    out.write(BYTE_ORDER_MARK);
    try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
      csv.printRecord((Object[]) IDEA_COLUMNS);
      queries.eachIdea(filter, idea -> csv.printRecord(
          idea.reference(), text(idea.title()), text(idea.directorate()), idea.stage().label(),
          day(idea.submittedAt()), day(idea.closedAt()), text(idea.closingReason())));
    }
  }

  public void writeSteps(YearFilter filter, Writer out) throws IOException {
    out.write(BYTE_ORDER_MARK);
    try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
      csv.printRecord((Object[]) STEP_COLUMNS);
      queries.eachStep(filter, step -> csv.printRecord(
          step.reference(), step.step().label(), dayAndTime(step.startedAt()), dayAndTime(step.endedAt()),
          step.durationDays() == null ? "" : String.format(Locale.FRANCE, "%.2f", step.durationDays()),
          step.canceled() ? "annulée" : step.endedAt() == null ? "en cours" : "terminée"));
    }
  }

  /** {@link SpreadsheetCsv#text}: kept here for the dashboard's writers and tests. */
  public static String text(String value) {
    return SpreadsheetCsv.text(value);
  }

  private static String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant);
  }

  private static String dayAndTime(Instant instant) {
    return instant == null ? "" : DAY_AND_TIME.format(instant);
  }
}
