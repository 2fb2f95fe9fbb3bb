package fr.construisons.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Our code's cost against the bare engine, side by side in one JVM and one run: the same paths
 * driven the same way on Camunda alone ({@link BareEngine}) and on the application
 * ({@link ApplicationUnderBench}), on H2 and on the local PostgreSQL, with 1 and 4 client
 * threads. JIT warm-up is excluded (warm-up ideas on both sides first), and the two sides take
 * turns over several rounds so that the machine's noise falls on both; the medians are reported.
 *
 * <p>Usage (docs/performance.md): {@code ./mvnw -Pbench test-compile exec:java -Dbench.args="overhead"}
 * with options {@code --db h2,postgres --threads 1,4 --ideas 40 --warmup 40 --rounds 3
 * --mail pooled --history full}. {@code --mail} lists the application's mail deliveries to measure, each against
 * the bare engine in its own run: {@code pooled} (SMTP, connections kept open, the production
 * setting), {@code per-mail} (SMTP, a connection per mail, as before the pool) and {@code outbox}
 * (each mail written to a file: the application without the SMTP exchange). {@code --history}
 * lists Camunda history levels ({@code full}, the application's, or {@code activity}, {@code audit},
 * {@code none}) set on both sides: what full history costs.
 */
public final class OverheadBenchmark {

  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    List<String> databases = Arrays.asList(options.getOrDefault("db", "h2,postgres").split(","));
    List<Integer> threads = Arrays.stream(options.getOrDefault("threads", "1,4").split(",")).map(Integer::parseInt).toList();
    int ideas = Integer.parseInt(options.getOrDefault("ideas", "40"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "40"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    int smtpPort = Integer.parseInt(options.getOrDefault("smtp-port", "3999"));
    List<String> deliveries = Arrays.asList(options.getOrDefault("mail", "pooled").split(","));
    List<String> histories = Arrays.asList(options.getOrDefault("history", "full").split(","));

    StringBuilder report = new StringBuilder();
    report.append("# Overhead of our code against the bare engine\n\n")
        .append(Machine.describe()).append("\n")
        .append("Ideas per path and measurement: ").append(ideas).append(" (split over the client threads); warm-up: ")
        .append(warmup).append(" ideas per path on each side; rounds: ").append(rounds)
        .append(" (medians shown). Jobs run in the client threads, for their own ideas only.\n\n");
    for (String kind : databases) {
      for (String delivery : deliveries) {
        for (String history : histories) {
          measure(report, kind, delivery, history, threads, ideas, warmup, rounds, smtpPort);
        }
      }
    }
    java.nio.file.Path out = Paths.get("target", "bench", "overhead.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("Written to " + out.toAbsolutePath());
    System.exit(0);
  }

  private static String[] mailArguments(String delivery) throws IOException {
    return switch (delivery) {
      case "pooled" -> new String[0];
      case "per-mail" -> new String[] {"--construisons.mail.pool.max-connections=0"};
      case "outbox" -> new String[] {"--construisons.mail.delivery=outbox",
          "--construisons.mail.outbox-directory=" + Files.createTempDirectory("bench-outbox"),
          "--logging.level.fr.construisons.notification=WARN"};
      default -> throw new IllegalArgumentException("--mail: pooled, per-mail or outbox, not " + delivery);
    };
  }

  private static void measure(StringBuilder report, String kind, String delivery, String history, List<Integer> threads, int ideas,
      int warmup, int rounds, int smtpPort) throws Exception {
    BenchDatabase bareDb = BenchDatabase.fresh(kind, "construisons_bench_bare");
    BenchDatabase appDb = BenchDatabase.fresh(kind, "construisons_bench_app");
    ProcessEngine bare = BareEngine.start("bench-bare", bareDb.url(), bareDb.user(), bareDb.password(), history);
    List<String> arguments = new ArrayList<>(Arrays.asList(mailArguments(delivery)));
    arguments.add("--camunda.bpm.history-level=" + history);
    try (ApplicationUnderBench application = new ApplicationUnderBench(appDb, smtpPort, arguments.toArray(String[]::new))) {
      Side bareSide = new Side("bare engine", new PathDriver(bare, true));
      Side appSide = new Side("application", new PathDriver(application.engine(), false));
      System.out.println("== " + kind + ", mail " + delivery + ", history " + history + ": warming up");
      for (Side side : List.of(bareSide, appSide)) {
        for (PathDriver.Path path : PathDriver.Path.values()) {
          run(side, path, warmup, 1);
        }
      }
      runOneUserTask(bareSide, 20 * warmup, 1);
      application.takeMails();

      report.append("## ").append(kind.equals("h2") ? "H2 (in memory)" : "PostgreSQL (local)")
          .append(", mail ").append(delivery).append(", history ").append(history).append("\n\n")
          .append("| client threads | path | bare engine, ideas/s | application, ideas/s | ratio (our cost / bare cost) | mails per idea |\n")
          .append("|---|---|---|---|---|---|\n");
      for (int clients : threads) {
        Map<PathDriver.Path, List<Double>> bareRates = new EnumMap<>(PathDriver.Path.class);
        Map<PathDriver.Path, List<Double>> appRates = new EnumMap<>(PathDriver.Path.class);
        Map<PathDriver.Path, Double> mails = new EnumMap<>(PathDriver.Path.class);
        List<Double> oneTask = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          for (PathDriver.Path path : PathDriver.Path.values()) {
            bareRates.computeIfAbsent(path, p -> new ArrayList<>()).add(run(bareSide, path, ideas, clients));
            application.takeMails();
            appRates.computeIfAbsent(path, p -> new ArrayList<>()).add(run(appSide, path, ideas, clients));
            mails.put(path, application.takeMails() / (double) ideas);
          }
          oneTask.add(runOneUserTask(bareSide, 20 * ideas, clients));
        }
        for (PathDriver.Path path : PathDriver.Path.values()) {
          double bareRate = median(bareRates.get(path));
          double appRate = median(appRates.get(path));
          report.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | **%.2f** | %.1f |%n",
              clients, path, bareRate, appRate, bareRate / appRate, mails.get(path)));
          System.out.printf(Locale.ROOT, "%s %s %s %d threads %s: bare %.1f/s app %.1f/s ratio %.2f%n",
              kind, delivery, history, clients, path, bareRate, appRate, bareRate / appRate);
        }
        report.append(String.format(Locale.ROOT, "| %d | one user task (bare engine) | %.0f instances/s | | | |%n",
            clients, median(oneTask)));
      }
      report.append("\n");
    } finally {
      bare.close();
    }
  }

  private record Side(String name, PathDriver driver) {}

  /** Ideas per second for {@code count} ideas on one path, shared by {@code clients} threads. */
  private static double run(Side side, PathDriver.Path path, int count, int clients) throws Exception {
    return perSecond(count, clients, i -> side.driver().drive(path, SEQUENCE.incrementAndGet()));
  }

  private static double runOneUserTask(Side side, int count, int clients) throws Exception {
    return perSecond(count, clients, i -> side.driver().oneUserTask(BareEngine.ONE_USER_TASK));
  }

  private static double perSecond(int count, int clients, ScaleData.Step step) throws Exception {
    long start = System.nanoTime();
    ScaleData.parallel(count, clients, step);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      }
    }
    return options;
  }
}
