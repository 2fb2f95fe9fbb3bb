package fr.construisons.web;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.security.TasklistFilters;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real Tasklist in a real browser: an agent submits an idea through the start form "Déposer
 * une idée", then a member of the innovation team completes the clarification call through its
 * form. What the browser did is checked through the Java API. Screenshots of each step are in
 * target/browser-screenshots/.
 */
@ProcessTest
class TasklistBrowserTest {

  private static final String PROCESS_NAME = "Cycle de vie d'une idée Construisons!";
  private static final String PASSWORD = "demo";
  // Accents, apostrophes and a ligature: what the agents type goes through unharmed.
  private static final String TITLE_TYPED = "Casiers à colis connectés dans les halls d'accueil";
  private static final String PROBLEM_TYPED =
      "Les agents itinérants ne peuvent pas récupérer leurs colis aux heures d'ouverture de l'accueil.";
  private static final String SOLUTION_TYPED =
      "Installer des casiers connectés, accessibles avec le badge, dans les halls des sites principaux.";
  private static final String BENEFITS_TYPED = "Un service rendu à toute heure, un accueil moins sollicité et du cœur à l'ouvrage.";
  private static final String SCORE_COMMENT_TYPED = "Utile aux agents itinérants ; à tester sur un site d'abord.";
  private static final String FORWARDED_TITLE = "Navettes partagées entre les sites de Grenoble";
  private static final String TAKE_UP_REASON_TYPED = "Nous l'intégrons au plan de mobilité des agents de 2027.";
  private static final String NOTES_TYPED = "Appel avec Camille : besoin confirmé sur trois sites, à examiner en revue.";

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdeaRepository catalogue;
  @Autowired IdeaScenario scenario;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    // The registration jobs send mail.
    MailServer.get();
    MailServer.purge();
  }

  @Test
  void anAgentSubmitsAnIdeaAndTheTeamCompletesTheClarificationCallInTasklist() {
    Set<String> instancesBefore = ideaInstancesWithTitle();
    Tasklist tasklist = new Tasklist(chromium.driver(), port);

    // The agent submits an idea through the start form.
    tasklist.logIn(IdeaScenario.AGENT, PASSWORD);
    chromium.screenshot("camille-logged-in");
    // Each role lands on its own tasks; the start forms are in the header.
    assertThat(tasklist.activeFilter()).as("camille's filter on arrival").isEqualTo(TasklistFilters.MY_TASKS);
    assertThat(tasklist.startActionLabel()).isEqualTo("Démarrer un processus");
    tasklist.assertNoEnglishShown("camille's Tasklist");
    Tasklist.CamundaForm startForm = tasklist.startProcess(PROCESS_NAME);
    assertThat(startForm.label("Field_title")).isEqualTo("Titre de l'idée");
    assertThat(startForm.label("Field_problem")).isEqualTo("Problème constaté sur le terrain");
    assertThat(startForm.label("Field_solution")).isEqualTo("Solution proposée");
    assertThat(startForm.label("Field_benefits")).isEqualTo("Bénéfices attendus pour les usagers ou le service");
    tasklist.assertNoEnglishShown("the start form");
    chromium.screenshot("start-form");
    startForm.type("Field_title", TITLE_TYPED)
        .type("Field_problem", PROBLEM_TYPED)
        .type("Field_solution", SOLUTION_TYPED)
        .type("Field_benefits", BENEFITS_TYPED)
        .select("Field_ideatorDirectorate", "Direction de l'éducation")
        .choose("Field_impactedDirectorates", "Direction des systèmes d'information")
        .choose("Field_impactedDirectorates", "Direction des ressources humaines")
        .tick("Field_wantsToCarry");
    chromium.screenshot("start-form-filled");
    tasklist.submitStartForm();
    tasklist.assertNoErrorShown();
    // The agent is told the idea's reference at once, with a link to its page in the idea box.
    WebElement notice = tasklist.messageToast("Votre idée est déposée");
    WebElement referenceLink = notice.findElement(By.cssSelector("a.construisons-idea-reference"));
    String shownReference = referenceLink.getText().strip();
    tasklist.assertNoEnglishShown("the idea submitted");
    chromium.screenshot("idea-submitted");

    Set<String> started = ideaInstancesWithTitle();
    started.removeAll(instancesBefore);
    assertThat(started).as("one new idea-lifecycle instance with the typed title").hasSize(1);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(started.iterator().next())
        .singleResult();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getStartUserId()).isEqualTo(IdeaScenario.AGENT);
    assertThat(instance).variables()
        .containsEntry(IDEATOR.name(), IdeaScenario.AGENT)
        .containsEntry(TITLE.name(), TITLE_TYPED)
        .containsEntry(PROBLEM.name(), PROBLEM_TYPED)
        .containsEntry(SOLUTION.name(), SOLUTION_TYPED)
        .containsEntry(BENEFITS.name(), BENEFITS_TYPED)
        .containsEntry(IDEATOR_DIRECTORATE.name(), "education")
        .containsEntry(WANTS_TO_CARRY.name(), true);
    SpinJsonNode impacted = (SpinJsonNode) runtime.getVariable(instance.getId(), IMPACTED_DIRECTORATES);
    assertThat(impacted.elements()).extracting(SpinJsonNode::stringValue).containsExactly("dsi", "rh");
    Idea idea = catalogue.find(instance.getBusinessKey()).orElseThrow();
    assertThat(shownReference).isEqualTo(idea.reference());
    assertThat(referenceLink.getDomAttribute("href")).isEqualTo("/idees/" + idea.reference());
    referenceLink.click();
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).withMessage("the idea's page")
        .until(d -> d.getCurrentUrl().endsWith("/idees/" + idea.reference()) && d.getPageSource().contains(idea.reference())
            && d.findElement(By.tagName("body")).getText().contains(TITLE_TYPED));
    chromium.screenshot("idea-page-from-tasklist");
    tasklist.openSignedIn(IdeaScenario.AGENT);
    assertThat(idea.title()).isEqualTo(TITLE_TYPED);
    assertThat(idea.ideator()).isEqualTo(IdeaScenario.AGENT);
    assertThat(idea.impactedDirectorates()).containsExactly("dsi", "rh");
    assertThat(idea.wantsToCarry()).isTrue();

    scenario.runJobs();
    assertThat(instance).isWaitingAt(TASK_CLARIFY_IDEA);
    Task call = scenario.task(instance, TASK_CLARIFY_IDEA);
    assertThat(call).hasCandidateGroup("equipe-construisons").isNotAssigned();

    // A member of the innovation team makes the clarification call.
    tasklist.logOut();
    chromium.screenshot("camille-logged-out");
    tasklist.logIn(IdeaScenario.TEAM_MEMBER, PASSWORD);
    assertThat(tasklist.activeFilter()).as("lea's filter on arrival").isEqualTo(TasklistFilters.MY_TASKS);
    // Opened from the list of « Mes tâches »: the call is there, named after the idea.
    WebElement task = tasklist.openTask(call.getId(),
        "Mener l'appel de clarification — " + idea.reference() + " « " + TITLE_TYPED + " »");
    tasklist.assertNoEnglishShown("the clarification call");
    chromium.screenshot("clarification-task");
    assertThat(tasklist.taskForm(task).texts()).anySatisfy(text -> assertThat(text).contains(idea.reference()));
    // The agent's texts are shown in read-only fields, as typed (see the security tests).
    assertThat(tasklist.taskForm(task).label("Field_title")).isEqualTo("Titre");
    assertThat(tasklist.taskForm(task).value("Field_title")).isEqualTo(TITLE_TYPED);
    assertThat(tasklist.taskForm(task).value("Field_problem")).isEqualTo(PROBLEM_TYPED);
    // The ideator by her name from the directory, not her login id.
    assertThat(tasklist.taskForm(task).label("Field_ideatorName")).isEqualTo("Agent-idéateur");
    assertThat(tasklist.taskForm(task).value("Field_ideatorName")).isEqualTo("Camille Martin");
    tasklist.claimIfNeeded(task);
    tasklist.taskForm(task)
        .choose("Field_clarificationOutcome", "La solution répond au problème")
        .type("Field_clarificationNotes", NOTES_TYPED);
    tasklist.assertNoEnglishShown("the claimed clarification call");
    chromium.screenshot("clarification-filled");
    tasklist.completeTask(task);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(call.getId()).count() == 0,
        "completing the clarification call");
    tasklist.assertNoErrorShown();
    chromium.screenshot("clarification-completed");

    assertThat(history.createHistoricTaskInstanceQuery().taskId(call.getId()).singleResult().getAssignee())
        .isEqualTo(IdeaScenario.TEAM_MEMBER);
    scenario.runJobs();
    assertThat(instance).hasPassed(TASK_CLARIFY_IDEA, TASK_ANNOUNCE_REVIEW).isWaitingAt(TASK_SCORE_IDEA)
        .variables()
        .containsEntry(CLARIFICATION_OUTCOME.name(), "FITS")
        .containsEntry(CLARIFICATION_NOTES.name(), NOTES_TYPED);
    assertThat(catalogue.find(idea.reference()).orElseThrow().stage()).isEqualTo(IdeaStage.REVIEW);

    // General management scores the idea.
    Task score = scenario.task(instance, TASK_SCORE_IDEA);
    tasklist.logOut();
    tasklist.logIn(IdeaScenario.DG_MEMBER, PASSWORD);
    assertThat(tasklist.activeFilter()).as("paul's filter on arrival").isEqualTo(TasklistFilters.MY_TASKS);
    WebElement scoreTask = tasklist.openTask(score.getId(),
        "Évaluer l'idée — " + idea.reference() + " « " + TITLE_TYPED + " »");
    Tasklist.CamundaForm scoreForm = tasklist.taskForm(scoreTask);
    assertThat(scoreForm.label("Field_strategicImpact")).isEqualTo("Impact stratégique");
    assertThat(scoreForm.label("Field_feasibility")).isEqualTo("Faisabilité");
    assertThat(scoreForm.label("Field_clarificationNotes")).isEqualTo("Notes de l'appel de clarification (équipe Construisons!)");
    assertThat(scoreForm.value("Field_clarificationNotes")).isEqualTo(NOTES_TYPED);
    tasklist.assertNoEnglishShown("the scoring task");
    chromium.screenshot("score-task");
    tasklist.claimIfNeeded(scoreTask);
    // The comment first: typed after the two number fields, it never reached its textarea (seen in Chromium).
    scoreForm.type("Field_reviewComment", SCORE_COMMENT_TYPED)
        .type("Field_strategicImpact", "3").type("Field_feasibility", "4");
    chromium.screenshot("score-filled");
    tasklist.completeTask(scoreTask);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(score.getId()).count() == 0, "completing the scores");
    tasklist.assertNoErrorShown();
    chromium.screenshot("score-completed");
    scenario.runJobs();
    assertThat(history.createHistoricTaskInstanceQuery().taskId(score.getId()).singleResult().getAssignee())
        .isEqualTo(IdeaScenario.DG_MEMBER);
    assertThat(runtime.getVariable(instance.getId(), STRATEGIC_IMPACT.name())).isInstanceOfSatisfying(Number.class,
        impact -> assertThat(impact.intValue()).isEqualTo(3));
    assertThat(runtime.getVariable(instance.getId(), FEASIBILITY.name())).isInstanceOfSatisfying(Number.class,
        feasibility -> assertThat(feasibility.intValue()).isEqualTo(4));
    assertThat(instance).isWaitingAt(TASK_DECIDE_ORIENTATION).variables()
        .containsEntry(REVIEW_COMMENT.name(), SCORE_COMMENT_TYPED)
        .containsEntry(RECOMMENDED_ORIENTATION.name(), "EXPERIMENT");

    // General management decides the orientation, as recommended.
    Task decide = scenario.task(instance, TASK_DECIDE_ORIENTATION);
    WebElement decideTask = tasklist.openTask(decide.getId(),
        "Décider de l'orientation — " + idea.reference() + " « " + TITLE_TYPED + " »");
    tasklist.claimIfNeeded(decideTask);
    tasklist.taskForm(decideTask).choose("Field_orientation", "Expérimenter immédiatement");
    tasklist.assertNoEnglishShown("the orientation");
    chromium.screenshot("orientation-filled");
    tasklist.completeTask(decideTask);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(decide.getId()).count() == 0,
        "completing the orientation");
    tasklist.assertNoErrorShown();
    tasklist.assertNoEnglishShown("the orientation completed");
    scenario.runJobs();
    assertThat(instance).hasPassed(TASK_DECIDE_ORIENTATION).variables().containsEntry(ORIENTATION.name(), "EXPERIMENT");
  }

  @Test
  void aDirectorateAnswersAForwardedIdeaInTasklist() {
    // Through the Java API: an idea for the Direction des mobilités, forwarded by general management.
    Map<String, Object> form = IdeaScenario.ideaForm(false, "mobilites");
    form.put(TITLE.name(), FORWARDED_TITLE);
    ProcessInstance instance = scenario.submit(IdeaScenario.AGENT, form);
    scenario.orient(instance, 1, 2);
    Task takeUp = scenario.task(instance, TASK_TAKE_UP_IDEA);
    assertThat(takeUp).hasCandidateGroup("dir-mobilites").isNotAssigned();

    Tasklist tasklist = new Tasklist(chromium.driver(), port);
    tasklist.logIn("karim", PASSWORD);
    assertThat(tasklist.activeFilter()).as("karim's filter on arrival").isEqualTo(TasklistFilters.MY_TASKS);
    WebElement task = tasklist.openTask(takeUp.getId(),
        "Prendre en charge l'idée (Direction des mobilités) — " + instance.getBusinessKey() + " « " + FORWARDED_TITLE + " »");
    Tasklist.CamundaForm answer = tasklist.taskForm(task);
    assertThat(answer.label("Field_title")).isEqualTo("Titre");
    assertThat(answer.value("Field_title")).isEqualTo(FORWARDED_TITLE);
    assertThat(answer.label("Field_takeUpReason")).isEqualTo("Précisions ou motif (transmis à l'agent-idéateur)");
    tasklist.assertNoEnglishShown("the forwarded idea");
    chromium.screenshot("take-up-task");
    tasklist.claimIfNeeded(task);
    answer.choose("Field_takeUpDecision", "Notre direction s'en saisit")
        .type("Field_takeUpReason", TAKE_UP_REASON_TYPED);
    chromium.screenshot("take-up-filled");
    tasklist.completeTask(task);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(takeUp.getId()).count() == 0,
        "answering the forwarded idea");
    tasklist.assertNoErrorShown();
    chromium.screenshot("take-up-completed");
    scenario.runJobs();

    assertThat(history.createHistoricTaskInstanceQuery().taskId(takeUp.getId()).singleResult().getAssignee())
        .isEqualTo("karim");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("takeUpReason").list()).extracting(v -> v.getValue()).contains(TAKE_UP_REASON_TYPED);
  }

  private Set<String> ideaInstancesWithTitle() {
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(TITLE.name(), TITLE_TYPED).list();
    return instances.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
  }
}
