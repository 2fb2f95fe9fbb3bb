package fr.construisons.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Two nodes against one on the same PostgreSQL database: each node is the application in its own
 * JVM ({@link BenchNode}: its own engine, connection pool, SMTP connections and client threads);
 * both stay up for the whole run. Each round measures node A alone, then A and B started at the
 * same instant; ideas per second are the ideas completed over the time taken. Beside each figure:
 * how busy the machine's cores were and how many transactions PostgreSQL committed per second,
 * which is what says why two nodes do or do not go faster.
 *
 * <p>Usage: {@code ./mvnw -Pbench test-compile exec:java -Dbench.args="nodes"}, options
 * {@code --clients 4 --duration 60 --rounds 3 --warmup 8 --jvm "…"}.
 */
final class NodesBenchmark {

  private static final String DATABASE = "construisons_bench_nodes";

  private NodesBenchmark() {}

  static void main(Map<String, String> options) throws Exception {
    int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
    int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "8"));
    List<String> jvm = Arrays.asList(options.getOrDefault("jvm", LatencyBenchmark.RECOMMENDED_JVM).split(" "));
    BenchDatabase database = BenchDatabase.fresh("postgres", DATABASE);

    StringBuilder report = new StringBuilder("# Two nodes against one, on one PostgreSQL database\n\n")
        .append(Machine.describe()).append("\n")
        .append(String.format(Locale.ROOT, "Each node: %d client threads driving ideas along the four paths in turn, jobs run"
            + " by the client threads; %d s per measurement, %d rounds (medians shown); JVM %s.%n%n",
            clients, duration, rounds, String.join(" ", jvm)))
        .append("| nodes | ideas/s | cores busy | PostgreSQL commits/s |\n|---|---|---|---|\n");
    List<double[]> one = new ArrayList<>();
    List<double[]> two = new ArrayList<>();
    // Node B starts once A has created the schema and deployed: no race on the first start.
    try (Node a = Node.start("node-a", database, jvm, clients, warmup, 4101, 0);
         Node b = Node.start("node-b", database, jvm, clients, warmup, 4102, 50_000_000)) {
      for (int round = 0; round < rounds; round++) {
        one.add(measure(database, duration, a));
        two.add(measure(database, duration, a, b));
        System.out.printf(Locale.ROOT, "round %d: one node %.2f ideas/s, two nodes %.2f ideas/s%n",
            round + 1, one.get(round)[0], two.get(round)[0]);
      }
    }
    double oneRate = median(one, 0);
    double twoRate = median(two, 0);
    report.append(String.format(Locale.ROOT, "| 1 | %.2f | %.0f %% | %.0f |%n", oneRate, median(one, 1), median(one, 2)))
        .append(String.format(Locale.ROOT, "| 2 | %.2f | %.0f %% | %.0f |%n", twoRate, median(two, 1), median(two, 2)))
        .append(String.format(Locale.ROOT, "%nTwo nodes / one node: **%.2f** (target ≥ 1.6).%n", twoRate / oneRate));
    Path out = Path.of("target", "bench", "nodes.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** {ideas/s, % of the cores busy, commits/s} while these nodes run together. */
  private static double[] measure(BenchDatabase database, int seconds, Node... nodes) throws Exception {
    long[] cpuBefore = cpu();
    long commitsBefore = commits(database);
    long started = System.nanoTime();
    List<CompletableFuture<double[]>> runs = new ArrayList<>();
    for (Node node : nodes) {
      runs.add(CompletableFuture.supplyAsync(() -> node.run(seconds)));
    }
    int ideas = 0;
    for (CompletableFuture<double[]> run : runs) {
      ideas += (int) run.get()[0];
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] cpuAfter = cpu();
    double busy = 100.0 * (1 - (double) (cpuAfter[1] - cpuBefore[1]) / (cpuAfter[0] - cpuBefore[0]));
    return new double[] {ideas / elapsed, busy, (commits(database) - commitsBefore) / elapsed};
  }

  /** {total, idle (with iowait)} jiffies of all cores, from /proc/stat. */
  private static long[] cpu() throws IOException {
    String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < fields.length; i++) {
      total += Long.parseLong(fields[i]);
    }
    return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
  }

  private static long commits(BenchDatabase database) throws Exception {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement sql = connection.createStatement();
         ResultSet rs = sql.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static double median(List<double[]> values, int column) {
    return OverheadBenchmark.median(values.stream().map(v -> v[column]).toList());
  }

  /** A {@link BenchNode} process and the pipe that drives it. */
  private record Node(String name, Process process, PrintWriter commands, BufferedReader answers) implements AutoCloseable {

    static Node start(String name, BenchDatabase database, List<String> jvm, int clients, int warmup, int smtpPort,
        int sequence) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvm);
      command.addAll(List.of("-cp", classpath(), BenchNode.class.getName(), "--name", name, "--db-url", database.url(),
          "--smtp-port", String.valueOf(smtpPort), "--clients", String.valueOf(clients), "--warmup", String.valueOf(warmup),
          "--sequence", String.valueOf(sequence)));
      Path log = Path.of("target", "bench", name + ".log");
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      Node node = new Node(name, process, new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8),
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
      System.out.println(name + ": starting and warming up (log: " + log + ")");
      node.expect("READY");
      return node;
    }

    /** {ideas, seconds} of one run of this node. */
    double[] run(int seconds) {
      commands.println("RUN " + seconds);
      String[] done = expect("DONE").split(" ");
      return new double[] {Double.parseDouble(done[1]), Double.parseDouble(done[2])};
    }

    private String expect(String prefix) {
      try {
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException(name + " stopped answering", e);
      }
      throw new IllegalStateException(name + " stopped: see target/bench/" + name + ".log");
    }

    @Override
    public void close() throws Exception {
      commands.println("QUIT");
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** The benchmark's own class path (Maven's exec:java runs it in a class loader of its own). */
  private static String classpath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          entries.add(new File(url.getPath()).getPath());
        }
      }
    }
    return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
  }
}
