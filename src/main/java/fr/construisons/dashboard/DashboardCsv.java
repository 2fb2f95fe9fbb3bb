package fr.construisons.dashboard;

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
 * The dashboard's CSV files, made for French Excel: UTF-8 with a byte-order mark (without it
 * Excel reads accents as Windows-1252), {@code ;} between fields and decimal commas. Agents'
 * text is quoted by commons-csv, and text that a spreadsheet would take for a formula gets a
 * leading apostrophe (CSV injection: a title such as {@code =HYPERLINK(...)}).
 */
@Component
public class DashboardCsv {

  public static final char BYTE_ORDER_MARK = '\uFEFF';
  public static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL)
      .setDelimiter(';')
      .setRecordSeparator("\r\n")
      .get();

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

  /**
   * Text a spreadsheet would evaluate ({@code = + - @}, or a tab or carriage return before them)
   * is made plain text by a leading apostrophe, as OWASP advises for CSV injection. Shared by every
   * CSV export (the dashboard's, an agent's personal data).
   */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
      return "'" + value;
    }
    return value;
  }

  private static String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant);
  }

  private static String dayAndTime(Instant instant) {
    return instant == null ? "" : DAY_AND_TIME.format(instant);
  }
}
