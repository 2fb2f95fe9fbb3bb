package fr.construisons.bench;

import java.util.Arrays;

/** Entry point of {@code ./mvnw -Pbench test-compile exec:java -Dbench.args="<benchmark> [options]"}. */
public final class Benchmark {

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    String name = args.length == 0 ? "overhead" : args[0];
    String[] options = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    // Spring, GreenMail and the engines keep non-daemon threads: the JVM ends here, whatever happens.
    try {
      run(name, options);
    } catch (Throwable failure) {
      failure.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String name, String[] options) throws Exception {
    switch (name) {
      case "overhead" -> OverheadBenchmark.main(options);
      case "scale-data" -> ScaleData.main(OverheadBenchmark.options(options));
      case "latency" -> LatencyBenchmark.main(OverheadBenchmark.options(options));
      case "startup" -> StartupBenchmark.main(OverheadBenchmark.options(options));
      case "nodes" -> NodesBenchmark.main(OverheadBenchmark.options(options));
      case "jobs" -> JobExecutorBenchmark.main(OverheadBenchmark.options(options));
      case "retention" -> RetentionBenchmark.main(OverheadBenchmark.options(options));
      case "submissions" -> SubmissionsBenchmark.main(OverheadBenchmark.options(options));
      default -> {
        System.err.println("Unknown benchmark " + name + "; known: overhead, scale-data, latency, startup, nodes, jobs, retention, submissions");
        System.exit(2);
      }
    }
  }
}
