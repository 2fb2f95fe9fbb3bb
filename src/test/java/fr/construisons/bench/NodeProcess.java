package fr.construisons.bench;

import fr.construisons.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application as its own process, as in production (profile postgres,demo on a
 * given database), to measure what an operator sees: time to ready and resident memory.
 */
final class NodeProcess implements AutoCloseable {

  final int port;
  final Process process;
  final double readySeconds;

  private NodeProcess(int port, Process process, double readySeconds) {
    this.port = port;
    this.process = process;
    this.readySeconds = readySeconds;
  }

  static Path jar() throws IOException {
    try (var jars = Files.list(Path.of("target"))) {
      return jars.filter(p -> p.getFileName().toString().matches("construisons-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No target/construisons-*.jar: run ./mvnw -DskipTests package first"));
    }
  }

  /**
   * Starts the jar; {@code database} null means the demo's embedded H2 (arguments may move its file),
   * {@code smtpPort} 0 the default run's mail outbox (arguments may move it too).
   */
  static NodeProcess start(String name, BenchDatabase database, int port, int smtpPort, List<String> jvmOptions,
      List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.add("--spring.profiles.active=" + (database == null ? "demo" : "postgres,demo"));
    command.add("--server.port=" + port);
    // Measured on the data the benchmark makes, never on the living demo's ideas.
    command.add("--construisons.demo.living-scheme=false");
    if (smtpPort > 0) {
      command.add("--construisons.mail.delivery=smtp");
      command.add("--spring.mail.host=127.0.0.1");
      command.add("--spring.mail.port=" + smtpPort);
    }
    command.addAll(arguments);
    Path log = Path.of("target", "bench", name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (database != null) {
      builder.environment().putAll(Map.of("CONSTRUISONS_DB_URL", database.url(), "CONSTRUISONS_DB_USER", database.user(),
          "CONSTRUISONS_DB_PASSWORD", database.password()));
    }
    long started = System.nanoTime();
    Process process = builder.start();
    Http health = Http.at(URI.create("http://127.0.0.1:" + port)).accepting(null).withTimeout(Duration.ofSeconds(2));
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped during start-up: see " + log);
      }
      try {
        if (health.get("/actuator/health").status() == 200) {
          break;
        }
      } catch (UncheckedIOException notYet) {
        // Not listening yet.
      }
      if (System.nanoTime() - started > Duration.ofMinutes(5).toNanos()) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready after 5 minutes: see " + log);
      }
      Thread.sleep(100);
    }
    return new NodeProcess(port, process, (System.nanoTime() - started) / 1e9);
  }

  /** Resident memory of the node's process (VmRSS), in MiB. */
  double residentMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("No VmRSS for process " + process.pid());
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
