package fr.construisons.bench;

import fr.construisons.privacy.AgentErasure;
import fr.construisons.privacy.IdeaAnonymiser;
import fr.construisons.privacy.retention.RetentionPeriods;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cost of the RGPD anonymisation on the national-scale database ({@code scale-data} first):
 * the nightly query that finds the ideas past their period, the anonymisation of one idea (our
 * tables and its engine history, as the nightly job does it), and the erasure of one agent at
 * their request (which looks for the agent across the whole history; the agents chosen authored
 * nothing, so the figure is that search alone). It changes the data set:
 * each run anonymises other ideas and agents, and the latency figures are not affected by that.
 */
final class RetentionBenchmark {

  private RetentionBenchmark() {}

  static void main(Map<String, String> options) throws Exception {
    int ideas = Integer.parseInt(options.getOrDefault("ideas", "200"));
    int agents = Integer.parseInt(options.getOrDefault("agents", "3"));
    BenchDatabase database = new BenchDatabase("postgres", BenchDatabase.PG_SERVER + ScaleData.DATABASE,
        BenchDatabase.PG_USER, "");
    List<String> arguments = new ArrayList<>();
    if (Files.exists(ScaleData.ORGANISATION)) {
      // The data set's agents: with the demo organisation they would be disabled at start-up.
      arguments.add("--construisons.organisation.file=file:" + ScaleData.ORGANISATION.toAbsolutePath());
    } else {
      throw new IllegalStateException(ScaleData.ORGANISATION + " is missing: run scale-data first (same checkout)");
    }
    StringBuilder report = new StringBuilder("# RGPD anonymisation at national scale\n\n").append(Machine.describe()).append('\n');
    try (ApplicationUnderBench application = new ApplicationUnderBench(database, 3996, arguments.toArray(String[]::new))) {
      JdbcClient jdbc = application.bean(JdbcClient.class);
      IdeaAnonymiser anonymiser = application.bean(IdeaAnonymiser.class);
      AgentErasure erasure = application.bean(AgentErasure.class);
      RetentionPeriods periods = application.bean(RetentionPeriods.class);
      report.append(String.format(Locale.ROOT, "Data set: %d ideas (%d closed, %d anonymised already), %d history variables, %d activity instances.%n%n",
          count(jdbc, "select count(*) from idea"), count(jdbc, "select count(*) from idea where closed_at is not null"),
          count(jdbc, "select count(*) from idea where anonymised_at is not null"),
          count(jdbc, "select count(*) from act_hi_varinst"), count(jdbc, "select count(*) from act_hi_actinst")));

      Instant now = Instant.now();
      List<Double> finds = new ArrayList<>();
      List<String> expired = List.of();
      for (int run = 0; run < 5; run++) {
        long started = System.nanoTime();
        expired = anonymiser.closedOnOrBefore(periods.closedIdeasCutoff(now), periods.batchSize());
        finds.add(millis(started));
      }
      report.append(String.format(Locale.ROOT, "The night's query (batch of %d, %d found): median %.1f ms of 5 runs.%n%n",
          periods.batchSize(), expired.size(), median(finds)));

      List<String> chosen = anonymiser.closedOnOrBefore(now, ideas);
      List<Double> perIdea = new ArrayList<>();
      long all = System.nanoTime();
      for (String reference : chosen) {
        long started = System.nanoTime();
        anonymiser.anonymise(reference, now);
        perIdea.add(millis(started));
      }
      double total = millis(all);
      Collections.sort(perIdea);
      report.append(String.format(Locale.ROOT, "| ideas anonymised | p50 ms | p95 ms | max ms | total s | ideas/s |%n|---|---|---|---|---|---|%n"
              + "| %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n%n", perIdea.size(), percentile(perIdea, 50),
          percentile(perIdea, 95), perIdea.isEmpty() ? 0 : perIdea.get(perIdea.size() - 1), total / 1000,
          perIdea.size() / (total / 1000)));

      // Agents of the directory who authored nothing: their erasure costs what every erasure
      // costs, the search for the agent across the whole history. (The data set's ideas all
      // come from a few demo people: erasing one of them means 100,000 ideas, not a real case.)
      List<String> named = jdbc.sql("select u.id_ from act_id_user u where not exists"
              + " (select 1 from idea i where i.ideator = u.id_) and u.id_ not in ('lea', 'paul', 'sophie', 'karim',"
              + " 'jeanne', 'marc', 'ines', 'hugo', 'admin') order by u.id_ limit :agents")
          .param("agents", agents).query(String.class).list();
      report.append("| agent erased | closed ideas | open ideas kept | ms |\n|---|---|---|---|\n");
      for (String agent : named) {
        long started = System.nanoTime();
        AgentErasure.Report done = erasure.erase(agent, "bench");
        report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f |%n", agent, done.closedIdeas(),
            done.openIdeasKept().size(), millis(started)));
      }
    }
    Path out = Path.of("target", "bench", "retention.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("Written to " + out);
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static double millis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return percentile(sorted, 50);
  }

  private static double percentile(List<Double> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
