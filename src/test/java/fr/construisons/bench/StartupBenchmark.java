package fr.construisons.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time to ready and resident memory of the packaged application, started {@code --runs} times as
 * a newcomer or an operator would: each run on a fresh embedded H2 database (the demo) and, when
 * {@code --postgres} is given, on a fresh PostgreSQL database. Ready means {@code /actuator/health}
 * answers UP; resident memory is the process's VmRSS 20 s after that, idle.
 */
final class StartupBenchmark {

  private StartupBenchmark() {}

  static void main(Map<String, String> options) throws Exception {
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    List<String> jvm = Arrays.asList(options.getOrDefault("jvm", LatencyBenchmark.RECOMMENDED_JVM).split(" "));
    boolean postgres = options.containsKey("postgres");
    StringBuilder report = new StringBuilder("# Start-up and memory\n\n").append(Machine.describe())
        .append("\nJVM options: `").append(String.join(" ", jvm)).append("`; ").append(runs)
        .append(" runs per database, medians (min–max).\n\n| database | ready, s | resident at idle, MiB |\n|---|---|---|\n");
    for (String kind : postgres ? List.of("h2", "postgres") : List.of("h2")) {
      List<Double> ready = new ArrayList<>();
      List<Double> rss = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        Path data = Files.createTempDirectory("construisons-startup-");
        BenchDatabase database = kind.equals("postgres") ? BenchDatabase.fresh("postgres", "construisons_bench_startup") : null;
        // The default run's URL with the file moved: its settings (WRITE_DELAY=0) stay as application.yml has them.
        List<String> arguments = database == null
            ? List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0",
                "--construisons.mail.outbox-directory=" + data.resolve("outbox"))
            : List.of();
        try (NodeProcess node = NodeProcess.start("startup-" + kind + "-" + run, database, 18090, 3996, jvm, arguments)) {
          Thread.sleep(20_000);
          ready.add(node.readySeconds);
          rss.add(node.residentMiB());
          System.out.printf(Locale.ROOT, "%s run %d: ready %.1f s, resident %.0f MiB%n", kind, run + 1,
              node.readySeconds, rss.get(rss.size() - 1));
        }
      }
      report.append(String.format(Locale.ROOT, "| %s | **%.1f** (%.1f–%.1f) | **%.0f** (%.0f–%.0f) |%n", kind,
          OverheadBenchmark.median(ready), min(ready), max(ready), OverheadBenchmark.median(rss), min(rss), max(rss)));
    }
    Path out = Path.of("target", "bench", "startup.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
