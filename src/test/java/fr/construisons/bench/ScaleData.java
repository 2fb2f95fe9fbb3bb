package fr.construisons.bench;

import fr.construisons.organisation.OrganisationFile;
import fr.construisons.organisation.OrganisationFileGenerator;
import fr.construisons.organisation.OrganisationFileReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.io.ClassPathResource;

/**
 * Fills a PostgreSQL database with a national-scale history for the latency benchmark:
 * 5,000 agents in 20 directorates (plus the demo people, who log in), {@code --ideas} finished
 * ideas with their full Camunda history, and {@code --open} ideas waiting for their clarification
 * call (open tasks).
 *
 * <p>Driving 100,000 ideas through the engine would take hours, so {@code --templates} ideas are
 * driven for real along the four paths (with the application: delegates, mail, our tables), then
 * their rows — Camunda's history tables, the byte arrays of their variables, our {@code idea} and
 * {@code incubation_workstream} rows — are copied in SQL with fresh ids, a new reference and dates
 * moved back one day per copy, until the count is reached. Every copy is therefore a real
 * history, shaped exactly as the engine writes it.
 */
final class ScaleData {

  static final String DATABASE = "construisons_scale";
  static final Path ORGANISATION = Path.of("target", "bench", "organisation-scale.yml");

  /** History tables copied, and the columns holding ids of instances (suffixed in the copy). */
  private static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_decinst", "act_hi_dec_in",
      "act_hi_dec_out");
  private static final Set<String> INSTANCE_ID_COLUMNS = Set.of("id_", "proc_inst_id_", "execution_id_",
      "root_proc_inst_id_", "parent_act_inst_id_", "call_proc_inst_id_", "task_id_", "act_inst_id_",
      "super_process_instance_id_", "bytearray_id_", "byte_array_id_", "var_inst_id_", "dec_inst_id_",
      "root_dec_inst_id_", "process_instance_id_", "job_id_", "job_exception_stack_id_", "parent_task_id_",
      "scope_act_inst_id_", "activity_instance_id_", "case_inst_id_", "case_execution_id_");
  /** Copies carry "~n" at the end of their ids; the originals have none. */
  private static final String ORIGINAL = "not like '%~%'";

  private ScaleData() {}

  static void main(Map<String, String> options) throws Exception {
    int ideas = Integer.parseInt(options.getOrDefault("ideas", "100000"));
    int open = Integer.parseInt(options.getOrDefault("open", "5000"));
    int templates = Integer.parseInt(options.getOrDefault("templates", "100"));
    int agents = Integer.parseInt(options.getOrDefault("agents", "5000"));
    long started = System.nanoTime();

    // --resume yes: the database is there (history copied); only top up the open ideas.
    boolean resume = options.containsKey("resume");
    if (!resume) {
      writeOrganisation(agents);
    }
    BenchDatabase database = resume
        ? new BenchDatabase("postgres", BenchDatabase.PG_SERVER + DATABASE, BenchDatabase.PG_USER, "")
        : BenchDatabase.fresh("postgres", DATABASE);
    try (ApplicationUnderBench application = new ApplicationUnderBench(database, 3998,
        "--construisons.organisation.file=file:" + ORGANISATION.toAbsolutePath())) {
      PathDriver driver = new PathDriver(application.engine(), false);
      if (resume) {
        long already = application.engine().getTaskService().createTaskQuery().taskDefinitionKey("Task_ClarifyIdea").count();
        open = (int) Math.max(0, open - already);
        templates = 0;
      }
      if (templates > 0) {
        System.out.printf("Driving %d template ideas along the four paths%n", templates);
        parallel(templates, 4, i -> driver.drive(PathDriver.Path.values()[i % 4], i));
        application.takeMails();
        long copies = (ideas + templates - 1) / templates - 1;
        System.out.printf("Copying their history %d times%n", copies);
        try (Connection sql = DriverManager.getConnection(database.url(), database.user(), database.password())) {
          sql.setAutoCommit(true);
          for (long from = 1; from <= copies; from += 50) {
            long to = Math.min(copies, from + 49);
            copy(sql, from, to);
            System.out.printf("  copies %d to %d done%n", from, to);
          }
          try (Statement analyse = sql.createStatement()) {
            analyse.execute("analyze");
          }
        }
      }
      System.out.printf("Submitting %d ideas left open at the clarification call%n", open);
      List<String> directorates = List.of("education", "mobilites", "dsi", "rh", "dpm");
      int offset = resume ? 100_000 : 0;
      parallel(open, 4, i -> {
        driver.submitOnly("camille", directorates.get(i % directorates.size()), "Idée ouverte numéro " + (offset + i)
            + " pour les agents de terrain");
        if (i % 500 == 0) {
          application.takeMails();
        }
      });
      application.takeMails();
    }
    try (Connection sql = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement count = sql.createStatement()) {
      for (String query : List.of("select count(*) from idea", "select count(*) from idea where closed_at is not null",
          "select count(*) from act_ru_task", "select count(*) from act_hi_procinst", "select count(*) from act_hi_actinst",
          "select count(*) from act_hi_varinst", "select count(*) from act_hi_detail", "select count(*) from act_id_user",
          "select pg_size_pretty(pg_database_size(current_database()))")) {
        try (ResultSet rs = count.executeQuery(query)) {
          rs.next();
          System.out.printf(Locale.ROOT, "%-60s %s%n", query, rs.getString(1));
        }
      }
    }
    System.out.printf(Locale.ROOT, "Scale data set ready in %.0f s (database %s)%n", (System.nanoTime() - started) / 1e9, DATABASE);
  }

  /** The generated organisation and the demo people (who log in during the load test). */
  static void writeOrganisation(int agents) {
    OrganisationFile generated = OrganisationFileGenerator.generate(agents, 20, 42, "demo");
    OrganisationFile demo = OrganisationFileReader.read(new ClassPathResource("organisation/demo-organisation.yml"));
    List<OrganisationFile.AgentEntry> all = new ArrayList<>(generated.agents());
    Set<String> ids = generated.agentsById().keySet();
    demo.agents().stream().filter(a -> !ids.contains(a.id())).forEach(all::add);
    OrganisationFileGenerator.write(new OrganisationFile(generated.source(), generated.innovationDirectorate(),
        generated.directorates(), all), ORGANISATION);
  }

  /** Copies {@code from}..{@code to} of every template idea's rows. */
  private static void copy(Connection sql, long from, long to) throws Exception {
    String series = " cross join generate_series(" + from + ", " + to + ") as copy(n)";
    try (Statement statement = sql.createStatement()) {
      statement.execute("insert into act_ge_bytearray (" + columns(sql, "act_ge_bytearray", null) + ") select "
          + columns(sql, "act_ge_bytearray", "t") + " from act_ge_bytearray t" + series
          + " where t.deployment_id_ is null and t.id_ " + ORIGINAL);
      for (String table : HISTORY_TABLES) {
        statement.execute("insert into " + table + " (" + columns(sql, table, null) + ") select "
            + columns(sql, table, "t") + " from " + table + " t" + series + " where t.id_ " + ORIGINAL);
      }
      statement.execute("insert into idea (" + columns(sql, "idea", null) + ") select " + columns(sql, "idea", "t")
          + " from idea t" + series + " where t.reference like 'CONS-%'");
      statement.execute("insert into incubation_workstream (" + columns(sql, "incubation_workstream", null)
          + ") select " + columns(sql, "incubation_workstream", "t") + " from incubation_workstream t" + series
          + " where t.idea_reference like 'CONS-%'");
    }
  }

  /** The column list of a table, or (with an alias) the expressions that copy each column. */
  private static String columns(Connection sql, String table, String alias) throws Exception {
    List<String> result = new ArrayList<>();
    try (ResultSet rs = sql.getMetaData().getColumns(null, "public", table, null)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
        String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
        if (table.equals("incubation_workstream") && column.equals("id")) {
          continue;
        }
        if (alias == null) {
          result.add(column);
        } else if (INSTANCE_ID_COLUMNS.contains(column) || column.equals("process_instance_id")) {
          // Ids are at most 64 characters (activity instance ids are "Activity:uuid"): the end of
          // a long one gives way to the copy's number, the same way wherever the id appears.
          result.add("left(" + alias + "." + column + ", 58) || '~' || copy.n");
        } else if (column.equals("business_key_") || column.equals("reference") || column.equals("idea_reference")) {
          result.add("case when " + alias + "." + column + " like 'CONS-%' then 'C' || copy.n || '-' || " + alias + "."
              + column + " else " + alias + "." + column + " end");
        } else if (type.startsWith("timestamp")) {
          result.add(alias + "." + column + " - copy.n * interval '1 day'");
        } else {
          result.add(alias + "." + column);
        }
      }
    }
    return String.join(", ", result);
  }

  interface Step {
    void run(int index) throws Exception;
  }

  static void parallel(int count, int threads, Step step) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          step.run(i);
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
  }
}
