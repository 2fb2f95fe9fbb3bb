package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.BENEFITS;
import static fr.construisons.idea.IdeaLifecycle.PROBLEM;
import static fr.construisons.idea.IdeaLifecycle.SOLUTION;
import static fr.construisons.idea.IdeaLifecycle.TITLE;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.security.HostileIdeas.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.web.Chromium;
import fr.construisons.web.Tasklist;
import fr.construisons.support.ProcessTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent submits an idea full of markup; the innovation team opens its clarification call in a
 * real Tasklist. The team must read exactly what the agent typed, and nothing the agent typed may
 * become part of the page: no script run, no dialog, no image fetched, no link planted.
 * Screenshots are in target/browser-screenshots/.
 */
@ProcessTest
class MarkupInTasklistBrowserTest {

  private static final String PASSWORD = "demo";

  /**
   * Runs before any script of every page: records alert/confirm/prompt instead of showing them,
   * so that a payload that ran leaves a trace even if it was the last thing to happen.
   */
  private static final String DIALOG_TRAP = """
      window.__dialogsOpened = [];
      ['alert', 'confirm', 'prompt'].forEach(function (name) {
        window[name] = function (message) { window.__dialogsOpened.push(name + ': ' + message); };
      });
      """;

  /**
   * What an injection would leave in the page: handler attributes (onerror, onload...) on any
   * element, the payload's image and links, elements of the title's markup, and markup rendered
   * inside the read-only parts of the form (form-js's own icons live in its inputs, not there).
   */
  private static final String INJECTED_ELEMENTS = """
      const found = [];
      const describe = e => e.outerHTML.substring(0, 160);
      document.querySelectorAll('*').forEach(e => {
        // Event handler attributes (onerror, onload...), not AngularJS bindings such as on-toggle.
        if (Array.from(e.attributes).some(a => /^on[a-z]+$/i.test(a.name))) found.push('handler: ' + describe(e));
      });
      document.querySelectorAll('img[src="x"]').forEach(e => found.push('image: ' + describe(e)));
      document.querySelectorAll('svg[onload]').forEach(e => found.push('svg: ' + describe(e)));
      document.querySelectorAll('a[href]').forEach(e => {
        if (/^\\s*javascript:|hameconnage/i.test(e.getAttribute('href'))) found.push('link: ' + describe(e));
      });
      document.querySelectorAll('b').forEach(e => {
        if (e.textContent.includes('gras')) found.push('bold: ' + describe(e));
      });
      Array.from(document.scripts).forEach(s => {
        if (s.textContent.includes("alert('x')")) found.push('script: ' + describe(s));
      });
      document.querySelectorAll('.fjs-form-field-text').forEach(view => {
        view.querySelectorAll('img, svg, script, iframe, b, a').forEach(e => found.push('in a text view: ' + describe(e)));
        view.querySelectorAll('strong, em').forEach(e => {
          if (/gras|vraiment/.test(e.textContent)) found.push('in a text view: ' + describe(e));
        });
      });
      return found;
      """;

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @BeforeEach
  void setUp() {
    // Registration sends mail.
    MailServer.get();
    MailServer.purge();
  }

  @Test
  void theInnovationTeamReadsMarkupAsTextAndNothingOfItRunsInTasklist() {
    ProcessInstance instance = scenario.submit(IdeaScenario.AGENT, markupIdea());
    Task call = scenario.task(instance, TASK_CLARIFY_IDEA);
    assertThat(call).as("clarification call of " + instance.getBusinessKey()).isNotNull();

    WebDriver driver = chromium.driver();
    ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_TRAP));
    // The webapps' Content-Security-Policy blocks inline handlers on its own; without it, the test
    // shows that the page never turns the agent's text into markup in the first place.
    ((HasCdp) driver).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
    Tasklist tasklist = new Tasklist(driver, port);
    tasklist.logIn(IdeaScenario.TEAM_MEMBER, PASSWORD);
    assertThat(((JavascriptExecutor) driver).executeScript("return Array.isArray(window.__dialogsOpened);"))
        .as("the dialog trap is in place, so that a silent result means something").isEqualTo(true);

    WebElement task = tasklist.openTask(call.getId(),
        "Mener l'appel de clarification — " + instance.getBusinessKey() + " « " + MARKUP_TITLE + " »");
    chromium.screenshot("clarification-task-with-markup");
    assertNothingInjected(driver, "the unclaimed clarification task");

    // The list entry shows the idea's reference and title (the filters' variables): as text.
    WebElement entry = driver.findElement(By.xpath(
        "//ol[contains(@class,'tasks-list')]/li[.//h4//a[contains(@href,'task=" + call.getId() + "')]]"));
    assertThat(entry.getText()).as("the task's entry in the list").contains(MARKUP_TITLE);
    assertThat(entry.findElements(By.cssSelector("script, img, svg, iframe, b")))
        .as("elements made from the title in the task's entry").isEmpty();

    tasklist.claimIfNeeded(task);
    Tasklist.CamundaForm form = tasklist.taskForm(task);
    assertThat(form.value("Field_title")).as("title shown").isEqualTo(MARKUP_TITLE);
    assertThat(form.value("Field_problem")).as("problem shown").isEqualTo(MARKUP_PROBLEM);
    assertThat(form.value("Field_solution")).as("solution shown").isEqualTo(MARKUP_SOLUTION);
    assertThat(form.value("Field_benefits")).as("benefits shown").isEqualTo(MARKUP_BENEFITS);
    assertThat(List.of("Field_title", "Field_problem", "Field_solution", "Field_benefits"))
        .as("the idea is shown for reading, not for editing").allMatch(form::isDisabled);
    chromium.screenshot("clarification-task-claimed");
    assertNothingInjected(driver, "the claimed clarification task");

    form.choose("Field_clarificationOutcome", "La solution répond au problème")
        .type("Field_clarificationNotes", "Appel passé : le texte de l'agent s'affiche tel quel.");
    tasklist.completeTask(task);
    tasklist.waitUntilOrFail(d -> tasks.createTaskQuery().taskId(call.getId()).count() == 0,
        "completing the clarification call");
    tasklist.assertNoErrorShown();
    chromium.screenshot("clarification-completed");
    assertNothingInjected(driver, "after completing the call");

    // The texts shown for reading went back to nobody: each still has the single value the agent submitted.
    for (String variable : List.of(TITLE.name(), PROBLEM.name(), SOLUTION.name(), BENEFITS.name())) {
      List<Object> values = history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
          .list().stream().map(HistoricVariableUpdate.class::cast)
          .filter(update -> update.getVariableName().equals(variable)).map(HistoricVariableUpdate::getValue).toList();
      assertThat(values).as("values ever given to " + variable).hasSize(1);
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertNothingInjected(WebDriver driver, String where) {
    List<String> dialogs = (List<String>) ((JavascriptExecutor) driver)
        .executeScript("return window.__dialogsOpened || ['dialog trap missing'];");
    assertThat(dialogs).as("dialogs opened by a script, in " + where).isEmpty();
    try {
      String text = driver.switchTo().alert().getText();
      throw new AssertionError("A dialog is open in " + where + ": " + text);
    } catch (NoAlertPresentException expected) {
      // no dialog: what we want
    }
    List<String> injected = (List<String>) ((JavascriptExecutor) driver).executeScript(INJECTED_ELEMENTS);
    assertThat(injected).as("elements made from the agent's text, in " + where).isEmpty();
  }
}
