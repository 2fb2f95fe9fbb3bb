package fr.construisons.bench;

import fr.construisons.support.IdeaScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * The job executor's sizing: how fast one node works off a backlog of jobs (each submitted idea
 * leaves its registration, its mails and its move to the clarification call to the job
 * executor) with each thread pool and acquisition size. Each configuration gets a fresh
 * application and database; the backlog is built with the job executor stopped, then the time to
 * run every job is measured, as after a restart or a burst of submissions.
 *
 * <p>Usage: {@code ./mvnw -Pbench test-compile exec:java -Dbench.args="jobs"}, options
 * {@code --db postgres --ideas 300 --configs 3/10/3/3,1/1/1/1,2/2/2/2,4/4/4/4,10/10/10/10}: each
 * configuration is core threads / max threads / queue capacity / jobs per acquisition.
 */
final class JobExecutorBenchmark {

  private JobExecutorBenchmark() {}

  static void main(Map<String, String> options) throws Exception {
    String kind = options.getOrDefault("db", "postgres");
    int ideas = Integer.parseInt(options.getOrDefault("ideas", "300"));
    String[] configurations = options.getOrDefault("configs", "3/10/3/3,1/1/1/1,2/2/2/2,4/4/4/4,10/10/10/10").split(",");
    StringBuilder report = new StringBuilder("# Job executor sizing\n\n").append(Machine.describe()).append("\n")
        .append(String.format(Locale.ROOT, "Backlog: the jobs of %d ideas submitted with the job executor stopped, on %s;"
            + " mail over SMTP (pooled connections) to a local server.%n%n", ideas, kind))
        .append("| core / max threads, queue, jobs per acquisition | jobs | seconds | jobs/s |\n|---|---|---|---|\n");
    for (String configuration : configurations) {
      String[] size = configuration.split("/");
      BenchDatabase database = BenchDatabase.fresh(kind, "construisons_bench_jobs");
      try (ApplicationUnderBench application = new ApplicationUnderBench(database, 3997,
          "--camunda.bpm.job-execution.enabled=true",
          "--camunda.bpm.job-execution.core-pool-size=" + size[0],
          "--camunda.bpm.job-execution.max-pool-size=" + size[1],
          "--camunda.bpm.job-execution.queue-capacity=" + size[2],
          "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + size[3])) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) application.engine().getProcessEngineConfiguration())
            .getJobExecutor();
        executor.shutdown();
        PathDriver driver = new PathDriver(application.engine(), false);
        List<String> directorates = List.of("education", "mobilites", "dpm");
        ScaleData.parallel(ideas, 2, i -> driver.submit(IdeaScenario.AGENT, directorates.get(i % 3), "Idée en attente " + i));
        ManagementService management = application.engine().getManagementService();
        long backlog = management.createJobQuery().executable().count();
        long started = System.nanoTime();
        executor.start();
        // Jobs create jobs (a registration leads to mails): done when none is left to run.
        while (management.createJobQuery().executable().count() > 0) {
          Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long executed = application.engine().getHistoryService().createHistoricJobLogQuery().successLog().count();
        executor.shutdown();
        long failed = management.createJobQuery().withException().count();
        if (failed > 0) {
          throw new IllegalStateException(failed + " jobs failed with " + configuration + " (backlog " + backlog + ")");
        }
        report.append(String.format(Locale.ROOT, "| %s / %s, %s, %s | %d | %.1f | **%.1f** |%n",
            size[0], size[1], size[2], size[3], executed, seconds, executed / seconds));
        System.out.printf(Locale.ROOT, "%s: %d jobs in %.1f s, %.1f jobs/s%n", configuration, executed, seconds, executed / seconds);
      }
    }
    Path out = Path.of("target", "bench", "jobs.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("Written to " + out.toAbsolutePath());
  }
}
