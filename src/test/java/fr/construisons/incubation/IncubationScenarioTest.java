package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.*;
import static fr.construisons.incubation.Incubation.Elements.*;
import static fr.construisons.support.IdeaScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.process.InvalidFormDataException;
import fr.construisons.support.FullProcessCoverage;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One scenario per path of the incubation, called for real by idea-lifecycle, against the real
 * engine, database and SMTP server; timers fire when the engine's clock reaches them. The class
 * fails unless every flow node and sequence flow of incubation is covered.
 */
@ProcessTest
// idea-lifecycle and its companions have their own scenario class.
@FullProcessCoverage(excluding = {IdeaLifecycle.PROCESS_KEY, "idea-withdrawal", "idea-duplicate-closure"})
class IncubationScenarioTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String EXPERTS = "jeanne.moreau@departement.example";

  @Autowired IdeaScenario scenario;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdeaRepository catalogue;

  private ProcessInstance idea;
  private ProcessInstance incubation;

  @BeforeEach
  void incubate() {
    AbstractAssertions.init(engine);
    MailServer.get();
    // The timebox starts on 4 January 2027 (see IdeaScenario.agreement): the story happens before.
    ClockUtil.setCurrentTime(at(2026, 12, 1, 10, 0));
    idea = scenario.submit(AGENT, ideaForm(true, "education"));
    MailServer.purge();
    incubation = scenario.incubated(idea);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant());
  }

  private List<String> subjectsTo(String address) {
    return MailServer.to(address).stream().map(MailServer::subject).toList();
  }

  private String reference() {
    return idea.getBusinessKey();
  }

  /** Moves the engine's clock to the timer's due date and runs it, as the job executor would. */
  private void fireTimer(String activityId) {
    Job timer = management.createJobQuery().processInstanceId(incubation.getId()).timers().activityId(activityId).singleResult();
    assertThat(timer).as("timer " + activityId).isNotNull();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isEqualTo(1);
    management.executeJob(timer.getId());
    scenario.runJobs();
  }

  @Test
  void theManagerAgreesTheTeamIsFormedTheWorkstreamsAreReviewedAndTheIdeaIsImplemented() {
    assertThat(incubation).isWaitingAt(TASK_AGREE_ON_WORKING_TIME).hasPassed(TASK_RESOLVE_LINE_MANAGER, TASK_REQUEST_TIME_AGREEMENT);
    assertThat(scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME)).isAssignedTo(MANAGER);
    assertThat(subjectsTo(MANAGER_MAIL)).containsExactly(
        "[Construisons!] Votre accord est demandé : temps alloué à l'idée " + reference());

    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("AGREE"));
    assertThat(incubation).hasPassed(TASK_ANNOUNCE_AGREEMENT, TASK_LIST_TEAM_CANDIDATES).isWaitingAt(TASK_FORM_PROJECT_TEAM);
    assertThat(subjectsTo(AGENT_MAIL)).contains("[Construisons!] Accord de la hiérarchie pour l'incubation de l'idée " + reference());
    assertThat(runtime.getVariable(incubation.getId(), LEGAL_EXPERT_OPTIONS).toString())
        .as("the form offers the legal experts of the directory").contains("\"value\":\"jeanne\"");

    scenario.complete(incubation, TASK_FORM_PROJECT_TEAM, projectTeam());
    assertThat(subjectsTo(EXPERTS)).containsExactly("[Construisons!] Vous accompagnez l'incubation de l'idée " + reference());
    assertThat(MailServer.text(MailServer.to(EXPERTS).get(0))).contains("volet juridique")
        .as("experts read the period, not the share of the agent's working time (RGPD)")
        .contains("Durée : 6 mois").doesNotContain("du temps de travail", "20 %");
    assertThat(MailServer.html(MailServer.to(EXPERTS).get(0))).contains("6 mois").doesNotContain("du temps de travail")
        .doesNotContain("RGPD");
    List<Task> carried = scenario.tasks(incubation, TASK_CARRY_WORKSTREAM);
    assertThat(carried).hasSize(4).allSatisfy(task -> assertThat(task).isAssignedTo(AGENT));

    scenario.carryAndReviewWorkstreams(incubation, "FAVOURABLE");
    assertThat(incubation).isWaitingAt(TASK_DECIDE_IMPLEMENTATION).hasPassed(TASK_GATHER_CONCLUSIONS);
    assertThat((String) runtime.getVariable(incubation.getId(), WORKSTREAM_REPORT.name()))
        .contains("Volet juridique : favorable", "Volet financier : favorable",
            "Volet étude de marché : favorable", "Volet parcours usagers : favorable");

    MailServer.purge();
    scenario.decide(incubation, decision("IMPLEMENT"));
    assertThat(subjectsTo(MANAGER_MAIL)).contains("[Construisons!] Décision de la direction générale sur l'idée " + reference());
    assertThat(subjectsTo("direction.education@departement.example"))
        .containsExactly("[Construisons!] Mise en œuvre de l'idée " + reference() + " confiée à votre direction");
    assertThat(scenario.task(incubation, TASK_IMPLEMENT_IDEA)).hasCandidateGroup("dir-education");

    scenario.complete(incubation, TASK_IMPLEMENT_IDEA, Map.of(IMPLEMENTATION_REPORT.name(),
        "Relais-colis ouverts dans cinq collèges depuis le 1er septembre."));
    assertThat(incubation).isEnded().hasPassed(TASK_ANNOUNCE_IMPLEMENTATION, END_IMPLEMENTED);
    assertThat(subjectsTo(MANAGER_MAIL)).contains("[Construisons!] L'idée " + reference() + " est mise en œuvre");
    assertThat(subjectsTo(TEAM_MAIL)).contains("[Construisons!] L'idée " + reference() + " est mise en œuvre");
    assertThat(catalogue.find(reference()).orElseThrow().stage()).isEqualTo(IdeaStage.IMPLEMENTED);
  }

  @Test
  void aRefusalIsMediatedByTheTeamWithANewProposalThatTheManagerAccepts() {
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("REFUSE"));

    assertThat(incubation).hasPassed(TASK_REPORT_REFUSAL).isWaitingAt(TASK_MEDIATE_AGREEMENT);
    assertThat(subjectsTo(TEAM_MAIL)).containsExactly(
        "[Construisons!] Refus ou contre-proposition de la hiérarchie pour l'idée " + reference() + " : arbitrage à faire");
    MailServer.purge();

    scenario.complete(incubation, TASK_MEDIATE_AGREEMENT, Map.of(MEDIATION_DECISION.name(), "NEW_PROPOSAL",
        MEDIATION_NOTE.name(), "10 % du temps à partir d'avril, quand le service sera au complet."));
    assertThat(incubation).isWaitingAt(TASK_AGREE_ON_WORKING_TIME);
    String secondRound = scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME).getId();
    assertThat(tasks.getVariable(secondRound, AGREEMENT_DECISION.name()))
        .as("the manager answers afresh").isNull();
    assertThat(tasks.getVariable(secondRound, DURATION_MONTHS.name()))
        .as("a refusal states no terms: none to start from").isNull();
    assertThat(runtime.getVariable(incubation.getId(), DURATION_MONTHS.name()))
        .as("inside the agreement's sub-process only").isNull();
    assertThat(MailServer.text(MailServer.to(MANAGER_MAIL).get(0))).contains("10 % du temps à partir d'avril");

    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("AGREE"));
    assertThat(incubation).isWaitingAt(TASK_FORM_PROJECT_TEAM);
    assertThat(tasks.getVariable(scenario.task(incubation, TASK_FORM_PROJECT_TEAM).getId(), MEDIATION_NOTE.name()))
        .as("spent: a later round must not show it as a new proposal").isNull();

    scenario.complete(incubation, TASK_FORM_PROJECT_TEAM, projectTeam());
    assertThat(incubation).hasPassed(SUBPROCESS_AGREE_ON_WORKING_TIME, GATEWAY_INCUBATION_STARTED);
    assertThat(runtime.getVariables(incubation.getId()))
        .as("out of the agreement's sub-process: the period, for the timebox, and nothing else of the answer")
        .containsEntry(START_DATE.name(), "2027-01-04").containsEntry(DURATION_MONTHS.name(), 6)
        .doesNotContainKeys(TIME_SHARE, TIME_SHARE_UNIT.name(), AGREEMENT_CONDITIONS.name(),
            AGREEMENT_DECISION.name(), AGREEMENT_COMMENT.name())
        .containsEntry(MEDIATION_DECISION.name(), null).containsEntry(MEDIATION_NOTE.name(), null);
  }

  @Test
  void aCounterProposalThatCannotBeMediatedEndsTheIdea() {
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("COUNTER_PROPOSAL"));
    scenario.complete(incubation, TASK_MEDIATE_AGREEMENT, Map.of(MEDIATION_DECISION.name(), "NOT_STARTED",
        MEDIATION_NOTE.name(), "Aucun aménagement possible cette année."));

    assertThat(incubation).isEnded().hasPassed(END_AGREEMENT_NOT_REACHED, GATEWAY_INCUBATION_STARTED, END_NOT_STARTED);
    assertThat(idea).isEnded();
    assertThat(catalogue.find(reference()).orElseThrow().stage()).isEqualTo(IdeaStage.INCUBATION_NOT_STARTED);
  }

  @Test
  void aManagerWhoDoesNotAnswerIsRemindedAfterFiveWorkingDays() {
    Job reminder = management.createJobQuery().processInstanceId(incubation.getId()).timers()
        .activityId(TIMER_MANAGER_REMINDER).singleResult();
    // Tuesday 1 December 2026 + 5 working days = Tuesday 8 December, same time.
    assertThat(reminder.getDuedate()).isEqualTo(at(2026, 12, 8, 10, 0));
    MailServer.purge();

    fireTimer(TIMER_MANAGER_REMINDER);

    assertThat(incubation).hasPassed(TASK_REMIND_MANAGER).isWaitingAt(TASK_AGREE_ON_WORKING_TIME);
    assertThat(subjectsTo(MANAGER_MAIL)).containsExactly(
        "[Construisons!] Relance : votre accord sur le temps alloué à l'idée " + reference());
    // The reminder states its delay from construisons.deadlines.manager-agreement-reminder.
    assertThat(MailServer.text(MailServer.to(MANAGER_MAIL).get(0))).contains("toujours attendue depuis 5 jours ouvrés");
  }

  @Test
  void theTimeboxRemindsAMonthBeforeItsEndThenIsExtendedWithANewAgreement() {
    scenario.startWorkstreams(incubation);
    Task legal = scenario.tasks(incubation, TASK_CARRY_WORKSTREAM).stream()
        .filter(t -> "LEGAL".equals(tasks.getVariable(t.getId(), WORKSTREAM.name()))).findFirst().orElseThrow();
    scenario.completeTask(legal, Map.of(DELIVERABLE_SUMMARY.name(), "Montage juridique : convention type avec les collèges."));
    scenario.complete(incubation, TASK_REVIEW_WORKSTREAM, Map.of(WORKSTREAM_CONCLUSION.name(), "FAVOURABLE",
        EXPERT_COMMENT.name(), "Convention conforme au code de l'éducation."));
    Job end = management.createJobQuery().processInstanceId(incubation.getId()).timers().activityId(TIMER_TIMEBOX_END).singleResult();
    // Agreed: six months from Monday 4 January 2027.
    assertThat(end.getDuedate()).isEqualTo(at(2027, 7, 4, 9, 0));
    MailServer.purge();

    fireTimer(TIMER_TIMEBOX_REMINDER);
    assertThat(incubation).hasPassed(TASK_REMIND_TIMEBOX).isWaitingAt(TASK_CARRY_WORKSTREAM);
    assertThat(subjectsTo(AGENT_MAIL)).containsExactly("[Construisons!] L'incubation de l'idée " + reference() + " se termine dans un mois");

    fireTimer(TIMER_TIMEBOX_END);
    assertThat(incubation).hasPassed(TASK_REPORT_TIMEBOX_END).isWaitingAt(TASK_DECIDE_ON_TIMEBOX);
    assertThat(scenario.tasks(incubation, TASK_CARRY_WORKSTREAM)).as("the period is over").isEmpty();

    scenario.complete(incubation, TASK_DECIDE_ON_TIMEBOX, Map.of(TIMEBOX_DECISION.name(), "EXTEND",
        TIMEBOX_NOTE.name(), "L'étude de marché demande trois mois de plus."));
    assertThat(incubation).isWaitingAt(TASK_AGREE_ON_WORKING_TIME);

    Map<String, Object> extension = new HashMap<>(agreement("AGREE"));
    extension.put(START_DATE.name(), "2027-07-05");
    extension.put(DURATION_MONTHS.name(), 3);
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, extension);
    assertThat(incubation).as("the team stays as it was formed").isWaitingAt(TASK_CARRY_WORKSTREAM);
    assertThat(scenario.tasks(incubation, TASK_CARRY_WORKSTREAM))
        .as("the round goes on: the legal workstream, already reviewed, is not opened again")
        .extracting(t -> (String) tasks.getVariable(t.getId(), WORKSTREAM.name()))
        .containsExactlyInAnyOrder("FINANCIAL", "MARKET_STUDY", "USER_JOURNEY");
    assertThat(runtime.getVariable(incubation.getId(), TIMEBOX_DECISION.name())).as("the extension request is spent").isNull();
    assertThat(scenario.tasks(incubation, TASK_FORM_PROJECT_TEAM)).isEmpty();
    assertThat(management.createJobQuery().processInstanceId(incubation.getId()).timers().activityId(TIMER_TIMEBOX_END)
        .singleResult().getDuedate()).isEqualTo(at(2027, 10, 5, 9, 0));
  }

  @Test
  void atTheEndOfTheTimeboxTheTeamCanGoStraightToTheDecision() {
    scenario.startWorkstreams(incubation);
    fireTimer(TIMER_TIMEBOX_END);

    scenario.complete(incubation, TASK_DECIDE_ON_TIMEBOX, Map.of(TIMEBOX_DECISION.name(), "DECIDE",
        TIMEBOX_NOTE.name(), "Les volets ont assez avancé pour décider."));

    assertThat(incubation).hasPassed(TASK_GATHER_CONCLUSIONS).isWaitingAt(TASK_DECIDE_IMPLEMENTATION);
    assertThat((String) runtime.getVariable(incubation.getId(), WORKSTREAM_REPORT.name()))
        .isEqualTo("Aucun volet n'a encore été revu par un expert.");
  }

  @Test
  void aPivotReopensOnlyTheWorkstreamsTheCommitteeNames() {
    scenario.startWorkstreams(incubation);
    scenario.carryAndReviewWorkstreams(incubation, "WITH_RESERVATIONS");

    scenario.decide(incubation, Map.of(IMPLEMENTATION_DECISION.name(), "PIVOT",
        PIVOT_WORKSTREAMS, SpinValues.jsonValue("[\"LEGAL\",\"MARKET_STUDY\"]").create(),
        DECISION_REASON.name(), "Revoir le montage juridique et la demande réelle."));

    List<Task> reopened = scenario.tasks(incubation, TASK_CARRY_WORKSTREAM);
    assertThat(reopened).hasSize(2);
    assertThat(reopened).extracting(t -> (String) tasks.getVariable(t.getId(), WORKSTREAM.name()))
        .containsExactlyInAnyOrder("LEGAL", "MARKET_STUDY");

    scenario.carryAndReviewWorkstreams(incubation, "FAVOURABLE");
    assertThat(incubation).isWaitingAt(TASK_DECIDE_IMPLEMENTATION);
    assertThat((String) runtime.getVariable(incubation.getId(), WORKSTREAM_REPORT.name()))
        .contains("Volet juridique : favorable —", "Volet financier : favorable avec réserves",
            "Volet étude de marché : favorable —", "Volet parcours usagers : favorable avec réserves");
  }

  @Test
  void theCommitteeCanStopTheIncubation() {
    scenario.startWorkstreams(incubation);
    scenario.carryAndReviewWorkstreams(incubation, "BLOCKING");
    MailServer.purge();

    scenario.decide(incubation, Map.of(IMPLEMENTATION_DECISION.name(), "STOP",
        DECISION_REASON.name(), "Le volet juridique est bloquant."));

    assertThat(incubation).isEnded().hasPassed(TASK_ANNOUNCE_STOP, END_STOPPED).hasNotPassed(TASK_ANNOUNCE_DECISION);
    assertThat(MailServer.text(MailServer.to(MANAGER_MAIL).get(0))).contains("Le volet juridique est bloquant.");
    assertThat(catalogue.find(reference()).orElseThrow().stage()).isEqualTo(IdeaStage.INCUBATION_ABANDONED);
  }

  @Test
  void theFourExpertsCanCompleteTheirReviewsAtTheSameTime() throws Exception {
    scenario.startWorkstreams(incubation);
    for (Task carry : scenario.tasks(incubation, TASK_CARRY_WORKSTREAM)) {
      scenario.completeTask(carry, Map.of(DELIVERABLE_SUMMARY.name(), "Livrable du volet : analyse et recommandations."));
    }
    List<Task> reviews = scenario.tasks(incubation, TASK_REVIEW_WORKSTREAM);
    assertThat(reviews).hasSize(4);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = reviews.stream().map(review -> pool.submit(() -> {
        start.await();
        tasks.complete(review.getId(), Map.of(WORKSTREAM_CONCLUSION.name(), "FAVOURABLE",
            EXPERT_COMMENT.name(), "Rien à redire sur ce volet."));
        return null;
      })).<Future<?>>map(f -> f).toList();
      start.countDown();
      for (Future<?> completion : done) {
        completion.get(30, TimeUnit.SECONDS); // throws if any completion failed
      }
    } finally {
      pool.shutdownNow();
    }
    scenario.runJobs();

    assertThat(incubation).isWaitingAt(TASK_DECIDE_IMPLEMENTATION);
    assertThat(management.createJobQuery().processInstanceId(incubation.getId()).withException().count()).isZero();
  }

  @Test
  void invalidAnswersAreRefusedInFrench() {
    Task agreementTask = scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME);
    Map<String, Object> tooMuch = new HashMap<>(agreement("AGREE"));
    tooMuch.put("timeShare", 150);
    assertThatThrownBy(() -> tasks.complete(agreementTask.getId(), tooMuch))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("entre 5 et 100 %");
    Map<String, Object> unexplained = new HashMap<>(agreement("REFUSE"));
    unexplained.remove(AGREEMENT_COMMENT.name());
    assertThatThrownBy(() -> tasks.complete(agreementTask.getId(), unexplained))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("« Motif ou proposition » est obligatoire");

    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("AGREE"));
    Map<String, Object> team = new HashMap<>(projectTeam());
    team.put(LEGAL_EXPERT.name(), "karim");
    Task formation = scenario.task(incubation, TASK_FORM_PROJECT_TEAM);
    assertThatThrownBy(() -> tasks.complete(formation.getId(), team))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("« karim » ne fait pas partie du groupe experts-juridique");
    assertThat(incubation).isWaitingAt(TASK_FORM_PROJECT_TEAM);
  }

  @Test
  void anAgentWithoutALineManagerStopsOnAJobFailureThatSaysWhatToFix() {
    // paul (direction générale) has no manager in the demo directory.
    ProcessInstance orphan = scenario.submit(DG_MEMBER, ideaForm(true, "dpm"));
    try {
      failsForLackOfManager(orphan);
    } finally {
      // Its failed job must not be picked up by the other scenarios.
      runtime.deleteProcessInstance(orphan.getId(), "test over");
    }
  }

  private void failsForLackOfManager(ProcessInstance orphan) {
    scenario.orient(orphan, 3, 3);

    assertThatThrownBy(() -> scenario.complete(orphan, IdeaLifecycle.Elements.TASK_STUDY_FEASIBILITY, Map.of(
        IdeaLifecycle.STUDY_OUTCOME.name(), "FEASIBLE", IdeaLifecycle.STUDY_CONCLUSION.name(), "Faisable en l'état.",
        IdeaLifecycle.WANTS_TO_CARRY.name(), true)))
        .hasMessageContaining("Aucune hiérarchie connue pour l'agent « paul »");

    Job call = management.createJobQuery().processInstanceId(orphan.getId()).activityId(IdeaLifecycle.Elements.CALL_INCUBATION).singleResult();
    assertThat(call.getRetries()).as("retried, then an incident in Cockpit").isEqualTo(2);
    assertThat(call.getExceptionMessage()).contains("renseignez-la");
    assertThat(catalogue.find(orphan.getBusinessKey()).orElseThrow().stage()).isEqualTo(IdeaStage.INCUBATION);
  }

  // The issue « incubation walked end to end »: each scenario below failed before its fix.

  private static final String PAUL_MAIL = "paul.bernard@departement.example";
  private static final String INES_MAIL = "ines.garcia@departement.example";
  private static final String MARC_MAIL = "marc.fontaine@departement.example";

  private Task carryTask(String workstream) {
    return scenario.tasks(incubation, TASK_CARRY_WORKSTREAM).stream()
        .filter(t -> workstream.equals(tasks.getVariable(t.getId(), WORKSTREAM.name()))).findFirst().orElseThrow();
  }

  @Test
  void aStartDateInThePastIsRefusedNextToItsFieldAndTodayIsAccepted() {
    Map<String, Object> yesterday = new HashMap<>(agreement("AGREE"));
    yesterday.put(START_DATE.name(), "2026-11-30");
    Task agreementTask = scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME);

    assertThatThrownBy(() -> tasks.complete(agreementTask.getId(), yesterday))
        .isInstanceOfSatisfying(InvalidFormDataException.class, refused -> assertThat(refused.fieldProblems())
            .anySatisfy(problem -> {
              assertThat(problem.field()).isEqualTo(START_DATE.name());
              assertThat(problem.message()).contains("« Date de début »", "passé", "aujourd'hui");
            }));
    assertThat(incubation).isWaitingAt(TASK_AGREE_ON_WORKING_TIME);
    assertThat(scenario.tasks(incubation, TASK_DECIDE_ON_TIMEBOX)).isEmpty();

    Map<String, Object> today = new HashMap<>(agreement("AGREE"));
    today.put(START_DATE.name(), "2026-12-01");
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, today);
    assertThat(incubation).isWaitingAt(TASK_FORM_PROJECT_TEAM);
  }

  @Test
  void aRefusalNeedsNoTermsStoresNoneAndTheTeamsMailListsNone() {
    // As Tasklist sends it: the terms are hidden, so only the answer and its reason.
    Map<String, Object> refusal = new HashMap<>(Map.of(AGREEMENT_DECISION.name(), "REFUSE",
        AGREEMENT_COMMENT.name(), "Le service est en sous-effectif jusqu'en mars."));
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, refusal);
    assertThat(incubation).isWaitingAt(TASK_MEDIATE_AGREEMENT);
    MailServer.purge();
    scenario.complete(incubation, TASK_MEDIATE_AGREEMENT, Map.of(MEDIATION_DECISION.name(), "NEW_PROPOSAL",
        MEDIATION_NOTE.name(), "10 % du temps à partir d'avril, quand le service sera au complet."));

    // A caller who sends terms with a refusal: they are not kept.
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("COUNTER_PROPOSAL"));
    Task mediation = scenario.task(incubation, TASK_MEDIATE_AGREEMENT);
    Map<String, Object> seen = tasks.getVariables(mediation.getId());
    assertThat(seen).containsEntry(TIME_SHARE, null).containsEntry(DURATION_MONTHS.name(), null)
        .containsEntry(START_DATE.name(), null).containsEntry(AGREEMENT_CONDITIONS.name(), null)
        .containsEntry(TIME_SHARE_UNIT.name(), null);
    String toTeam = MailServer.text(MailServer.to(TEAM_MAIL).stream()
        .filter(m -> MailServer.subject(m).contains("arbitrage")).reduce((a, b) -> b).orElseThrow());
    assertThat(toTeam).contains("Le service est en sous-effectif")
        .doesNotContain("20 %", "6 mois", "Hors période de rentrée", "conditions indiquées");
  }

  @Test
  void theMediationNoteReachesTheAgentAndTheManager() {
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("REFUSE"));
    MailServer.purge();
    String proposal = "10 % du temps à partir d'avril, quand le service sera au complet.";
    scenario.complete(incubation, TASK_MEDIATE_AGREEMENT, Map.of(MEDIATION_DECISION.name(), "NEW_PROPOSAL",
        MEDIATION_NOTE.name(), proposal));

    assertThat(MailServer.to(MANAGER_MAIL)).singleElement().satisfies(m -> assertThat(MailServer.text(m)).contains(proposal));
    assertThat(MailServer.to(AGENT_MAIL)).singleElement().satisfies(m -> {
      assertThat(MailServer.subject(m)).isEqualTo(
          "[Construisons!] Nouvelle proposition à votre hiérarchie pour votre idée " + reference());
      assertThat(MailServer.text(m)).contains(proposal);
    });
  }

  @Test
  void whenTheIncubationDoesNotStartTheManagerIsToldWhyAndTheAgentOnce() {
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("REFUSE"));
    MailServer.purge();
    String why = "Aucun aménagement possible cette année.";
    scenario.complete(incubation, TASK_MEDIATE_AGREEMENT, Map.of(MEDIATION_DECISION.name(), "NOT_STARTED",
        MEDIATION_NOTE.name(), why));

    assertThat(incubation).isEnded().hasPassed(END_NOT_STARTED);
    assertThat(MailServer.to(MANAGER_MAIL)).singleElement().satisfies(m -> {
      assertThat(MailServer.subject(m)).isEqualTo("[Construisons!] L'incubation de l'idée " + reference() + " ne démarre pas");
      assertThat(MailServer.text(m)).contains(why);
    });
    assertThat(MailServer.to(AGENT_MAIL)).singleElement().satisfies(m -> assertThat(MailServer.text(m)).contains(why));
  }

  @Test
  void aPivotShowsTheEarlierWorkAndTheReasonAndSaysWhatHappensNext() {
    scenario.startWorkstreams(incubation);
    String summary = "Montage juridique : convention type avec les collèges, à faire valider.";
    scenario.completeTask(carryTask("LEGAL"), Map.of(DELIVERABLE_SUMMARY.name(), summary));
    scenario.carryAndReviewWorkstreams(incubation, "WITH_RESERVATIONS");
    MailServer.purge();
    String reason = "Revoir le montage juridique et la demande réelle.";

    scenario.decide(incubation, Map.of(IMPLEMENTATION_DECISION.name(), "PIVOT",
        PIVOT_WORKSTREAMS, SpinValues.jsonValue("[\"LEGAL\",\"MARKET_STUDY\"]").create(),
        DECISION_REASON.name(), reason));

    Map<String, Object> legal = tasks.getVariables(carryTask("LEGAL").getId());
    assertThat(legal).as("the earlier summary, to start from").containsEntry(DELIVERABLE_SUMMARY.name(), summary)
        .containsEntry(DECISION_REASON.name(), reason);
    assertThat((String) legal.get("previousReview")).as("the expert's earlier opinion")
        .contains("favorable avec réserves", "Analyse solide, risques maîtrisés.");
    assertThat(MailServer.to(AGENT_MAIL)).singleElement().satisfies(m -> {
      assertThat(MailServer.subject(m)).isEqualTo("[Construisons!] L'incubation de l'idée " + reference()
          + " continue : volets à reprendre");
      assertThat(MailServer.text(m)).contains("volet juridique", "volet étude de marché", reason, "Mener le volet")
          .doesNotContain("À l'issue de l'incubation", "Merci à toutes et à tous pour le travail mené");
    });
    assertThat(MailServer.to(EXPERTS)).as("the legal expert: her workstream re-opens").singleElement()
        .satisfies(m -> assertThat(MailServer.text(m)).contains("volet juridique", reason));
    assertThat(MailServer.to(INES_MAIL)).hasSize(1);
    assertThat(MailServer.to(MARC_MAIL)).as("his workstream is not re-opened").isEmpty();
  }

  @Test
  void onStopTheAgentGetsOneMailWithTheReason() {
    scenario.startWorkstreams(incubation);
    scenario.carryAndReviewWorkstreams(incubation, "BLOCKING");
    MailServer.purge();

    scenario.decide(incubation, Map.of(IMPLEMENTATION_DECISION.name(), "STOP",
        DECISION_REASON.name(), "Le volet juridique est bloquant."));

    assertThat(incubation).isEnded();
    assertThat(MailServer.to(AGENT_MAIL)).singleElement()
        .satisfies(m -> assertThat(MailServer.text(m)).contains("Le volet juridique est bloquant."));
    assertThat(MailServer.to(MANAGER_MAIL)).hasSize(1);
  }

  @Test
  void theIntrapreneurSeesHerEndDateAndIsToldWhenThePeriodEndsAndWhenItIsExtended() {
    scenario.startWorkstreams(incubation);
    assertThat(tasks.getVariable(carryTask("LEGAL").getId(), "timeboxEndLabel"))
        .as("six months from Monday 4 January 2027").isEqualTo("dimanche 4 juillet 2027");
    MailServer.purge();

    fireTimer(TIMER_TIMEBOX_END);
    assertThat(incubation).isWaitingAt(TASK_DECIDE_ON_TIMEBOX);
    assertThat(MailServer.to(AGENT_MAIL)).singleElement().satisfies(m -> assertThat(MailServer.subject(m))
        .isEqualTo("[Construisons!] La période d'incubation de votre idée " + reference() + " est terminée"));

    scenario.complete(incubation, TASK_DECIDE_ON_TIMEBOX, Map.of(TIMEBOX_DECISION.name(), "EXTEND",
        TIMEBOX_NOTE.name(), "L'étude de marché demande trois mois de plus."));
    MailServer.purge();
    Map<String, Object> extension = new HashMap<>(agreement("AGREE"));
    extension.put(START_DATE.name(), "2027-07-05");
    extension.put(DURATION_MONTHS.name(), 3);
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, extension);

    assertThat(MailServer.to(AGENT_MAIL)).as("one mail for the extension").singleElement().satisfies(m -> {
      assertThat(MailServer.subject(m)).isEqualTo("[Construisons!] Période d'incubation de l'idée " + reference() + " prolongée");
      assertThat(MailServer.text(m)).contains("mardi 5 octobre 2027");
    });
    assertThat(tasks.getVariable(carryTask("FINANCIAL").getId(), "timeboxEndLabel")).isEqualTo("mardi 5 octobre 2027");
  }

  @Test
  void eachWorkstreamTaskNamesItsWorkstream() {
    scenario.startWorkstreams(incubation);
    String idea = " — " + reference() + " « Relais-colis dans nos implantations »";
    assertThat(scenario.tasks(incubation, TASK_CARRY_WORKSTREAM)).extracting(Task::getName).containsExactlyInAnyOrder(
        "Mener le volet juridique" + idea, "Mener le volet financier" + idea,
        "Mener le volet étude de marché" + idea, "Mener le volet parcours usagers" + idea);
    scenario.completeTask(carryTask("LEGAL"), Map.of(DELIVERABLE_SUMMARY.name(), "Montage juridique : convention type."));
    assertThat(scenario.task(incubation, TASK_REVIEW_WORKSTREAM).getName()).isEqualTo("Revoir le volet juridique" + idea);
  }

  @Test
  void theFormsNamePeopleByTheirNamesInVariablesNobodyMayWrite() throws Exception {
    assertThat(tasks.getVariable(scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME).getId(), "ideatorName"))
        .isEqualTo("Camille Martin");
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("REFUSE"));
    Map<String, Object> mediation = tasks.getVariables(scenario.task(incubation, TASK_MEDIATE_AGREEMENT).getId());
    assertThat(mediation).containsEntry("ideatorName", "Camille Martin").containsEntry("lineManagerName", "Sophie Petit");
    scenario.complete(incubation, TASK_MEDIATE_AGREEMENT, Map.of(MEDIATION_DECISION.name(), "NEW_PROPOSAL",
        MEDIATION_NOTE.name(), "10 % du temps à partir d'avril."));
    scenario.startWorkstreams(incubation);
    assertThat(tasks.getVariables(carryTask("LEGAL").getId()))
        .containsEntry("expertName", "Jeanne Moreau").containsEntry("coachName", "Léa Durand");
    scenario.completeTask(carryTask("LEGAL"), Map.of(DELIVERABLE_SUMMARY.name(), "Montage juridique : convention type."));
    assertThat(tasks.getVariable(scenario.task(incubation, TASK_REVIEW_WORKSTREAM).getId(), "ideatorName"))
        .isEqualTo("Camille Martin");

    Map<String, List<String>> shown = Map.of(
        "agree-working-time", List.of("ideatorName"),
        "mediate-agreement", List.of("ideatorName", "lineManagerName"),
        "form-project-team", List.of("ideatorName"),
        "carry-workstream", List.of("expertName", "coachName"),
        "review-workstream", List.of("ideatorName"),
        "decide-timebox", List.of("ideatorName"),
        "decide-implementation", List.of("ideatorName"),
        "implement-idea", List.of("ideatorName"));
    for (Map.Entry<String, List<String>> form : shown.entrySet()) {
      String json = new String(getClass().getResourceAsStream("/forms/" + form.getKey() + ".form").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      fr.construisons.process.FormContract contract = fr.construisons.process.FormContract.read(
          new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      for (String display : form.getValue()) {
        assertThat(json).as(form.getKey() + " shows " + display).contains("\"key\": \"" + display + "\"");
        assertThat(contract.allows(display)).as(form.getKey() + " lets a caller write " + display).isFalse();
      }
    }
  }

  @Test
  void theIntrapreneurExpertsAndGeneralManagementAreToldWhenItIsTheirTurn() {
    scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("AGREE"));
    MailServer.purge();
    scenario.complete(incubation, TASK_FORM_PROJECT_TEAM, projectTeam());
    assertThat(MailServer.to(AGENT_MAIL)).as("her team and her tasks").singleElement().satisfies(m -> {
      assertThat(MailServer.subject(m)).isEqualTo("[Construisons!] Votre équipe projet pour l'idée " + reference() + " est constituée");
      assertThat(MailServer.text(m)).contains("Jeanne Moreau", "Marc Fontaine", "Inès Garcia", "Hugo Lambert", "Léa Durand",
          "Mener le volet juridique", "Mener le volet parcours usagers", "dimanche 4 juillet 2027");
    });

    MailServer.purge();
    scenario.completeTask(carryTask("LEGAL"), Map.of(DELIVERABLE_SUMMARY.name(), "Montage juridique : convention type."));
    assertThat(MailServer.to(EXPERTS)).as("a deliverable waits for her review").singleElement().satisfies(m -> {
      assertThat(MailServer.subject(m)).isEqualTo("[Construisons!] Un livrable de l'idée " + reference() + " attend votre avis");
      assertThat(MailServer.text(m)).contains("volet juridique", "Camille Martin");
    });
    assertThat(MailServer.to(MARC_MAIL)).isEmpty();

    MailServer.purge();
    scenario.carryAndReviewWorkstreams(incubation, "FAVOURABLE");
    assertThat(MailServer.to(AGENT_MAIL)).as("the reviews are done").singleElement().satisfies(m -> {
      assertThat(MailServer.subject(m)).isEqualTo("[Construisons!] Les experts ont revu les volets de votre idée " + reference());
      assertThat(MailServer.text(m)).contains("Volet juridique : favorable", "Analyse solide, risques maîtrisés.");
    });
    assertThat(MailServer.to(PAUL_MAIL)).as("general management: a decision waits").singleElement().satisfies(m ->
        assertThat(MailServer.subject(m)).isEqualTo("[Construisons!] Décision de mise en œuvre attendue pour l'idée " + reference()));
    assertThat(incubation).isWaitingAt(TASK_DECIDE_IMPLEMENTATION);
  }


  /**
   * Every human step of the incubation has a reminder to whoever holds its task and a later
   * escalation; doing the step in time cancels both.
   */

  private static final String INNOVATION_DIRECTORATE_MAIL = "dpm@departement.example";
  private static final String EDUCATION_MAIL = "direction.education@departement.example";

  private void reachStep(String task) {
    switch (task) {
      case TASK_AGREE_ON_WORKING_TIME -> { }
      case TASK_FORM_PROJECT_TEAM -> scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("AGREE"));
      case TASK_MEDIATE_AGREEMENT -> scenario.complete(incubation, TASK_AGREE_ON_WORKING_TIME, agreement("REFUSE"));
      case TASK_CARRY_WORKSTREAM -> scenario.startWorkstreams(incubation);
      case TASK_REVIEW_WORKSTREAM -> {
        scenario.startWorkstreams(incubation);
        completeAll(TASK_CARRY_WORKSTREAM);
      }
      case TASK_DECIDE_ON_TIMEBOX -> {
        scenario.startWorkstreams(incubation);
        fireTimer(TIMER_TIMEBOX_END);
      }
      case TASK_DECIDE_IMPLEMENTATION -> {
        scenario.startWorkstreams(incubation);
        scenario.carryAndReviewWorkstreams(incubation, "FAVOURABLE");
      }
      case TASK_IMPLEMENT_IDEA -> {
        scenario.startWorkstreams(incubation);
        scenario.carryAndReviewWorkstreams(incubation, "FAVOURABLE");
        scenario.decide(incubation, decision("IMPLEMENT"));
      }
      default -> throw new IllegalArgumentException(task);
    }
    assertThat(incubation).isWaitingAt(task);
    MailServer.purge();
  }

  private void completeAll(String task) {
    for (Task open : scenario.tasks(incubation, task)) {
      scenario.completeTask(open, switch (task) {
        case TASK_AGREE_ON_WORKING_TIME -> agreement("AGREE");
        case TASK_FORM_PROJECT_TEAM -> projectTeam();
        case TASK_MEDIATE_AGREEMENT -> Map.of(MEDIATION_DECISION.name(), "NOT_STARTED",
            MEDIATION_NOTE.name(), "Aucun aménagement possible cette année.");
        case TASK_CARRY_WORKSTREAM -> Map.of("deliverableSummary", "Livrable du volet : analyse détaillée et recommandations.");
        case TASK_REVIEW_WORKSTREAM -> Map.of("workstreamConclusion", "FAVOURABLE", "expertComment", "Analyse solide.");
        case TASK_DECIDE_ON_TIMEBOX -> Map.of(TIMEBOX_DECISION.name(), "DECIDE",
            TIMEBOX_NOTE.name(), "Les volets ont assez avancé pour décider.");
        case TASK_DECIDE_IMPLEMENTATION -> decision("IMPLEMENT");
        case TASK_IMPLEMENT_IDEA -> Map.of("implementationReport", "Relais-colis ouverts dans cinq collèges.");
        default -> throw new IllegalArgumentException(task);
      });
    }
  }

  /** Who holds the task (empty: its reminder predates this pattern and keeps its own mail). */
  private List<String> holders(String task) {
    return switch (task) {
      case TASK_FORM_PROJECT_TEAM, TASK_MEDIATE_AGREEMENT, TASK_DECIDE_ON_TIMEBOX -> List.of(TEAM_MAIL);
      case TASK_CARRY_WORKSTREAM -> List.of(AGENT_MAIL);
      case TASK_DECIDE_IMPLEMENTATION -> List.of(DG_MAIL);
      case TASK_IMPLEMENT_IDEA -> List.of(MANAGER_MAIL);
      default -> List.of();
    };
  }

  private List<String> escalatedTo(String task) {
    return switch (task) {
      case TASK_AGREE_ON_WORKING_TIME, TASK_CARRY_WORKSTREAM, TASK_REVIEW_WORKSTREAM -> List.of(TEAM_MAIL);
      case TASK_FORM_PROJECT_TEAM, TASK_MEDIATE_AGREEMENT, TASK_DECIDE_ON_TIMEBOX ->
          List.of(TEAM_MAIL, INNOVATION_DIRECTORATE_MAIL);
      case TASK_DECIDE_IMPLEMENTATION -> List.of(DG_MAIL, TEAM_MAIL);
      case TASK_IMPLEMENT_IDEA -> List.of(EDUCATION_MAIL, TEAM_MAIL);
      default -> throw new IllegalArgumentException(task);
    };
  }

  private String stepName(String task) {
    return engine.getRepositoryService().getBpmnModelInstance(incubation.getProcessDefinitionId())
        .getModelElementById(task).getAttributeValue("name");
  }

  /** The timer of one branch (a multi-instance step has one per workstream): the first. */
  private Job timer(String boundaryEvent) {
    return management.createJobQuery().processInstanceId(incubation.getId()).timers().activityId(boundaryEvent)
        .orderByJobDuedate().asc().list().stream().findFirst().orElse(null);
  }

  private long timers(String boundaryEvent) {
    return management.createJobQuery().processInstanceId(incubation.getId()).timers().activityId(boundaryEvent).count();
  }

  private void run(Job timer) {
    management.executeJob(timer.getId());
    scenario.runJobs();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TASK_AGREE_ON_WORKING_TIME, TASK_FORM_PROJECT_TEAM, TASK_MEDIATE_AGREEMENT,
      TASK_CARRY_WORKSTREAM, TASK_REVIEW_WORKSTREAM, TASK_DECIDE_ON_TIMEBOX, TASK_DECIDE_IMPLEMENTATION,
      TASK_IMPLEMENT_IDEA})
  void aLateStepIsRemindedToWhoeverHoldsItThenEscalated(String task) {
    reachStep(task);
    String step = task.substring("Task_".length());
    String name = stepName(task);
    String reminderSubject = "[Construisons!] Relance : « " + name + " » attend dans l'incubation de l'idée " + reference();

    if (timers("BoundaryEvent_" + step + "Reminder") > 0) {
      run(timer("BoundaryEvent_" + step + "Reminder"));
      assertThat(incubation).hasPassed("EndEvent_" + step + "Reminded").isWaitingAt(task);
      for (String holder : holders(task)) {
        assertThat(subjectsTo(holder)).as("reminder to %s", holder).containsExactly(reminderSubject);
      }
      // One branch's reminder goes to that branch's holder only (the expert of its workstream).
      assertThat(MailServer.received()).extracting(MailServer::subject).containsOnly(reminderSubject);
      List<String> assignees = scenario.tasks(incubation, task).stream().map(Task::getAssignee)
          .filter(java.util.Objects::nonNull).toList();
      if (task.equals(TASK_REVIEW_WORKSTREAM)) {
        assertThat(MailServer.received()).as("one expert, not the four").hasSize(1);
        assertThat(MailServer.recipients(MailServer.received().get(0))).singleElement().asString()
            .isIn(assignees.stream().map(a -> engine.getIdentityService().createUserQuery().userId(a).singleResult()
                .getEmail()).toList());
      }
      MailServer.purge();
    }

    Job escalation = timer("BoundaryEvent_" + step + "Escalation");
    assertThat(escalation.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    run(escalation);
    assertThat(incubation).hasPassed("EndEvent_" + step + "Escalated").isWaitingAt(task);
    for (String address : escalatedTo(task)) {
      assertThat(subjectsTo(address)).as("escalation to %s", address).containsExactly(
          "[Construisons!] Retard signalé : « " + name + " » en retard dans l'incubation de l'idée " + reference());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TASK_AGREE_ON_WORKING_TIME, TASK_FORM_PROJECT_TEAM, TASK_MEDIATE_AGREEMENT,
      TASK_CARRY_WORKSTREAM, TASK_REVIEW_WORKSTREAM, TASK_DECIDE_ON_TIMEBOX, TASK_DECIDE_IMPLEMENTATION,
      TASK_IMPLEMENT_IDEA})
  void aStepDoneInTimeCancelsItsReminderAndEscalation(String task) {
    reachStep(task);
    String step = task.substring("Task_".length());
    assertThat(timers("BoundaryEvent_" + step + "Escalation")).isPositive();

    completeAll(task);

    assertThat(timers("BoundaryEvent_" + step + "Reminder")).isZero();
    assertThat(timers("BoundaryEvent_" + step + "Escalation")).isZero();
    assertThat(MailServer.received()).extracting(MailServer::subject)
        .noneMatch(subject -> subject.startsWith("[Construisons!] Relance") || subject.startsWith("[Construisons!] Retard signalé"));
  }
}
