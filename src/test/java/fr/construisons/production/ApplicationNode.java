package fr.construisons.production;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/construisons-*.jar}) run as its own operating-system
 * process, as in production: profile {@code postgres,demo}, the job executor on, mail through SMTP
 * to the test's GreenMail; or as the default run ({@link #launchDefaultRun}): profile {@code demo}
 * alone, its embedded H2 file and its mail outbox under the node's working directory, exactly as
 * {@code ./mvnw spring-boot:run} configures them. Its console goes to
 * {@code target/production-tests/<name>.log}.
 *
 * <p>Test settings, all on the command line: a job lock of {@link #LOCK_TIME} unless the test asks
 * for another (a dead node's jobs are taken over after it), the job acquisition never idle more
 * than 5 s (production default: 60 s), SMTP timeouts of 5 s, and the engine's {@code hostname} set
 * to the node's name so the job log tells which node ran what. The mail jobs keep their model's
 * retry cycle (R3/PT5M, set on each element, which wins over the engine-wide default).
 */
final class ApplicationNode implements AutoCloseable {

  static final Duration LOCK_TIME = Duration.ofSeconds(10);
  static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  final String name;
  final int port;
  final Rest rest;
  private final Process process;
  private final Path log;
  final Instant startedAt;
  Duration startUpTime;

  private ApplicationNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
    this.rest = new Rest(port);
    this.startedAt = Instant.now();
  }

  /** Starts a node and waits until its health endpoint answers UP. */
  static ApplicationNode start(String name, ProductionDatabase database, int smtpPort) {
    ApplicationNode node = launch(name, database, smtpPort);
    node.awaitUp();
    return node;
  }

  /** Starts a node without waiting (see {@link #awaitUp()}). */
  static ApplicationNode launch(String name, ProductionDatabase database, int smtpPort) {
    return launch(name, database, smtpPort, LOCK_TIME);
  }

  static ApplicationNode launch(String name, ProductionDatabase database, int smtpPort, Duration lockTime) {
    Path directory = Paths.get("target", "production-tests", name).toAbsolutePath();
    return launch(name, directory, lockTime, List.of(
        "--spring.profiles.active=postgres,demo",
        "--construisons.mail.delivery=smtp",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--spring.mail.properties.mail.smtp.connectiontimeout=5000",
        "--spring.mail.properties.mail.smtp.timeout=5000"),
        Map.of("CONSTRUISONS_DB_URL", database.url, "CONSTRUISONS_DB_USER", database.user,
            "CONSTRUISONS_DB_PASSWORD", ""));
  }

  /**
   * The default run in {@code directory}: no datasource or mail setting of the test's, so the node
   * uses application.yml's H2 URL ({@code ./data/construisons}, resolved against the working
   * directory) and writes its mail to {@code ./data/outbox}. Only the test settings above differ.
   */
  static ApplicationNode launchDefaultRun(String name, Path directory, Duration lockTime) {
    return launchDefaultRun(name, directory, lockTime, List.of());
  }

  /** The default run with a few more command-line settings of the test's. */
  static ApplicationNode launchDefaultRun(String name, Path directory, Duration lockTime, List<String> settings) {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo"));
    arguments.addAll(settings);
    return launch(name, directory, lockTime, arguments, Map.of());
  }

  private static ApplicationNode launch(String name, Path directory, Duration lockTime, List<String> arguments,
      Map<String, String> environment) {
    Path jar = jar();
    int port = freePort();
    Path log = Paths.get("target", "production-tests", name + ".log").toAbsolutePath();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java,
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Duser.timezone=Europe/Paris", "-Duser.language=fr", "-Duser.country=FR",
        "-jar", jar.toString(),
        "--server.port=" + port,
        // The tests count the ideas and mails they make: no living demo on their databases.
        "--construisons.demo.living-scheme=false",
        "--construisons.base-url=http://localhost:" + port,
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + lockTime.toMillis(),
        "--camunda.bpm.job-execution.max-wait=5000",
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--logging.level.org.camunda.bpm.engine.jobexecutor=warn"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    // Nothing of the developer's or CI's shell reaches the node's configuration (Spring Boot binds
    // SPRING_* and CONSTRUISONS_* variables): the default run must be the default run.
    builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("CONSTRUISONS_"));
    builder.environment().putAll(environment);
    try {
      return new ApplicationNode(name, port, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
    }
  }

  void awaitUp() {
    Instant deadline = startedAt.plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("Node " + name + " exited with " + process.exitValue() + " during start-up; see " + log);
      }
      if (rest.healthy()) {
        startUpTime = Duration.between(startedAt, Instant.now());
        System.out.printf("[production] node %s up on port %d in %d s (pid %d)%n", name, port,
            startUpTime.toSeconds(), process.pid());
        return;
      }
      sleep(500);
    }
    fail("Node " + name + " not UP after " + START_TIMEOUT + "; see " + log);
  }

  /** SIGKILL: no shutdown hook, no commit, no unlock; the JVM is gone at once. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
    System.out.printf("[production] node %s killed with SIGKILL (exit %d)%n", name, process.exitValue());
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /**
   * SIGTERM, as an operator stops the node, and waits for the process to end: on H2 the database
   * file is only free for the test once the node has closed it.
   */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("Node " + name + " still alive 60 s after SIGTERM; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    System.out.printf("[production] node %s stopped (exit %d)%n", name, process.exitValue());
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        fail("Node " + name + " still alive 30 s after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path jar() {
    String configured = System.getProperty("construisons.jar");
    Path jar = configured != null && !configured.isBlank() ? Paths.get(configured) : null;
    if (jar == null) {
      try (var files = Files.list(Paths.get("target"))) {
        jar = files.filter(f -> f.getFileName().toString().matches("construisons-.*\\.jar"))
            .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
            .findFirst().orElse(null);
      } catch (IOException e) {
        jar = null;
      }
    }
    if (jar == null || !Files.isRegularFile(jar)) {
      fail("No application jar (" + jar + "): run ./mvnw package first (./mvnw -Pproduction-tests verify does)");
    }
    return jar.toAbsolutePath();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
