package fr.construisons.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The compact table of a load run (load/run.sh): Gatling's own statistics per request type, read
 * from its report's table (Gatling 3.15 writes them only there), and the node's samples at idle,
 * after the warm-up, at the end and at their maximum.
 *
 * <p>Arguments: {@code report-dir samples.csv load-start-epoch duration warmup window}.
 */
public final class LoadSummary {

  /** One row of Gatling's statistics table: a request type, in a group (a window) or not. */
  record Row(String group, String name, long total, long ko, Map<String, Double> values) {
    double value(String label) {
      return values.getOrDefault(label, Double.NaN);
    }
  }

  private LoadSummary() {}

  public static void main(String[] args) throws IOException {
    Path report = Path.of(args[0]);
    Path samples = Path.of(args[1]);
    long loadStart = Long.parseLong(args[2]);
    int duration = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    int window = Integer.parseInt(args[5]);
    List<Row> rows = statistics(report.resolve("index.html"));
    StringBuilder out = new StringBuilder();

    out.append(String.format(Locale.ROOT, "### Requests: the loops after the %d s warm-up (%d s measured); sign-ins, once per"
        + " session, during the ramp-up%n%n", warmup, duration - warmup));
    out.append("| request | count | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      if (row.group() == null && !row.name().equals("All Requests")) {
        // Signing in happens once per session, during the ramp-up: counted, never per second.
        double perSecond = row.name().contains("sign-in:") ? Double.NaN : row.total() / (double) (duration - warmup);
        out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s |%n", row.name(), row.total(), row.ko(),
            Double.isNaN(perSecond) ? "(once per session)" : String.format(Locale.ROOT, "%.2f", perSecond),
            ms(row.value("50th pct")), ms(row.value("95th pct")), ms(row.value("99th pct")), ms(row.value("Max"))));
      }
    }

    List<String> windows = rows.stream().map(Row::group).filter(g -> g != null && g.startsWith("window")).distinct().sorted().toList();
    if (!windows.isEmpty()) {
      out.append("\n### p95 ms per window (count, errors)\n\n| request |");
      windows.forEach(w -> out.append(' ').append(w).append(" |"));
      out.append("\n|---|").append("---|".repeat(windows.size())).append('\n');
      List<String> names = rows.stream().filter(r -> windows.contains(r.group())).map(Row::name).distinct().toList();
      for (String name : names) {
        out.append("| ").append(name).append(" |");
        for (String w : windows) {
          Row row = rows.stream().filter(r -> w.equals(r.group()) && r.name().equals(name)).findFirst().orElse(null);
          out.append(row == null ? " – |" : String.format(Locale.ROOT, " %s (%d, %d) |", ms(row.value("95th pct")), row.total(), row.ko()));
        }
        out.append('\n');
      }
    }

    List<CSVRecord> records;
    try (Reader reader = Files.newBufferedReader(samples, StandardCharsets.UTF_8)) {
      records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
    if (!records.isEmpty()) {
      long measuredFrom = loadStart + warmup;
      long loadEnd = loadStart + duration;
      Predicate<CSVRecord> underLoad = r -> epoch(r) >= loadStart && epoch(r) <= loadEnd;
      CSVRecord idle = records.stream().filter(r -> epoch(r) < loadStart).reduce((a, b) -> b).orElse(null);
      CSVRecord start = records.stream().filter(r -> epoch(r) >= measuredFrom && epoch(r) <= loadEnd).findFirst().orElse(null);
      CSVRecord end = records.stream().filter(underLoad).reduce((a, b) -> b).orElse(null);
      CSVRecord after = records.get(records.size() - 1);
      out.append(String.format(Locale.ROOT, "%n### The node, sampled every 30 s (%d samples, %s)%n%n", records.size(),
          samples.getFileName()));
      out.append("| | idle, before the load | after the warm-up | end of the load | max under load | after the load |\n")
          .append("|---|---|---|---|---|---|\n");
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("resident memory, MiB", "rss_mib");
      columns.put("heap used, MiB", "heap_used_mib");
      // Between -Xms and -Xmx the collector grows the heap under load: resident memory follows.
      columns.put("heap committed, MiB", "heap_committed_mib");
      columns.put("non-heap used (metaspace, code cache), MiB", "nonheap_used_mib");
      columns.put("PostgreSQL connections to the node's database (pg_stat_activity)", "pg_connections");
      columns.put("… of the node", "pg_node");
      columns.put("… of the node, active", "pg_active");
      columns.put("… of the node, idle", "pg_idle");
      columns.put("PostgreSQL parallel workers (of a search)", "pg_parallel_workers");
      columns.put("Hikari active", "hikari_active");
      columns.put("Hikari idle", "hikari_idle");
      columns.put("Hikari pending (threads waiting)", "hikari_pending");
      columns.put("Hikari total", "hikari_total");
      columns.put("live threads", "live_threads");
      columns.put("HTTP sessions", "http_sessions");
      columns.put("machine load (1 min)", "load_1m");
      for (var column : columns.entrySet()) {
        ToDoubleFunction<CSVRecord> value = r -> r.isMapped(column.getValue()) ? number(r.get(column.getValue())) : Double.NaN;
        double max = records.stream().filter(underLoad).mapToDouble(value).filter(v -> !Double.isNaN(v)).max()
            .orElse(Double.NaN);
        out.append("| ").append(column.getKey()).append(" | ").append(cell(idle, column.getValue())).append(" | ")
            .append(cell(start, column.getValue())).append(" | ").append(cell(end, column.getValue())).append(" | ")
            .append(Double.isNaN(max) ? "–" : trim(max)).append(" | ").append(cell(after, column.getValue())).append(" |\n");
      }
      out.append(String.format(Locale.ROOT, "%nSamples at: idle %s, after the warm-up %s, end %s, after %s (UTC).%n",
          time(idle), time(start), time(end), time(after)));
    }
    System.out.print(out);
  }

  /** Every row of the report's statistics table, with its group's name when it is in one. */
  static List<Row> statistics(Path index) throws IOException {
    Document page = Jsoup.parse(index.toFile(), "UTF-8");
    // The columns by their header, so that a changed percentile setting cannot shift them.
    Map<String, String> labels = new HashMap<>();
    for (Element header : page.select("#container_statistics_head th[id^=col-]")) {
      labels.put(header.id(), header.text());
    }
    Map<String, String> names = new HashMap<>();
    List<Element> lines = new ArrayList<>(page.select("#container_statistics_head tbody tr"));
    lines.addAll(page.select("#container_statistics_body tbody tr"));
    for (Element line : lines) {
      names.put(line.id(), line.selectFirst(".ellipsed-name").text());
    }
    List<Row> rows = new ArrayList<>();
    for (Element line : lines) {
      if (line.id().startsWith("group_")) {
        continue;
      }
      Map<String, Double> values = new HashMap<>();
      for (Element cell : line.select("td.value")) {
        cell.classNames().stream().filter(c -> c.startsWith("col-")).findFirst()
            .ifPresent(col -> values.put(labels.get(col), number(cell.text())));
      }
      String parent = line.attr("data-parent");
      String group = parent.startsWith("group_") ? names.get(parent) : null;
      rows.add(new Row(group, names.get(line.id()), values.getOrDefault("Total", 0.0).longValue(),
          values.getOrDefault("KO", 0.0).longValue(), values));
    }
    return rows;
  }

  private static long epoch(CSVRecord record) {
    return Long.parseLong(record.get("epoch"));
  }

  private static String time(CSVRecord record) {
    return record == null ? "–" : record.get("time");
  }

  private static String cell(CSVRecord record, String column) {
    // A column an older run did not sample is left blank.
    return record == null || !record.isMapped(column) || record.get(column).isEmpty() ? "–" : record.get(column);
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.replace(",", "").strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "–" : trim(value);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
