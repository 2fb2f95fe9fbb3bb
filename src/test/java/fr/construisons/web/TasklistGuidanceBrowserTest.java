package fr.construisons.web;

import static fr.construisons.idea.IdeaLifecycle.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tasklist says when something goes wrong, in a real browser: form-js's checks in French next
 * to each field, a decimal comma read as such, the server's refusals one at a time and out of the
 * way of the form's buttons, « Créer une tâche » only for those who may, and a login refused
 * after a wrong password that says to wait. Screenshots in target/browser-screenshots/.
 */
@ProcessTest
class TasklistGuidanceBrowserTest {

  private static final String PASSWORD = Http.DEMO_PASSWORD;

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private String ownUser;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (ownUser != null) {
      identity.deleteUser(ownUser);
    }
  }

  @Test
  void theScoresFormSaysInFrenchWhatToTypeNextToEachFieldAndReadsADecimalComma() {
    ProcessInstance idea = scenario.submit(IdeaScenario.AGENT, IdeaScenario.ideaForm(false, "education"));
    scenario.complete(idea, TASK_CLARIFY_IDEA, IdeaScenario.clarification("FITS"));
    Task score = scenario.task(idea, TASK_SCORE_IDEA);
    Tasklist tasklist = new Tasklist(chromium.driver(), port);
    tasklist.logIn(IdeaScenario.DG_MEMBER, PASSWORD);
    WebElement task = tasklist.openTask(score.getId(), score.getName());
    // Tasklist's claim button is not our task « Prendre en charge l'idée ».
    assertThat(tasklist.claimLabel(task)).isEqualTo("M'attribuer");
    tasklist.claimIfNeeded(task);
    Tasklist.CamundaForm form = tasklist.taskForm(task);

    // « Terminer » on an empty form: each field says what it needs, the toast names them.
    tasklist.clickComplete(task);
    form.assertErrors("Field_strategicImpact", "Ce champ est obligatoire.")
        .assertErrors("Field_feasibility", "Ce champ est obligatoire.");
    WebElement toast = tasklist.errorToast("Le formulaire n'est pas complet");
    assertThat(toast.getText()).contains("« Impact stratégique »", "« Faisabilité »");
    assertThat(tasklist.overlap(toast, tasklist.completeButton(task))).as("the toast over « Terminer »").isFalse();
    tasklist.assertNoEnglishShown("the scores refused in the browser");
    chromium.screenshot("champs-obligatoires");

    // A comma is a decimal separator: 2,5 is not 25, and not a whole number.
    form.typeKeys("Field_strategicImpact", "2,5");
    assertThat(form.value("Field_strategicImpact")).isIn("2.5", "2,5");
    form.assertErrors("Field_strategicImpact", "Saisissez un nombre entier, sans virgule.");
    form.typeKeys("Field_feasibility", "5");
    form.assertErrors("Field_feasibility", "Saisissez un nombre inférieur ou égal à 4.");
    tasklist.assertNoEnglishShown("the scores with a decimal and a number too large");
    chromium.screenshot("virgule-et-maximum");

    form.typeKeys("Field_strategicImpact", "3").typeKeys("Field_feasibility", "4");
    tasklist.completeTask(task);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(score.getId()).count() == 0, "completing the scores");
    assertThat(tasklist.errorsShown()).as("earlier refusals once the task is done").isEmpty();
    scenario.runJobs();
    assertThat(runtime.getVariable(idea.getId(), "strategicImpact")).isInstanceOfSatisfying(Number.class,
        impact -> assertThat(impact.intValue()).isEqualTo(3));
  }

  @Test
  void aWrongReferenceIsExplainedAndEachRefusalOfTheServerReplacesTheLastOne() {
    Tasklist tasklist = new Tasklist(chromium.driver(), port);
    tasklist.logIn(IdeaScenario.AGENT, PASSWORD);
    // Only administrators may create a task outside a process: camille is not offered it.
    assertThat(tasklist.offersToCreateATask()).as("« Créer une tâche » offered to camille").isFalse();
    Tasklist.CamundaForm form = tasklist.startProcess("Retirer une de mes idées");
    form.typeKeys("Field_ideaReference", "idée 12").type("Field_withdrawalReason", "Je ne peux plus la porter cette année.");
    form.assertErrors("Field_ideaReference",
        "Saisissez une référence de la forme CONS-2026-0001 : CONS, l'année, puis quatre chiffres.");
    tasklist.assertNoEnglishShown("a reference of the wrong shape");

    // Well formed but unknown: the server refuses, twice; the second refusal replaces the first.
    form.type("Field_ideaReference", "CONS-2099-9999");
    for (int attempt = 1; attempt <= 2; attempt++) {
      tasklist.clickStart();
      tasklist.errorToast("CONS-2099-9999");
    }
    // The server's refusal is also written under the field it is about, in French only.
    form.assertServerError("Field_ideaReference", "Aucune idée ne porte la référence CONS-2099-9999.");
    tasklist.assertNoEnglishShown("a refusal of the server");
    List<String> errors = tasklist.errorsShown();
    assertThat(errors).as("error toasts after two refusals").hasSize(1);
    assertThat(errors.get(0)).startsWith("Le processus n'a pas pu être démarré :").doesNotContain(". :");
    assertThat(tasklist.overlap(tasklist.errorToast("CONS-2099-9999"), tasklist.startButton()))
        .as("the toast over « Démarrer »").isFalse();
    chromium.screenshot("refus-du-serveur");
  }

  @Test
  void administratorsAreOfferedToCreateATask() {
    Tasklist tasklist = new Tasklist(chromium.driver(), port);
    tasklist.logIn("admin", PASSWORD);
    assertThat(tasklist.offersToCreateATask()).as("« Créer une tâche » offered to admin").isTrue();
    tasklist.assertNoEnglishShown("admin's Tasklist");
  }

  @Test
  void afterAWrongPasswordTheLoginSaysToWaitAFewSecondsBeforeTheRightOne() {
    // A user of this test's own: a wrong password delays the next login of that user only.
    ownUser = "attente" + System.nanoTime();
    User user = identity.newUser(ownUser);
    user.setFirstName("Agent");
    user.setLastName("Pressé");
    user.setPassword("Bon-mot-de-passe-2026");
    identity.saveUser(user);
    identity.createMembership(ownUser, "agents");
    Date now = new Date();
    ClockUtil.setCurrentTime(now);
    Tasklist tasklist = new Tasklist(chromium.driver(), port);

    String refused = tasklist.logInRefused(ownUser, "Mauvais-mot-de-passe-1");
    assertThat(refused).contains("attendez quelques secondes");
    // The right password at once is refused too, and the message already said why.
    String again = tasklist.logInRefused(ownUser, "Bon-mot-de-passe-2026");
    assertThat(again).isEqualTo(refused);
    assertThat(Tasklist.englishWordsIn(refused)).isEmpty();
    chromium.screenshot("attendre-avant-de-reessayer");
    // A few seconds later (the engine's first delay is 3 s), the right password lets the agent in.
    ClockUtil.setCurrentTime(new Date(now.getTime() + Duration.ofSeconds(4).toMillis()));
    tasklist.logIn(ownUser, "Bon-mot-de-passe-2026");
  }
}
