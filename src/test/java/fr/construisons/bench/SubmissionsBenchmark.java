package fr.construisons.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.construisons.support.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * What the default run's durability costs: the packaged jar as {@code ./mvnw spring-boot:run} runs
 * it (profile demo, embedded H2 file, mail to the outbox, job executor on), once per H2
 * {@code WRITE_DELAY} given, on a fresh file each time. Agents submit ideas over REST ("Déposer une
 * idée" as Tasklist sends it) from {@code --clients} threads; measured: submissions answered per
 * second and their latency, then ideas per second through their jobs (registration's mails and the
 * move to the clarification call, run by the node's job executor), the node's CPU time and bytes
 * written per idea over the same span, and the database file's size at the end.
 * The write delays take turns over the rounds so that the machine's noise falls on each.
 *
 * <p>Usage: {@code ./mvnw -Pbench test-compile exec:java -Dbench.args="submissions"} after
 * {@code ./mvnw -DskipTests package}, options {@code --write-delay 500,0 --clients 1,4 --ideas 200
 * --warmup 40 --rounds 3 --jvm "…"}. 500 ms is H2's default (the URL before the fix), 0 the
 * default run's setting now.
 */
final class SubmissionsBenchmark {

  private static final String SUBMIT = "/engine-rest/process-definition/key/idea-lifecycle/submit-form";

  private SubmissionsBenchmark() {}

  /** One measurement: a node, one client count. */
  record Result(int writeDelay, int clients, double answeredPerSecond, double p50, double p95, double donePerSecond,
      double cpuMsPerIdea, double writtenKiBPerIdea, double fileMiB, int errors) {}

  static void main(Map<String, String> options) throws Exception {
    List<Integer> delays = Arrays.stream(options.getOrDefault("write-delay", "500,0").split(",")).map(Integer::parseInt).toList();
    List<Integer> clients = Arrays.stream(options.getOrDefault("clients", "1,4").split(",")).map(Integer::parseInt).toList();
    int ideas = Integer.parseInt(options.getOrDefault("ideas", "200"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "40"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    int port = Integer.parseInt(options.getOrDefault("port", "18095"));
    List<String> jvm = Arrays.asList(options.getOrDefault("jvm", LatencyBenchmark.RECOMMENDED_JVM).split(" "));

    List<Result> results = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      List<Integer> order = new ArrayList<>(delays);
      if (round % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (int delay : order) {
        Path data = Files.createTempDirectory("construisons-submissions-");
        List<String> arguments = List.of(
            "--spring.datasource.url=jdbc:h2:file:" + data.resolve("construisons") + ";AUTO_SERVER=FALSE;WRITE_DELAY=" + delay,
            "--construisons.mail.outbox-directory=" + data.resolve("outbox"));
        try (NodeProcess node = NodeProcess.start("submissions-" + delay + "-" + round, null, port, 0, jvm, arguments)) {
          Http rest = Http.anonymous(port).accepting("application/json").withTimeout(Duration.ofSeconds(60));
          AtomicInteger numbers = new AtomicInteger();
          submit(rest, 4, warmup, numbers, new ConcurrentHistogram(60_000_000_000L, 3));
          awaitSettled(rest);
          for (int threads : clients) {
            ConcurrentHistogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
            long pid = node.process.pid();
            long cpuBefore = cpuMillis(pid);
            long writtenBefore = writtenBytes(pid);
            long started = System.nanoTime();
            int errors = submit(rest, threads, ideas, numbers, latency);
            double answered = (System.nanoTime() - started) / 1e9;
            awaitSettled(rest);
            double done = (System.nanoTime() - started) / 1e9;
            Result result = new Result(delay, threads, ideas / answered, latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(95) / 1e6, ideas / done, (cpuMillis(pid) - cpuBefore) / (double) ideas,
                (writtenBytes(pid) - writtenBefore) / 1024.0 / ideas,
                Files.size(data.resolve("construisons.mv.db")) / (1024.0 * 1024), errors);
            results.add(result);
            System.out.printf(Locale.ROOT, "round %d, WRITE_DELAY=%d, %d clients: %.1f answered/s (p50 %.0f ms, p95 %.0f ms),"
                    + " %.1f ideas/s through their jobs, %.0f ms CPU and %.0f KiB written per idea, file %.1f MiB,"
                    + " %d errors%n", round + 1, delay, threads, result.answeredPerSecond(), result.p50(), result.p95(),
                result.donePerSecond(), result.cpuMsPerIdea(), result.writtenKiBPerIdea(), result.fileMiB(), errors);
          }
        }
        deleteRecursively(data); // a few hundred MiB each: /tmp would fill up over the rounds
      }
    }

    StringBuilder report = new StringBuilder("# Submissions on the default run (H2 file), by WRITE_DELAY\n\n")
        .append(Machine.describe())
        .append(String.format(Locale.ROOT, "%nPackaged jar, profile demo, mail to the outbox, job executor on; JVM %s. "
            + "Per node: %d warm-up submissions, then %d per client count; %d rounds, medians shown.%n%n",
            String.join(" ", jvm), warmup, ideas, rounds))
        .append("| WRITE_DELAY | clients | answered/s | p50 ms | p95 ms | ideas/s through their jobs | node CPU ms per idea "
            + "| KiB written per idea | file MiB | errors |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (int threads : clients) {
      for (int delay : delays) {
        List<Result> same = results.stream().filter(r -> r.writeDelay() == delay && r.clients() == threads).toList();
        report.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.0f | %.0f | %.1f | %.0f | %.0f | %.1f | %d |%n",
            delay, threads, median(same, Result::answeredPerSecond), median(same, Result::p50), median(same, Result::p95),
            median(same, Result::donePerSecond), median(same, Result::cpuMsPerIdea), median(same, Result::writtenKiBPerIdea),
            median(same, Result::fileMiB),
            same.stream().mapToInt(Result::errors).sum()));
      }
    }
    Path out = Path.of("target", "bench", "submissions.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (var files = Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** {@code count} submissions from {@code threads} clients; returns how many were not answered 200. */
  private static int submit(Http rest, int threads, int count, AtomicInteger numbers, ConcurrentHistogram latency)
      throws InterruptedException {
    AtomicInteger left = new AtomicInteger(count);
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.submit(() -> {
        while (left.getAndDecrement() > 0) {
          long start = System.nanoTime();
          try {
            if (rest.as("camille").sendJson("POST", SUBMIT, body(numbers.incrementAndGet())).status() != 200) {
              errors.incrementAndGet();
            }
          } catch (RuntimeException e) {
            errors.incrementAndGet();
          }
          latency.recordValue(System.nanoTime() - start);
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("Submissions still running after 30 minutes");
    }
    return errors.get();
  }

  /** Until every idea submitted so far waits at its clarification call and no async job is left. */
  private static void awaitSettled(Http rest) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      long jobs = count(rest, "/engine-rest/job/count?messages=true");
      long calls = count(rest, "/engine-rest/task/count?processDefinitionKey=idea-lifecycle&taskDefinitionKey=Task_ClarifyIdea");
      long instances = count(rest, "/engine-rest/process-instance/count?processDefinitionKey=idea-lifecycle");
      if (jobs == 0 && calls == instances) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Jobs still running 10 minutes after the submissions");
  }

  /**
   * CPU time the node's process has used (user + system, /proc/&lt;pid&gt;/stat): on a machine shared
   * with other work, the time a submission waits for a core says little, the CPU it takes does.
   */
  private static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields from the third of stat(5): utime and stime are the 14th and 15th, in clock ticks (100 a second)
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  /** Bytes the node's process has handed to write calls (/proc/&lt;pid&gt;/io, wchar): its files, logs and sockets. */
  private static long writtenBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "io"))) {
      if (line.startsWith("wchar:")) {
        return Long.parseLong(line.substring(6).strip());
      }
    }
    throw new IllegalStateException("No wchar in /proc/" + pid + "/io");
  }

  private static long count(Http rest, String path) {
    Http.Response response = rest.as("admin").get(path);
    if (response.status() != 200) {
      throw new IllegalStateException(path + ": HTTP " + response.status() + " " + response.body());
    }
    try {
      JsonNode json = Http.JSON.readTree(response.body());
      return json.path("count").asLong();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> body(int number) {
    return fr.construisons.support.IdeaScenario.restStartForm("Idée de mesure n° " + number);
  }


  private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> value) {
    return OverheadBenchmark.median(results.stream().map(r -> value.applyAsDouble(r)).toList());
  }
}
