package fr.construisons.process;

import org.apache.commons.csv.CSVFormat;

/**
 * CSV files made for French Excel, shared by every export (the dashboard's, an agent's personal
 * data): UTF-8 with a byte-order mark (without it Excel reads accents as Windows-1252), {@code ;}
 * between fields. Agents' text is quoted by commons-csv, and text that a spreadsheet would take for
 * a formula gets a leading apostrophe (CSV injection: a title such as {@code =HYPERLINK(...)}).
 */
public final class SpreadsheetCsv {

  public static final char BYTE_ORDER_MARK = '\uFEFF';
  public static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL)
      .setDelimiter(';')
      .setRecordSeparator("\r\n")
      .get();

  private SpreadsheetCsv() {}

  /**
   * Text a spreadsheet would evaluate ({@code = + - @}, or a tab or carriage return before them)
   * is made plain text by a leading apostrophe, as OWASP advises for CSV injection.
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
}
