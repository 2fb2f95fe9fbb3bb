package fr.construisons.dashboard;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.dashboard.Dashboard.DirectorateCount;
import fr.construisons.dashboard.Dashboard.FunnelCount;
import fr.construisons.dashboard.Dashboard.MonthCount;
import fr.construisons.dashboard.Dashboard.OverdueCount;
import fr.construisons.dashboard.Dashboard.OverdueStep;
import fr.construisons.dashboard.Dashboard.StepDuration;
import fr.construisons.dashboard.WatchedSteps.WatchedStep;
import fr.construisons.idea.IdeaStage;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.process.Deadlines;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures: ideas from the catalogue ({@code idea}), steps from Camunda's history
 * of activity instances, joined on the idea's process instance (the root of its incubation too).
 * Nothing is copied: the history is the record of who did what when. Aggregates are computed by
 * the database (percentiles with {@code percentile_cont}, standard SQL that H2 and PostgreSQL
 * both know), so the page stays cheap with tens of thousands of ideas.
 *
 * <p>Read only. The idea module owns {@code idea} and every write to it; these reporting joins stay
 * here rather than in {@code idea/IdeaRepository} because they are the dashboard's figures (year
 * filters, funnel steps over the engine's history): moved there, the catalogue's owner would
 * carry another module's page and read the engine's tables.
 */
@Service
public class DashboardQueries {

  static final long DAY_MILLIS = 86_400_000L;
  /** As the history stores it: a task ended by a withdrawal (or a timebox's end) was not done. */
  static final int CANCELED = ActivityInstanceState.CANCELED.getStateCode();
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

  private final JdbcClient jdbc;
  private final OrganisationDirectory organisation;
  private final Deadlines deadlines;
  private final String activities;
  private final IdeaRepository catalogue;
  private final WatchedSteps watched;

  public DashboardQueries(JdbcClient jdbc, OrganisationDirectory organisation, Deadlines deadlines,
      ManagementService management, IdeaRepository catalogue, WatchedSteps watched) {
    this.jdbc = jdbc;
    this.watched = watched;
    this.catalogue = catalogue;
    this.organisation = organisation;
    this.deadlines = deadlines;
    // With the table prefix the engine may be configured with.
    this.activities = management.getTableName(HistoricActivityInstance.class);
  }

  public Dashboard dashboard(YearFilter filter) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<OverdueStep> overdue = overdue(filter, now);
    return new Dashboard(filter, years(), funnel(filter), perDirectorate(filter), perMonth(filter),
        durations(filter), overdueCounts(overdue), overdue, now);
  }

  /** Years that have ideas, newest first. */
  public List<Integer> years() {
    return catalogue.submissionYears();
  }

  List<FunnelCount> funnel(YearFilter filter) {
    long submitted = jdbc.sql("select count(*) from idea i where 1 = 1" + filter.condition())
        .params(filter.parameters()).query(Long.class).single();
    List<FunnelCount> funnel = new ArrayList<>();
    for (FunnelStep step : FunnelStep.values()) {
      long ideas = step == FunnelStep.SUBMITTED ? submitted : reaching(filter, step);
      funnel.add(new FunnelCount(step, ideas, submitted == 0 ? 0 : (int) Math.round(100.0 * ideas / submitted)));
    }
    return funnel;
  }

  private long reaching(YearFilter filter, FunnelStep step) {
    String sql = "select count(distinct i.reference) from idea i"
        + " join " + activities + " h on h.root_proc_inst_id_ = i.process_instance_id"
        + " where h.proc_def_key_ = :process and h.act_id_ in (:activityIds)"
        + (step.mustBeCompleted() ? " and h.end_time_ is not null and h.act_inst_state_ <> " + CANCELED : "")
        + filter.condition();
    return jdbc.sql(sql).params(filter.parameters())
        .param("process", step.processKey())
        .param("activityIds", step.activityIds())
        .query(Long.class).single();
  }

  List<DirectorateCount> perDirectorate(YearFilter filter) {
    return jdbc.sql("select i.ideator_directorate, count(*) from idea i where 1 = 1" + filter.condition()
            + " group by i.ideator_directorate")
        .params(filter.parameters())
        .query((rs, row) -> new DirectorateCount(rs.getString(1), directorateName(rs.getString(1)), rs.getLong(2)))
        .list().stream()
        .sorted(Comparator.comparingLong(DirectorateCount::ideas).reversed()
            .thenComparing(DirectorateCount::name, java.text.Collator.getInstance(Locale.FRENCH)))
        .toList();
  }

  /** Every month of the year (empty ones too), or from the first to the last month with ideas. */
  List<MonthCount> perMonth(YearFilter filter) {
    Map<YearMonth, Long> counts = new HashMap<>();
    jdbc.sql("select extract(year from i.submitted_at), extract(month from i.submitted_at), count(*)"
            + " from idea i where 1 = 1" + filter.condition()
            + " group by extract(year from i.submitted_at), extract(month from i.submitted_at)")
        .params(filter.parameters())
        .query((rs, row) -> counts.put(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getLong(3)))
        .list();
    YearMonth first;
    YearMonth last;
    if (!filter.allYears()) {
      first = YearMonth.of(filter.year(), 1);
      last = YearMonth.of(filter.year(), 12);
    } else if (counts.isEmpty()) {
      return List.of();
    } else {
      first = counts.keySet().stream().min(Comparator.naturalOrder()).orElseThrow();
      last = counts.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
    }
    List<MonthCount> months = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      months.add(new MonthCount(month, MONTH.format(month), counts.getOrDefault(month, 0L)));
    }
    return months;
  }

  /** Finished (not cancelled) steps: how many, median and 90th percentile of their duration. */
  List<StepDuration> durations(YearFilter filter) {
    Map<TimedStep, StepDuration> found = new HashMap<>();
    jdbc.sql("select h.proc_def_key_, h.act_id_, count(*),"
            + " percentile_cont(0.5) within group (order by h.duration_),"
            + " percentile_cont(0.9) within group (order by h.duration_)"
            + " from idea i join " + activities + " h on h.root_proc_inst_id_ = i.process_instance_id"
            + " where h.act_id_ in (:activityIds) and h.end_time_ is not null and h.act_inst_state_ <> " + CANCELED
            + filter.condition()
            + " group by h.proc_def_key_, h.act_id_")
        .params(filter.parameters())
        .param("activityIds", Arrays.stream(TimedStep.values()).map(TimedStep::activityId).distinct().toList())
        .query((rs, row) -> {
          var step = TimedStep.of(rs.getString(1), rs.getString(2));
          if (step.isPresent()) {
            found.put(step.get(), new StepDuration(step.get(), rs.getLong(3), rs.getDouble(4) / DAY_MILLIS,
                rs.getDouble(5) / DAY_MILLIS));
          }
          return row;
        })
        .list();
    return Arrays.stream(TimedStep.values()).filter(found::containsKey).map(found::get).toList();
  }

  /**
   * Steps still waiting past their reminder's date, the longest waiting first: the open user tasks
   * whose model (of their own version) watches them with a deadline timer ({@link WatchedSteps}).
   * Late once the reminder is due, not the escalation: the reminder is when someone is chased.
   */
  List<OverdueStep> overdue(YearFilter filter, Instant now) {
    record Open(String reference, String title, String definition, String activity, Instant since) {}
    List<Open> open = jdbc.sql("select i.reference, i.title, h.proc_def_id_, h.act_id_, h.start_time_"
            + " from idea i join " + activities + " h on h.root_proc_inst_id_ = i.process_instance_id"
            + " where h.act_type_ = 'userTask' and h.end_time_ is null" + filter.condition()
            + " order by h.start_time_, i.reference")
        .params(filter.parameters())
        .query((rs, row) -> new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
    // The models are read once the rows are in (a first read of a definition takes its own
    // connection): never while the query holds one.
    List<OverdueStep> overdue = new ArrayList<>();
    for (Open task : open) {
      watched.of(task.definition(), task.activity()).ifPresent(step -> {
        Instant due = Deadlines.workingDaysAfter(task.since(), deadlines.settings().days(step.deadline()));
        if (now.isAfter(due)) {
          overdue.add(new OverdueStep(task.reference(), task.title(), step, task.since(), due));
        }
      });
    }
    return overdue;
  }

  /**
   * Per watched step of the latest models (all of them, zero included), and of any older version
   * still late, how many are late.
   */
  List<OverdueCount> overdueCounts(List<OverdueStep> overdue) {
    Map<String, WatchedStep> steps = new LinkedHashMap<>();
    for (WatchedStep step : watched.latest()) {
      steps.putIfAbsent(step.processKey() + "/" + step.activityId(), step);
    }
    overdue.forEach(o -> steps.putIfAbsent(o.step().processKey() + "/" + o.step().activityId(), o.step()));
    return steps.values().stream().sorted(WatchedSteps.ORDER)
        .map(step -> new OverdueCount(step, deadlines.settings().days(step.deadline()),
            overdue.stream().filter(o -> o.step().processKey().equals(step.processKey())
                && o.step().activityId().equals(step.activityId())).count()))
        .toList();
  }

  // For the CSV exports: rows streamed from the database, never all held in memory.

  /** One idea of the catalogue as the yearly report lists it. */
  public record IdeaRow(String reference, String title, String directorate, IdeaStage stage,
      Instant submittedAt, Instant closedAt, String closingReason) {}

  public interface RowConsumer<T> {
    void accept(T row) throws java.io.IOException;
  }

  public void eachIdea(YearFilter filter, RowConsumer<IdeaRow> consumer) {
    jdbc.sql("select i.reference, i.title, i.ideator_directorate, i.stage, i.submitted_at, i.closed_at,"
            + " i.closing_reason from idea i where 1 = 1" + filter.condition()
            + " order by i.submitted_at, i.reference")
        .params(filter.parameters())
        .query((RowCallbackHandler) rs -> {
          consume(consumer, new IdeaRow(rs.getString(1), rs.getString(2), directorateName(rs.getString(3)),
              IdeaStage.valueOf(rs.getString(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
              rs.getString(7)));
        });
  }

  /** One step of one idea from the history; ended and duration are null while it runs. */
  public record StepRow(String reference, TimedStep step, Instant startedAt, Instant endedAt,
      Double durationDays, boolean canceled) {}

  public void eachStep(YearFilter filter, RowConsumer<StepRow> consumer) {
    jdbc.sql("select i.reference, h.proc_def_key_, h.act_id_, h.start_time_, h.end_time_, h.duration_,"
            + " h.act_inst_state_ from idea i join " + activities + " h on h.root_proc_inst_id_ = i.process_instance_id"
            + " where h.act_id_ in (:activityIds)" + filter.condition()
            + " order by i.submitted_at, i.reference, h.start_time_, h.id_")
        .params(filter.parameters())
        .param("activityIds", Arrays.stream(TimedStep.values()).map(TimedStep::activityId).distinct().toList())
        .query((RowCallbackHandler) rs -> {
          var step = TimedStep.of(rs.getString(2), rs.getString(3));
          if (step.isPresent()) {
            long duration = rs.getLong(6);
            boolean finished = !rs.wasNull() && rs.getTimestamp(5) != null;
            consume(consumer, new StepRow(rs.getString(1), step.get(), instant(rs.getTimestamp(4)),
                instant(rs.getTimestamp(5)), finished ? (double) duration / DAY_MILLIS : null,
                rs.getInt(7) == CANCELED));
          }
        });
  }

  private static <T> void consume(RowConsumer<T> consumer, T row) {
    try {
      consumer.accept(row);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  String directorateName(String code) {
    return organisation.directorateName(code);
  }
}
