package fr.construisons.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.construisons.support.Http;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latency at national scale: the packaged application on the scale data set ({@link ScaleData}),
 * {@code --users} concurrent users each doing, in a loop with a think time, what Tasklist and the
 * idea box do: the task list of their group (Tasklist's filter, first page and count), a task's
 * form variables, claiming and completing a task (one loop in five), the idea box's list (a random
 * page) and an idea's page. Each user has its own session (Tasklist's login, shared with the idea
 * box). Reports p50, p95, p99 and errors per request type, start-up time, and resident memory at
 * idle and under load.
 */
final class LatencyBenchmark {

  private static final Pattern FILTER = Pattern.compile("\\{\"id\":\"([^\"]+)\"[^}]*?\"name\":\"([^\"]+)\"");

  /** The JVM options docs/performance.md recommends for one node (2 cores, an intranet's load). */
  static final String RECOMMENDED_JVM = "-Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxMetaspaceSize=256m -Xss512k -XX:ReservedCodeCacheSize=128m";

  private LatencyBenchmark() {}

  static void main(Map<String, String> options) throws Exception {
    int users = Integer.parseInt(options.getOrDefault("users", "20"));
    int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "30"));
    int seconds = Integer.parseInt(options.getOrDefault("duration", "60"));
    int thinkMillis = Integer.parseInt(options.getOrDefault("think-ms", "1000"));
    String database = options.getOrDefault("db", ScaleData.DATABASE);
    List<String> jvm = Arrays.asList(options.getOrDefault("jvm", RECOMMENDED_JVM).split(" "));
    int port = Integer.parseInt(options.getOrDefault("port", "18080"));
    // --tasklist no: the idea box's requests alone (to see them apart from Tasklist's queries).
    boolean tasklist = !"no".equals(options.get("tasklist"));
    BenchDatabase db = new BenchDatabase("postgres", BenchDatabase.PG_SERVER + database, BenchDatabase.PG_USER, "");

    List<String> references = new ArrayList<>();
    ConcurrentLinkedQueue<String> openTasks = new ConcurrentLinkedQueue<>();
    try (Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement query = sql.createStatement()) {
      try (ResultSet rs = query.executeQuery("select reference from idea order by random() limit 5000")) {
        while (rs.next()) {
          references.add(rs.getString(1));
        }
      }
      try (ResultSet rs = query.executeQuery("select id_ from act_ru_task where task_def_key_ = 'Task_ClarifyIdea' order by random()")) {
        while (rs.next()) {
          openTasks.add(rs.getString(1));
        }
      }
    }
    System.out.printf("%d ideas sampled, %d open clarification tasks%n", references.size(), openTasks.size());

    GreenMail smtp = new GreenMail(new ServerSetup(3997, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    StringBuilder report = new StringBuilder("# Latency at national scale\n\n").append(Machine.describe()).append("\n");
    try (NodeProcess node = NodeProcess.start("latency-node", db, port, 3997, jvm,
        List.of("--construisons.organisation.file=file:" + ScaleData.ORGANISATION.toAbsolutePath()))) {
      System.out.printf(Locale.ROOT, "Node ready in %.1f s%n", node.readySeconds);
      Thread.sleep(20_000);
      double idle = node.residentMiB();
      String base = "http://127.0.0.1:" + port;
      Map<String, ConcurrentHistogram> latencies = new LinkedHashMap<>();
      for (String type : List.of("task list (filter page + count)", "task form variables", "claim + complete task",
          "idea box list", "idea page")) {
        latencies.put(type, new ConcurrentHistogram(60_000_000L, 3));
      }
      Map<String, AtomicLong> errors = new LinkedHashMap<>();
      latencies.keySet().forEach(type -> errors.put(type, new AtomicLong()));
      AtomicBoolean recording = new AtomicBoolean(false);
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> threads = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        Thread thread = new Thread(() -> {
          try {
            User user = new User(base, "lea");
            String filter = tasklist ? user.filterId("Tâches de mon groupe") : null;
            int loop = 0;
            while (running.get()) {
              if (tasklist) {
                user.time("task list (filter page + count)", latencies, errors, recording, () -> {
                  user.post("/camunda/api/engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=15",
                      "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}");
                  return user.post("/camunda/api/engine/engine/default/filter/" + filter + "/count", "{}");
                });
                String task = openTasks.peek();
                if (task != null) {
                  user.time("task form variables", latencies, errors, recording,
                      () -> user.get("/camunda/api/engine/engine/default/task/" + task + "/form-variables"));
                }
                if (loop++ % 5 == 0) {
                  String mine = openTasks.poll();
                  if (mine != null) {
                    user.time("claim + complete task", latencies, errors, recording, () -> {
                      int claimed = user.post("/camunda/api/engine/engine/default/task/" + mine + "/claim", "{\"userId\":\"lea\"}");
                      if (claimed >= 300) {
                        return claimed;
                      }
                      return user.post("/camunda/api/engine/engine/default/task/" + mine + "/submit-form",
                          "{\"variables\":{\"clarificationOutcome\":{\"value\":\"FITS\"},\"clarificationNotes\":{\"value\":"
                              + "\"Appel de clarification : la solution répond au besoin.\"}}}");
                    });
                  }
                }
              }
              int page = 1 + ThreadLocalRandom.current().nextInt(200);
              user.time("idea box list", latencies, errors, recording, () -> user.get("/idees?page=" + page));
              String reference = references.get(ThreadLocalRandom.current().nextInt(references.size()));
              user.time("idea page", latencies, errors, recording, () -> user.get("/idees/" + reference));
              Thread.sleep(thinkMillis / 2 + ThreadLocalRandom.current().nextInt(Math.max(1, thinkMillis)));
            }
          } catch (Exception e) {
            e.printStackTrace();
          }
        }, "user-" + u);
        threads.add(thread);
        thread.start();
      }
      Thread.sleep(warmupSeconds * 1000L);
      recording.set(true);
      double maxRss = 0;
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        maxRss = Math.max(maxRss, node.residentMiB());
        Thread.sleep(1000);
      }
      recording.set(false);
      running.set(false);
      for (Thread thread : threads) {
        thread.join(30_000);
      }
      report.append(String.format(Locale.ROOT, "Data set: database `%s`. Users: %d (each its own session), think time %d–%d ms, "
          + "warm-up %d s, measured %d s. JVM options: `%s`.%n%n", database, users, thinkMillis / 2,
          thinkMillis / 2 + thinkMillis, warmupSeconds, seconds, String.join(" ", jvm)));
      report.append(String.format(Locale.ROOT, "Ready in **%.1f s**; resident memory **%.0f MiB** at idle (20 s after ready), "
          + "**%.0f MiB** at most under load.%n%n", node.readySeconds, idle, maxRss));
      report.append("| request | count | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
      for (var entry : latencies.entrySet()) {
        Histogram h = entry.getValue();
        report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", entry.getKey(),
            h.getTotalCount(), errors.get(entry.getKey()).get(), h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0));
      }
    } finally {
      smtp.stop();
    }
    Path out = Path.of("target", "bench", "latency.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  interface Call {
    int run() throws Exception;
  }

  /** One person in a browser: a session shared by Tasklist and the idea box (the tests' one client, {@link Http}). */
  static final class User {
    private final Http session;

    User(String base, String login) {
      try {
        // Logged in as Tasklist does; then requests without an Accept header, as before the client was shared.
        this.session = Http.at(URI.create(base)).withTimeout(Duration.ofSeconds(30))
            .webappSession(login, "tasklist").accepting(null);
      } catch (AssertionError failed) {
        throw new IllegalStateException(failed.getMessage());
      }
    }

    String filterId(String name) {
      String filters = session.get("/camunda/api/engine/engine/default/filter?resourceType=Task&firstResult=0&maxResults=50")
          .body();
      Matcher matcher = FILTER.matcher(filters);
      while (matcher.find()) {
        if (matcher.group(2).equals(name)) {
          return matcher.group(1);
        }
      }
      throw new IllegalStateException("No filter " + name + " in " + filters);
    }

    int get(String path) {
      return session.get(path).status();
    }

    int post(String path, String json) {
      return session.postJson(path, json).status();
    }

    void time(String type, Map<String, ConcurrentHistogram> latencies, Map<String, AtomicLong> errors,
        AtomicBoolean recording, Call call) {
      long start = System.nanoTime();
      int status;
      try {
        status = call.run();
      } catch (Exception e) {
        status = 599;
      }
      long micros = (System.nanoTime() - start) / 1000;
      if (recording.get()) {
        latencies.get(type).recordValue(Math.min(micros, 60_000_000L));
        if (status >= 400) {
          errors.get(type).incrementAndGet();
        }
      }
    }
  }
}
