package fr.construisons.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Offset.offset;

import fr.construisons.dashboard.Dashboard.DirectorateCount;
import fr.construisons.dashboard.Dashboard.FunnelCount;
import fr.construisons.dashboard.Dashboard.MonthCount;
import fr.construisons.dashboard.Dashboard.OverdueCount;
import fr.construisons.dashboard.Dashboard.OverdueStep;
import fr.construisons.dashboard.Dashboard.StepDuration;
import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every figure of the dashboard for the known year of {@link SeededYear}: counts from the
 * catalogue, steps and durations from Camunda's history, lateness against the timers' deadlines.
 */
@ProcessTest
class DashboardFiguresTest {

  static final double EXACT = 1e-6;

  @Autowired DashboardQueries queries;
  @Autowired IdeaScenario scenario;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  /** Seeds the year before each test and puts the engine clock back after it. */
  @RegisterExtension final SeededYear.Seeding year = new SeededYear.Seeding();

  private Dashboard dashboardAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
    return queries.dashboard(new YearFilter(SeededYear.YEAR));
  }

  @Test
  void theFunnelCountsTheIdeasThatReachedEachStep() {
    Dashboard dashboard = dashboardAt(SeededYear.NOW);

    assertThat(dashboard.funnel()).extracting(FunnelCount::step, FunnelCount::ideas, FunnelCount::percentOfSubmitted)
        .containsExactly(
            tuple(FunnelStep.SUBMITTED, 6L, 100),
            tuple(FunnelStep.CLARIFIED, 5L, 83),
            tuple(FunnelStep.REVIEWED, 5L, 83),
            tuple(FunnelStep.EXPERIMENTED, 1L, 17),
            tuple(FunnelStep.STUDIED, 2L, 33),   // D, and E before its incubation
            tuple(FunnelStep.FORWARDED, 2L, 33),
            tuple(FunnelStep.INCUBATED, 1L, 17),
            tuple(FunnelStep.IMPLEMENTED, 2L, 33)); // C's generalised experiment and E
    assertThat(dashboard.submitted()).isEqualTo(6);
  }

  @Test
  void ideasPerDirectorateOfTheAuthorAndPerMonthOfSubmission() {
    Dashboard dashboard = dashboardAt(SeededYear.NOW);

    assertThat(dashboard.directorates()).extracting(DirectorateCount::code, DirectorateCount::name, DirectorateCount::ideas)
        .containsExactly(
            tuple("education", "Direction de l'éducation", 3L),
            tuple("dsi", "Direction des systèmes d'information", 2L),
            tuple("mobilites", "Direction des mobilités", 1L));
    assertThat(dashboard.months()).extracting(MonthCount::month)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(2031, m)).toList());
    assertThat(dashboard.months()).extracting(MonthCount::ideas)
        .containsExactly(0L, 0L, 3L, 2L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(dashboard.months().get(2).label()).isEqualTo("mars 2031");
  }

  @Test
  void medianAndNinetiethPercentileOfEachFinishedStepInDays() {
    Dashboard dashboard = dashboardAt(SeededYear.NOW);

    // Linear interpolation between ranks (percentile_cont): 1,2,3,4,10 → median 3, p90 4 + 0.6 × 6.
    assertDuration(dashboard, TimedStep.CLARIFICATION, 5, 3.0, 7.6);
    assertDuration(dashboard, TimedStep.SCORING, 5, 2.0, 4.2);          // 1,1,2,3,5
    assertDuration(dashboard, TimedStep.ORIENTATION, 5, 1.0, 1.0);
    assertDuration(dashboard, TimedStep.TAKE_UP, 2, 4.0, 4.8);          // 3,5
    assertDuration(dashboard, TimedStep.EXPERIMENT, 1, 30.0, 30.0);
    assertDuration(dashboard, TimedStep.FEASIBILITY_STUDY, 2, 8.5, 9.7); // 7,10
    assertDuration(dashboard, TimedStep.MANAGER_AGREEMENT, 1, 4.0, 4.0);
    assertDuration(dashboard, TimedStep.INCUBATION, 1, 4.0, 4.0);
    assertDuration(dashboard, TimedStep.WORKSTREAM, 4, 0.0, 0.0);
    // F's clarification call is not finished; nobody reformulated or mediated.
    assertThat(dashboard.durations()).extracting(StepDuration::step)
        .containsExactly(TimedStep.CLARIFICATION, TimedStep.SCORING, TimedStep.ORIENTATION, TimedStep.EXPERIMENT,
            TimedStep.EXPERIMENT_ASSESSMENT, TimedStep.FEASIBILITY_STUDY, TimedStep.TAKE_UP, TimedStep.INCUBATION,
            TimedStep.MANAGER_AGREEMENT, TimedStep.PROJECT_TEAM, TimedStep.WORKSTREAM, TimedStep.WORKSTREAM_REVIEW,
            TimedStep.IMPLEMENTATION_DECISION, TimedStep.IMPLEMENTATION);
  }

  private static void assertDuration(Dashboard dashboard, TimedStep step, long finished, double median, double p90) {
    StepDuration duration = dashboard.durations().stream().filter(d -> d.step() == step).findFirst()
        .orElseThrow(() -> new AssertionError("No duration for " + step + " in " + dashboard.durations()));
    assertThat(duration.finished()).as(step + " finished").isEqualTo(finished);
    assertThat(duration.medianDays()).as(step + " median").isCloseTo(median, offset(EXACT));
    assertThat(duration.p90Days()).as(step + " p90").isCloseTo(p90, offset(EXACT));
  }

  @Test
  void aStepWaitingPastItsTimersDeadlineIsLate() {
    Dashboard dashboard = dashboardAt(SeededYear.NOW);

    // Every step a deadline watches in the latest models, late or not, in the dashboard's order.
    assertThat(dashboard.overdueCounts()).extracting(c -> c.step().activityId(), OverdueCount::label,
            OverdueCount::reminderWorkingDays, OverdueCount::overdue)
        .startsWith(
            tuple(TimedStep.CLARIFICATION.activityId(), TimedStep.CLARIFICATION.label(), 5, 1L),
            tuple(TimedStep.REFORMULATION.activityId(), TimedStep.REFORMULATION.label(), 10, 0L),
            tuple(TimedStep.SCORING.activityId(), TimedStep.SCORING.label(), 10, 0L))
        .contains(
            tuple(TimedStep.TAKE_UP.activityId(), TimedStep.TAKE_UP.label(), 15, 0L),
            tuple(TimedStep.MANAGER_AGREEMENT.activityId(), TimedStep.MANAGER_AGREEMENT.label(), 5, 0L));
    assertThat(dashboard.overdueCounts()).extracting(c -> c.step().activityId())
        .as("the steps of both models with a deadline timer, the incubation as a whole has none")
        .hasSize(16).doesNotContain(TimedStep.INCUBATION.activityId()).contains("Task_DecideOnTimebox");
    assertThat(dashboard.overdue()).extracting(OverdueStep::reference, OverdueStep::title, o -> o.step().activityId(),
            OverdueStep::since, OverdueStep::due)
        .containsExactly(tuple(year.ideas().f(), "Composteurs dans les cantines", TimedStep.CLARIFICATION.activityId(),
            SeededYear.F_SUBMITTED, SeededYear.F_DUE));
  }

  @Test
  void lateOnlyOnceTheWorkingDaysOfTheTimerHavePassed() {
    // Submitted on Tuesday 10 June 2031 at 9:00; five working days later is Tuesday 17 June, 9:00.
    assertThat(dashboardAt(SeededYear.F_DUE.minus(Duration.ofMinutes(1))).overdue()).isEmpty();
    assertThat(dashboardAt(SeededYear.F_DUE.plus(Duration.ofMinutes(1))).overdue())
        .extracting(OverdueStep::reference).containsExactly(year.ideas().f());
  }

  @Test
  void anotherYearCountsNoneOfThem() {
    Dashboard empty = dashboardAt(SeededYear.NOW.minus(Duration.ofDays(365)));
    ClockUtil.setCurrentTime(Date.from(SeededYear.NOW));
    Dashboard year2030 = queries.dashboard(new YearFilter(2030));

    assertThat(year2030.funnel()).allSatisfy(f -> assertThat(f.ideas()).isZero());
    assertThat(year2030.directorates()).isEmpty();
    assertThat(year2030.durations()).isEmpty();
    assertThat(year2030.months()).hasSize(12).allSatisfy(m -> assertThat(m.ideas()).isZero());
    // Every year together holds the seeded ones too (other tests add theirs).
    Dashboard all = queries.dashboard(new YearFilter(null));
    assertThat(all.submitted()).isGreaterThanOrEqualTo(6);
    assertThat(all.years()).contains(2031);
    assertThat(all.months()).extracting(MonthCount::month).contains(YearMonth.of(2031, 3));
    assertThat(empty.overdue()).isEmpty();
  }

  @Test
  void aClarificationCallCancelledByAWithdrawalWasNotMadeNorTimed() {
    // 2032 is this test's own year: one idea, withdrawn two days after its submission.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-02-02T09:00:00Z")));
    ProcessInstance idea = scenario.submit(IdeaScenario.AGENT, IdeaScenario.ideaForm(false, "rh"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-02-04T09:00:00Z")));
    scenario.startAs(IdeaScenario.AGENT, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(
        IdeaLifecycle.IDEA_REFERENCE.name(), idea.getBusinessKey(),
        IdeaLifecycle.WITHDRAWAL_REASON.name(), "Je change de service."));
    scenario.runJobs();

    Dashboard dashboard = queries.dashboard(new YearFilter(2032));
    assertThat(dashboard.funnel()).extracting(FunnelCount::ideas).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(dashboard.durations()).isEmpty();
    assertThat(dashboard.overdue()).isEmpty();
    List<DashboardQueries.StepRow> steps = new ArrayList<>();
    queries.eachStep(new YearFilter(2032), steps::add);
    assertThat(steps).singleElement().satisfies(step -> {
      assertThat(step.reference()).isEqualTo(idea.getBusinessKey());
      assertThat(step.step()).isEqualTo(TimedStep.CLARIFICATION);
      assertThat(step.canceled()).isTrue();
      assertThat(step.endedAt()).isEqualTo(Instant.parse("2032-02-04T09:00:00Z"));
    });
  }

  @Test
  void summariesForTheChartsSayWhatTheyShow() {
    Dashboard dashboard = dashboardAt(SeededYear.NOW);

    assertThat(dashboard.funnelSummary()).startsWith("Parcours des idées déposées en 2031 : déposées 6, appel de clarification fait 5,");
    assertThat(dashboard.directorateSummary()).contains("Direction de l'éducation 3");
    assertThat(dashboard.monthSummary()).contains("le mois le plus chargé est mars 2031 avec 3 idées");
    assertThat(dashboard.yearChoices()).contains(2031).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // A year without ideas is still offered while it is shown.
    ClockUtil.setCurrentTime(Date.from(SeededYear.NOW));
    assertThat(queries.dashboard(new YearFilter(2030)).yearChoices()).contains(2030, 2031);
  }

  @Test
  void anIncubationThatNeverStartedIsNotCountedAsIncubated() {
    // 2033 is this test's own year: one idea sent to incubation, whose manager refused and whose
    // mediation ended it before any workstream opened. The seeded year is unchanged by the rule:
    // E, its only incubation, reached the workstreams.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2033-02-01T09:00:00Z")));
    ProcessInstance idea = scenario.submit(IdeaScenario.AGENT, IdeaScenario.ideaForm(true, "education"));
    ProcessInstance incubation = scenario.incubated(idea);
    scenario.complete(incubation, "Task_AgreeOnWorkingTime", IdeaScenario.agreement("REFUSE"));
    scenario.complete(incubation, "Task_MediateAgreement", Map.of("mediationDecision", "NOT_STARTED",
        "mediationNote", "Aucun aménagement possible cette année."));

    Dashboard dashboard = queries.dashboard(new YearFilter(2033));
    assertThat(dashboard.funnel()).extracting(FunnelCount::step, FunnelCount::ideas).contains(
        tuple(FunnelStep.STUDIED, 1L), tuple(FunnelStep.INCUBATED, 0L));
  }


  /**
   * The overdue steps come from the deployed models' timers, not from a list kept here: a model
   * whose task gets a deadline timer in the Modeler puts that task on the dashboard once deployed.
   */
  @Test
  void aTimerAddedToAModelPutsItsTaskOnTheDashboardWithoutCode() {
    String key = "dashboard-new-timer";
    org.camunda.bpm.model.bpmn.BpmnModelInstance model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_RegisterIdea").camundaDelegateExpression("${registerIdeaDelegate}")
        .userTask("Task_NewStep").name("Nouvelle étape d'essai").camundaCandidateGroups("equipe-construisons")
        .boundaryEvent("BoundaryEvent_NewStepReminder").cancelActivity(false)
        .timerWithDate("${deadlines.due('orientation-reminder')}").endEvent("EndEvent_NewStepReminded")
        .moveToActivity("Task_NewStep").endEvent().done();
    // 2034 is this test's own year.
    Instant started = Instant.parse("2034-03-06T08:00:00Z"); // a Monday
    ClockUtil.setCurrentTime(Date.from(started));
    var deployment = repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    try {
      java.util.Map<String, Object> form = new java.util.HashMap<>(IdeaScenario.ideaForm(false, "rh"));
      form.put("ideator", IdeaScenario.AGENT);
      var instance = runtime.startProcessInstanceByKey(key, form);
      Instant due = fr.construisons.process.Deadlines.workingDaysAfter(started, 5);

      ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
      assertThat(queries.dashboard(new YearFilter(2034)).overdue()).isEmpty();
      ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1))));
      Dashboard dashboard = queries.dashboard(new YearFilter(2034));

      assertThat(dashboard.overdue()).extracting(OverdueStep::reference, OverdueStep::label, OverdueStep::due)
          .containsExactly(tuple(instance.getBusinessKey(), "Nouvelle étape d'essai", due));
      assertThat(dashboard.overdueCounts()).extracting(c -> c.step().activityId(), OverdueCount::reminderWorkingDays,
          OverdueCount::overdue).contains(tuple("Task_NewStep", 5, 1L));
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
