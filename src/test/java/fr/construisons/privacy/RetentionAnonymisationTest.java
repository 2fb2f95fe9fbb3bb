package fr.construisons.privacy;

import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.TEAM_MEMBER;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.dashboard.Dashboard;
import fr.construisons.dashboard.DashboardQueries;
import fr.construisons.dashboard.YearFilter;
import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaService;
import fr.construisons.idea.IdeaStage;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.ideabox.IdeaComments;
import fr.construisons.ideabox.IdeaSupports;
import fr.construisons.ideabox.IdeaTimeline;
import fr.construisons.privacy.retention.Retention;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly retention process, with the engine's clock: the day before an idea's period is
 * over nothing changes; the day after, nobody is named in it any more, in our tables or anywhere
 * in the engine's tables (every column of every row of the idea's instances is read), while the
 * idea box, the public timeline and the dashboard show the same as before.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class RetentionAnonymisationTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Everybody the scenarios involve, as the engine and our tables name them. */
  private static final List<String> PEOPLE = List.of("camille", "lea", "paul", "sophie", "karim", "jeanne",
      "marc", "ines", "hugo");
  /** Their names and mail addresses, and the private words written about the ideas. */
  private static final List<String> PRIVATE_TEXTS = List.of("Camille Martin", "Léa Durand", "Paul Bernard",
      "Sophie Petit", "Karim Roux", "Jeanne Moreau", "Marc Fontaine", "Inès Garcia", "Hugo Lambert",
      "@departement.example",
      "Appel du 3 décembre", // clarification notes
      "Idée utile à tous les sites", // DG's review comment
      "Hors période de rentrée scolaire", // the manager's conditions
      "Janvier : cadrage", // milestones
      "Livrable du volet", // the intrapreneur's deliverables
      "Analyse solide", // experts' comments
      "Je change de service", // the agent's withdrawal reason
      "Rappeler l'agent lundi", // a comment on a task in Tasklist
      "Excellente idée pour le collège Stendhal"); // an agent's comment in the idea box

  @Autowired IdeaScenario scenario;
  @Autowired IdeaService ideas;
  @Autowired IdeaComments comments;
  @Autowired IdeaSupports supports;
  @Autowired IdeaTimeline timeline;
  @Autowired DashboardQueries dashboards;
  @Autowired PersonalDataLog log;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void theDayAfterItsPeriodAClosedIdeaNamesNobodyAnyMoreAndTheIdeaBoxAndDashboardShowTheSame() {
    // Four years ago, two ideas closed: one implemented after incubation, one withdrawn.
    Instant fourYearsAgo = Instant.now().atZone(PARIS).minusYears(4).toInstant();
    ClockUtil.setCurrentTime(Date.from(fourYearsAgo));
    Map<String, Object> form = new HashMap<>(ideaForm(true, "education"));
    form.put(IdeaLifecycle.SHOW_IDEATOR_NAME.name(), true);
    ProcessInstance implemented = scenario.submit(AGENT, form);
    String reference = idea(implemented).reference();
    scenario.runJobs();
    String clarification = scenario.task(implemented, TASK_CLARIFY_IDEA).getId();
    identity.setAuthentication(TEAM_MEMBER, scenario.groupsOf(TEAM_MEMBER));
    try {
      tasks.createComment(clarification, implemented.getId(),
          "Rappeler l'agent lundi, Camille Martin préfère le matin.");
    } finally {
      identity.clearAuthentication();
    }
    supports.set(reference, "karim", true);
    supports.set(reference, TEAM_MEMBER, true);
    comments.add(reference, "karim", "Excellente idée pour le collège Stendhal.");
    scenario.implement(scenario.incubated(implemented));

    ProcessInstance withdrawn = scenario.submit(AGENT, ideaForm(false, "dsi"));
    scenario.runJobs();
    String withdrawnReference = idea(withdrawn).reference();
    ProcessInstance withdrawal = scenario.startAs(AGENT, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(
        IdeaLifecycle.IDEA_REFERENCE.name(), withdrawnReference,
        IdeaLifecycle.WITHDRAWAL_REASON.name(), "Je change de service le mois prochain."));
    scenario.runJobs();
    assertThat(idea(reference).stage()).isEqualTo(IdeaStage.IMPLEMENTED);
    assertThat(idea(withdrawnReference).stage()).isEqualTo(IdeaStage.WITHDRAWN);
    List<String> instances = List.of(implemented.getId(), withdrawn.getId(), withdrawal.getId());
    assertThat(findings(instances, List.of(reference, withdrawnReference)))
        .as("the scenario does name people, or this test would prove nothing")
        .anyMatch(f -> f.contains("'camille'")).anyMatch(f -> f.contains("Je change de service"))
        .anyMatch(f -> f.contains("Analyse solide")).anyMatch(f -> f.contains("ACT_HI_COMMENT"));

    int year = fourYearsAgo.atZone(PARIS).getYear();
    Dashboard before = dashboards.dashboard(new YearFilter(year));
    List<IdeaTimeline.Step> timelineBefore = timeline.of(idea(reference));
    Instant closedAt = idea(reference).closedAt();
    Idea published = idea(reference);
    // An entry of the log of rights older than its period (five years), and a recent one.
    jdbc.sql("insert into personal_data_log (happened_at, actor, agent, action, detail) values (?, 'camille', 'camille', 'DATA_EXPORTED', 'retention-test')")
        .param(Timestamp.from(fourYearsAgo.atZone(PARIS).minusYears(2).toInstant())).update();
    log.record(AGENT, AGENT, PersonalDataLog.Action.DATA_EXPORTED, "retention-test-recent");

    // The night before the end of the period (three years): nothing changes.
    ClockUtil.setCurrentTime(Date.from(closedAt.atZone(PARIS).plusYears(3).minusDays(1).toInstant()));
    HistoricProcessInstance firstNight = runTheNightlyRetention();
    assertThat(expiredIdeasOf(firstNight)).doesNotContain(reference, withdrawnReference);
    assertThat(idea(reference).ideator()).isEqualTo(AGENT);
    assertThat(idea(reference).ideatorNameShown()).isTrue();
    assertThat(comments.of(reference)).hasSize(1);

    // The night after: both ideas are anonymised.
    ClockUtil.setCurrentTime(Date.from(closedAt.atZone(PARIS).plusYears(3).plusDays(1).toInstant()));
    HistoricProcessInstance secondNight = runTheNightlyRetention();
    assertThat(expiredIdeasOf(secondNight)).contains(reference, withdrawnReference);
    assertThat(activitiesOf(secondNight)).contains(Retention.Elements.TASK_FIND_EXPIRED_IDEAS,
        Retention.Elements.TASK_ANONYMISE_IDEA, Retention.Elements.TASK_PURGE_PERSONAL_DATA_LOG,
        Retention.Elements.END_RETENTION_APPLIED);

    assertThat(findings(instances, List.of(reference, withdrawnReference)))
        .as("people or private words left in our tables or the engine's").isEmpty();
    Idea anonymised = idea(reference);
    assertThat(anonymised.ideator()).isEqualTo(IdeaAnonymiser.ANONYMOUS);
    assertThat(anonymised.ideatorNameShown()).as("no name to show").isFalse();
    assertThat(List.of(anonymised.title(), anonymised.problem(), anonymised.solution(), anonymised.stage()))
        .as("the idea's public content").isEqualTo(List.of(published.title(), published.problem(),
            published.solution(), published.stage()));
    assertThat(idea(withdrawnReference).closingReason()).as("the agent's own words").isNull();
    assertThat(supports.count(reference)).as("supports still counted").isEqualTo(2);
    assertThat(comments.of(reference)).as("comments are their authors' words").isEmpty();
    assertThat(jdbc.sql("select count(*) from incubation_workstream where idea_reference = ? and expert <> ?")
        .param(reference).param(IdeaAnonymiser.ANONYMOUS).query(Long.class).single()).isZero();

    // What the scheme publishes and counts is the same.
    assertThat(timeline.of(idea(reference))).isEqualTo(timelineBefore);
    Dashboard after = dashboards.dashboard(new YearFilter(year));
    assertThat(after.funnel()).isEqualTo(before.funnel());
    assertThat(after.directorates()).isEqualTo(before.directorates());
    assertThat(after.months()).isEqualTo(before.months());
    assertThat(after.durations()).isEqualTo(before.durations());

    // The log of rights keeps five years.
    assertThat(log.of(AGENT)).extracting(PersonalDataLog.Entry::detail)
        .contains("retention-test-recent").doesNotContain("retention-test");

    // A third night finds nothing more to do for these ideas.
    ClockUtil.setCurrentTime(Date.from(closedAt.atZone(PARIS).plusYears(3).plusDays(2).toInstant()));
    assertThat(expiredIdeasOf(runTheNightlyRetention())).doesNotContain(reference, withdrawnReference);

    // The idea box stays open: somebody supporting or commenting the old idea later is taken out
    // the next night too, and the count keeps them.
    supports.set(reference, "marc", true);
    comments.add(reference, "marc", "Excellente idée pour le collège Stendhal, encore aujourd'hui.");
    ClockUtil.setCurrentTime(Date.from(closedAt.atZone(PARIS).plusYears(3).plusDays(3).toInstant()));
    assertThat(expiredIdeasOf(runTheNightlyRetention())).contains(reference).doesNotContain(withdrawnReference);
    assertThat(findings(instances, List.of(reference, withdrawnReference))).isEmpty();
    assertThat(supports.count(reference)).isEqualTo(3);
    assertThat(comments.of(reference)).isEmpty();
  }

  /** Fires the nightly timer as the job executor would, then the jobs it creates (one per idea). */
  private HistoricProcessInstance runTheNightlyRetention() {
    Job timer = management.createJobQuery().processDefinitionKey(Retention.PROCESS_KEY).timers().singleResult();
    assertThat(timer).as("the nightly timer is scheduled").isNotNull();
    management.executeJob(timer.getId());
    scenario.runJobs();
    HistoricProcessInstance night = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(Retention.PROCESS_KEY).orderByProcessInstanceStartTime().desc().list().get(0);
    assertThat(night.getEndTime()).as("the night's run finished").isNotNull();
    return night;
  }

  private List<String> expiredIdeasOf(HistoricProcessInstance night) {
    var variable = history.createHistoricVariableInstanceQuery().processInstanceId(night.getId())
        .variableName(Retention.EXPIRED_IDEAS.name()).singleResult();
    return variable == null ? List.of() : List.of(variable.getValue().toString()
        .replaceAll("[\\[\\]\" ]", "").split(","));
  }

  private List<String> activitiesOf(HistoricProcessInstance night) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(night.getId()).list().stream()
        .map(a -> a.getActivityId()).toList();
  }

  private Idea idea(ProcessInstance instance) {
    return ideas.find(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey()).orElseThrow();
  }

  private Idea idea(String reference) {
    return ideas.find(reference).orElseThrow();
  }

  /**
   * Every person's id (a whole value) and every private text (anywhere in a value, binary values
   * read as UTF-8) in: each engine table's rows of these root instances (all tables with
   * ROOT_PROC_INST_ID_, history and byte arrays included), and our tables' rows of these ideas.
   */
  private List<String> findings(List<String> roots, List<String> references) {
    List<String> findings = new ArrayList<>();
    // H2 names tables in upper case, PostgreSQL in lower case.
    List<String> engineTables = jdbc.sql("select upper(table_name) from information_schema.columns"
            + " where upper(column_name) = 'ROOT_PROC_INST_ID_' and upper(table_schema) = 'PUBLIC' order by 1")
        .query(String.class).list();
    assertThat(engineTables).contains("ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY");
    for (String table : engineTables) {
      jdbc.sql("select * from " + table + " where ROOT_PROC_INST_ID_ in (:roots)").param("roots", roots)
          .query().listOfRows().forEach(row -> scan(table, row, findings));
    }
    for (String table : List.of("idea", "idea_support", "idea_comment", "incubation_workstream")) {
      String column = table.equals("idea") ? "reference" : "idea_reference";
      jdbc.sql("select * from " + table + " where " + column + " in (:refs)").param("refs", references)
          .query().listOfRows().forEach(row -> scan(table, row, findings));
    }
    return findings;
  }

  private static void scan(String table, Map<String, Object> row, List<String> findings) {
    row.forEach((column, value) -> {
      String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
          : value instanceof String string ? string : null;
      if (text == null) {
        return;
      }
      if (PEOPLE.contains(text) || PEOPLE.stream().anyMatch(id -> text.contains("\"" + id + "\""))) {
        findings.add(table + "." + column + " = '" + text + "'");
      }
      PRIVATE_TEXTS.stream().filter(text::contains)
          .forEach(found -> findings.add(table + "." + column + " holds « " + found + " »: " + text));
    });
  }
}
