package fr.construisons.web;

import static fr.construisons.incubation.Incubation.*;
import static fr.construisons.incubation.Incubation.Elements.*;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.MANAGER;
import static fr.construisons.support.IdeaScenario.TEAM_MEMBER;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.construisons.incubation.IncubationDecisions.WorkstreamConclusion;
import fr.construisons.incubation.Workstream;
import fr.construisons.incubation.WorkstreamReviewRepository;
import fr.construisons.security.TasklistFilters;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The incubation's forms in the real Tasklist, in a real browser with a French locale: the line
 * manager gives the time agreement through the date picker and number fields of "Accord sur le
 * temps alloué", the innovation team forms the project team with selects whose options come from
 * process variables ({@code valuesKey}), and an expert reviews a workstream. Everything before and
 * between is driven through the Java API; what the browser did is checked through it too.
 * Screenshots of each step are in target/browser-screenshots/.
 */
@ProcessTest
class IncubationBrowserTest {

  private static final String PASSWORD = "demo";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** How a French browser writes dates, and so how the form-js date picker reads them. */
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String MILESTONES_TYPED =
      "Janvier : cadrage avec l'équipe projet.\nMars : synthèse des quatre volets.";
  private static final String DELIVERABLE =
      "Analyse juridique : convention type avec les transporteurs, RGPD et responsabilités en cas de perte.";
  private static final String EXPERT_COMMENT_TYPED =
      "Convention à faire relire par la commande publique ; l'assurance des colis reste à préciser.";

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired WorkstreamReviewRepository reviews;
  @Autowired IdeaScenario scenario;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    // The incubation's steps send mail.
    MailServer.get();
    MailServer.purge();
  }

  /** Tasks are named after their idea: « label — reference « title » ». */
  private static String named(String label, ProcessInstance idea) {
    return label + " — " + idea.getBusinessKey() + " « " + ideaForm(true).get("title") + " »";
  }

  @Test
  void theManagerAgreesTheTeamIsFormedAndAnExpertReviewsAWorkstreamInTasklist() {
    // Through the Java API: a feasible idea whose ideator volunteers reaches the incubation.
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(true, "education"));
    ProcessInstance incubation = scenario.incubated(idea);
    scenario.runJobs();
    assertThat(incubation).isWaitingAt(TASK_AGREE_ON_WORKING_TIME);
    Task agreement = scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME);
    assertThat(agreement).isAssignedTo(MANAGER);
    Tasklist tasklist = new Tasklist(chromium.driver(), port);

    // The line manager gives the time agreement; the start date goes through the date picker.
    LocalDate start = LocalDate.now(PARIS).plusMonths(1).withDayOfMonth(1)
        .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    // The browser's Intl API keeps en-US (headless Chromium, see Tasklist): the date picker is
    // French all the same, because Tasklist is.
    tasklist.logIn(MANAGER, PASSWORD);
    assertThat(tasklist.activeFilter()).as("sophie's filter on arrival").isEqualTo(TasklistFilters.MY_TASKS);
    WebElement agreementTask = tasklist.openTask(agreement.getId(), named("Donner l'accord sur le temps alloué", idea));
    tasklist.assertNoEnglishShown("the time agreement");
    chromium.screenshot("agreement-task");
    Tasklist.CamundaForm agreementForm = tasklist.taskForm(agreementTask);
    assertThat(agreementForm.texts()).anySatisfy(text -> assertThat(text).contains(idea.getBusinessKey()));
    assertThat(agreementForm.value("Field_ideatorName")).as("the agent by her name").isEqualTo("Camille Martin");
    // The terms show once she agrees: a refusal states none.
    agreementForm.choose("Field_agreementDecision", "Je donne mon accord");
    assertThat(agreementForm.label("Field_startDate-date")).isEqualTo("Date de début");
    System.out.println("[incubation] browser: " + tasklist.browserLocale() + "; date picker format: "
        + agreementForm.dateFormat("Field_startDate"));
    assertThat(agreementForm.dateFormat("Field_startDate")).as("the date format, in French")
        .isEqualTo("jj/mm/aaaa");
    // The calendar: French months and days, weeks from Monday.
    String calendar = agreementForm.openCalendar("Field_startDate");
    assertThat(agreementForm.weekdays()).containsExactly("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.");
    assertThat(agreementForm.calendarMonth()).isIn("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre");
    assertThat(Tasklist.englishWordsIn(calendar)).as("English in the calendar: " + calendar).isEmpty();
    tasklist.assertNoEnglishShown("the time agreement's calendar");
    chromium.screenshot("agreement-calendar");
    agreementForm.closeCalendar("Field_startDate");
    agreementForm.choose("Field_timeShareUnit", "Pourcentage du temps de travail")
        .type("Field_timeShare", "20")
        .type("Field_durationMonths", "6")
        .typeDate("Field_startDate", start);
    assertThat(agreementForm.dateShown("Field_startDate")).isEqualTo(FRENCH_DATE.format(start));
    chromium.screenshot("agreement-filled");
    tasklist.completeTask(agreementTask);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(agreement.getId()).count() == 0,
        "completing the time agreement");
    tasklist.assertNoErrorShown();
    chromium.screenshot("agreement-completed");

    assertThat(history.createHistoricTaskInstanceQuery().taskId(agreement.getId()).singleResult().getAssignee())
        .isEqualTo(MANAGER);
    scenario.runJobs();
    assertThat(incubation).hasPassed(TASK_AGREE_ON_WORKING_TIME, TASK_ANNOUNCE_AGREEMENT, TASK_LIST_TEAM_CANDIDATES)
        .isWaitingAt(TASK_FORM_PROJECT_TEAM);
    Task teamTask = scenario.task(incubation, TASK_FORM_PROJECT_TEAM);
    assertThat(teamTask).hasCandidateGroup("equipe-construisons").isNotAssigned();
    // The terms are local to the agreement's sub-process, where the team's task still sees them.
    Map<String, Object> terms = tasks.getVariables(teamTask.getId());
    assertThat(terms)
        .containsEntry(TIME_SHARE_UNIT.name(), "PERCENT")
        .containsEntry(AGREEMENT_DECISION.name(), "AGREE")
        .containsEntry(START_DATE.name(), start.toString())
        .containsEntry(DURATION_MONTHS.name(), 6);
    assertThat(terms.get(START_DATE.name())).as("the date picker's value").isInstanceOf(String.class);
    assertThat(terms.get(DURATION_MONTHS.name())).isInstanceOf(Integer.class);
    assertThat(terms.get(TIME_SHARE)).isInstanceOfSatisfying(Number.class,
        share -> assertThat(share.doubleValue()).isEqualTo(20.0));
    System.out.println("[incubation] stored timeShare is a " + terms.get(TIME_SHARE).getClass().getSimpleName()
        + ", durationMonths a " + terms.get(DURATION_MONTHS.name()).getClass().getSimpleName()
        + ", startDate = " + terms.get(START_DATE.name()));

    // The innovation team forms the project team from the people the directory offers.
    tasklist.logOut();
    tasklist.logIn(TEAM_MEMBER, PASSWORD);
    WebElement team = tasklist.openTask(teamTask.getId(), named("Constituer l'équipe projet", idea));
    chromium.screenshot("project-team-task");
    assertThat(tasklist.taskForm(team).texts()).as("the agreed terms, the date as the French read it")
        .anySatisfy(text -> assertThat(text).contains("20 % du temps de travail").contains("6 mois")
            .contains(FRENCH_DATE.format(start)));
    tasklist.claimIfNeeded(team);
    Tasklist.CamundaForm teamForm = tasklist.taskForm(team);
    // Each select offers the members of its group, listed from the directory into *Options variables.
    assertThat(teamForm.selectAmongOffered("Field_coach", "Léa Durand")).as("coaches offered")
        .containsExactly("Léa Durand");
    assertThat(teamForm.selectAmongOffered("Field_legalExpert", "Jeanne Moreau")).as("legal experts offered")
        .containsExactly("Jeanne Moreau");
    assertThat(teamForm.selectAmongOffered("Field_financeExpert", "Marc Fontaine")).as("finance experts offered")
        .containsExactly("Marc Fontaine");
    assertThat(teamForm.selectAmongOffered("Field_marketExpert", "Inès Garcia")).as("market experts offered")
        .containsExactly("Inès Garcia");
    assertThat(teamForm.selectAmongOffered("Field_userJourneyExpert", "Hugo Lambert"))
        .as("user-journey experts offered").containsExactly("Hugo Lambert");
    teamForm.type("Field_milestones", MILESTONES_TYPED)
        .select("Field_sponsorDirectorate", "Direction de l'éducation");
    chromium.screenshot("project-team-filled");
    tasklist.completeTask(team);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(teamTask.getId()).count() == 0,
        "completing the project team");
    tasklist.assertNoErrorShown();
    chromium.screenshot("project-team-completed");

    assertThat(history.createHistoricTaskInstanceQuery().taskId(teamTask.getId()).singleResult().getAssignee())
        .isEqualTo(TEAM_MEMBER);
    assertThat(runtime.getVariables(incubation.getId()))
        .containsEntry(COACH.name(), TEAM_MEMBER)
        .containsEntry(LEGAL_EXPERT.name(), "jeanne")
        .containsEntry(FINANCE_EXPERT.name(), "marc")
        .containsEntry(MARKET_EXPERT.name(), "ines")
        .containsEntry(USER_JOURNEY_EXPERT.name(), "hugo")
        .containsEntry(MILESTONES.name(), MILESTONES_TYPED)
        .containsEntry(SPONSOR_DIRECTORATE.name(), "education");
    scenario.runJobs();
    assertThat(incubation).hasPassed(TASK_FORM_PROJECT_TEAM, TASK_NOTIFY_PROJECT_TEAM);
    List<Task> carried = scenario.tasks(incubation, TASK_CARRY_WORKSTREAM);
    assertThat(carried).hasSize(4).allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo(AGENT));
    assertThat(carried).extracting(task -> tasks.getVariable(task.getId(), WORKSTREAM.name()))
        .containsExactlyInAnyOrder("LEGAL", "FINANCIAL", "MARKET_STUDY", "USER_JOURNEY");

    // The ideator hands in the legal deliverable (Java API); its expert reviews it in Tasklist.
    Task legal = carried.stream().filter(task -> "LEGAL".equals(tasks.getVariable(task.getId(), WORKSTREAM.name())))
        .findFirst().orElseThrow();
    scenario.completeTask(legal, Map.of(DELIVERABLE_SUMMARY.name(), DELIVERABLE));
    Task review = scenario.tasks(incubation, TASK_REVIEW_WORKSTREAM).stream().findFirst().orElseThrow();
    assertThat(review).isAssignedTo("jeanne");
    tasklist.logOut();
    tasklist.logIn("jeanne", PASSWORD);
    WebElement reviewTask = tasklist.openTask(review.getId(), named("Revoir le volet juridique", idea));
    chromium.screenshot("review-task");
    assertThat(tasklist.taskForm(reviewTask).texts())
        .anySatisfy(text -> assertThat(text).contains("Volet :").contains("juridique"));
    assertThat(tasklist.taskForm(reviewTask).value("Field_deliverableSummary")).isEqualTo(DELIVERABLE);
    assertThat(tasklist.taskForm(reviewTask).value("Field_ideatorName")).isEqualTo("Camille Martin");
    tasklist.taskForm(reviewTask)
        .choose("Field_workstreamConclusion", "Favorable avec réserves")
        .type("Field_expertComment", EXPERT_COMMENT_TYPED);
    chromium.screenshot("review-filled");
    tasklist.completeTask(reviewTask);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(review.getId()).count() == 0,
        "completing the review");
    tasklist.assertNoErrorShown();
    chromium.screenshot("review-completed");

    scenario.runJobs();
    assertThat(reviews.latest(idea.getBusinessKey())).singleElement().satisfies(recorded -> {
      assertThat(recorded.workstream()).isEqualTo(Workstream.LEGAL);
      assertThat(recorded.conclusion()).isEqualTo(WorkstreamConclusion.WITH_RESERVATIONS);
      assertThat(recorded.expert()).isEqualTo("jeanne");
      assertThat(recorded.deliverableSummary()).isEqualTo(DELIVERABLE);
      assertThat(recorded.expertComment()).isEqualTo(EXPERT_COMMENT_TYPED);
    });
    assertThat(scenario.tasks(incubation, TASK_CARRY_WORKSTREAM)).hasSize(3);
  }
}
