package fr.construisons.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node of {@link NodesBenchmark}, in its own JVM: the application on the shared PostgreSQL
 * database, driven by its own client threads. Told what to do on its standard input
 * ({@code RUN <seconds>}, {@code QUIT}), it answers on its standard output ({@code READY},
 * {@code DONE <ideas> <seconds>}), so the parent can start several nodes at the same instant.
 */
public final class BenchNode {

  private BenchNode() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = OverheadBenchmark.options(args);
    String name = options.get("name");
    int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "8"));
    BenchDatabase database = new BenchDatabase("postgres", options.get("db-url"), BenchDatabase.PG_USER, "");
    // Ideas of each node get their own sequence range: references stay unique across nodes.
    AtomicInteger sequence = new AtomicInteger(Integer.parseInt(options.getOrDefault("sequence", "0")));
    try (ApplicationUnderBench application = new ApplicationUnderBench(database,
        Integer.parseInt(options.get("smtp-port")), "--spring.application.name=" + name)) {
      PathDriver driver = new PathDriver(application.engine(), false);
      ScaleData.parallel(warmup * 4, clients, i -> driver.drive(PathDriver.Path.values()[i % 4], sequence.incrementAndGet()));
      application.takeMails();
      System.out.println("READY");
      System.out.flush();
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String command = commands.readLine(); command != null && !command.equals("QUIT"); command = commands.readLine()) {
        if (command.startsWith("RUN ")) {
          double seconds = Double.parseDouble(command.substring(4));
          long started = System.nanoTime();
          int ideas = drive(driver, clients, started + (long) (seconds * 1e9), sequence);
          double elapsed = (System.nanoTime() - started) / 1e9;
          application.takeMails();
          System.out.printf(Locale.ROOT, "DONE %d %.3f%n", ideas, elapsed);
          System.out.flush();
        }
      }
    }
    System.exit(0);
  }

  /** Ideas completed by the client threads, each starting ideas (paths in turn) until the deadline. */
  private static int drive(PathDriver driver, int clients, long deadline, AtomicInteger sequence) throws Exception {
    AtomicInteger completed = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      workers.add(threads.submit(() -> {
        while (System.nanoTime() < deadline) {
          int next = sequence.incrementAndGet();
          driver.drive(PathDriver.Path.values()[next % 4], next);
          completed.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    threads.shutdown();
    return completed.get();
  }
}
