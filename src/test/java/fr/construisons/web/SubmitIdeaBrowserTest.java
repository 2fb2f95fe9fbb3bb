package fr.construisons.web;

import static fr.construisons.idea.IdeaLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Déposer une idée" from the idea box in a real browser: similar ideas appear while the agent
 * types, a refused submission shows its errors accessibly, a complete one is filed; then the agent
 * goes to Tasklist, already signed in, and back to the idea box by its link (also offered on the
 * Camunda welcome page).
 */
@ProcessTest
class SubmitIdeaBrowserTest {

  private static final String EXISTING_TITLE = "Composteurs partagés dans les cantines des collèges";
  private static final String TYPED_TITLE = "Composteur cantine college";
  private static final String FILED_TITLE = "Composteurs collectifs pour les restaurants administratifs";

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired HistoryService history;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
  }

  @Test
  void anAgentIsWarnedOfASimilarIdeaThenFilesTheirsAndGoesToTasklist() {
    Map<String, Object> form = IdeaScenario.ideaForm(false, "education");
    form.put(TITLE.name(), EXISTING_TITLE);
    String existing = scenario.reference(scenario.submit(IdeaScenario.AGENT, form));
    WebDriver driver = chromium.driver();
    IdeaBox box = new IdeaBox(driver, port);

    // Signing in once, on our login page, from the link "Déposer une idée".
    box.open("/idees/nouvelle");
    box.assertOnLoginPage();
    box.logIn(IdeaScenario.AGENT, "demo");
    assertThat(box.heading()).isEqualTo("Déposer une idée");
    assertThat(driver.findElement(By.id("ideatorDirectorate")).getDomProperty("value")).isEqualTo("education");
    assertThat(driver.findElement(By.id("showIdeatorName")).isSelected()).isFalse();
    chromium.screenshot("formulaire-vide");
    Accessibility.assertNoSeriousViolation(driver, "the empty form");

    // Typed without accents, the existing idea is found and shown in the live region.
    driver.findElement(By.id("title")).sendKeys(TYPED_TITLE);
    WebElement hint = box.wait("the similar idea " + existing).until(d -> {
      WebElement region = d.findElement(By.id("idees-similaires"));
      return region.findElements(By.cssSelector("a[href$='/idees/" + existing + "']")).isEmpty() ? null : region;
    });
    assertThat(hint.getDomAttribute("aria-live")).isEqualTo("polite");
    assertThat(hint.getText()).contains(EXISTING_TITLE, existing);
    chromium.screenshot("idee-proche");
    Accessibility.assertNoSeriousViolation(driver, "the form with a similar idea shown");

    // The browser's own checks skipped, as an old browser would: the server refuses, keeps the text.
    driver.findElement(By.id("problem")).sendKeys("Trop de restes de repas partent à la poubelle chaque midi.");
    ((JavascriptExecutor) driver).executeScript("document.querySelector('form.form').noValidate = true;");
    driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
    WebElement summary = box.wait("the error summary").until(ExpectedConditions.visibilityOfElementLocated(By.id("erreurs")));
    assertThat(summary.getText()).contains("Le champ « Solution proposée » est obligatoire.",
        "Choisissez au moins une direction concernée par l'idée.");
    assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("erreurs");
    assertThat(driver.findElement(By.id("title")).getDomProperty("value")).isEqualTo(TYPED_TITLE);
    assertThat(driver.findElement(By.id("solution")).getDomAttribute("aria-invalid")).isEqualTo("true");
    chromium.screenshot("erreurs");
    Accessibility.assertNoSeriousViolation(driver, "the form with errors");

    // Completed, the idea is filed as the agent, and the list says so.
    summary.findElement(By.cssSelector("a[href='#solution']")).click();
    WebElement title = driver.findElement(By.id("title"));
    title.clear();
    title.sendKeys(FILED_TITLE);
    driver.findElement(By.id("solution")).sendKeys("Installer des composteurs collectifs gérés avec les agents volontaires.");
    driver.findElement(By.id("benefits")).sendKeys("Moins de déchets et un compost utile aux espaces verts.");
    driver.findElement(By.id("impactedDirectorates-dpm")).click();
    driver.findElement(By.id("showIdeatorName")).click();
    driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
    WebElement notice = box.wait("the success notice").until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice--success")));
    assertThat(driver.getCurrentUrl()).endsWith("/idees");
    assertThat(notice.getText()).contains(FILED_TITLE, "sous la référence");
    chromium.screenshot("idee-deposee");
    String reference = notice.findElement(By.cssSelector(".reference")).getText().strip();
    HistoricProcessInstance filed = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(IdeaLifecycle.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
    assertThat(filed.getStartUserId()).isEqualTo(IdeaScenario.AGENT);
    scenario.runJobs();

    // Tasklist knows the agent already (one login), and its header leads back to the idea box.
    driver.get(box.url("/camunda/app/tasklist/"));
    WebElement link = box.wait("the idea box link in Tasklist's header").until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.construisons-idea-box-link")));
    assertThat(driver.findElements(By.cssSelector("form[name='signinForm']"))).noneMatch(WebElement::isDisplayed);
    assertThat(driver.findElement(By.cssSelector("li.start-process-action a")).isDisplayed()).isTrue();
    assertThat(link.getText().strip()).isEqualTo("Boîte à idées");
    chromium.screenshot("tasklist-lien-boite-a-idees");
    link.click();
    box.wait("the idea box").until(d -> d.getCurrentUrl().endsWith("/idees"));
    assertThat(box.heading()).isEqualTo("Boîte à idées");
    assertThat(box.signedInName()).isEqualTo("Camille Martin");

    // The Camunda welcome page lists the idea box among its links.
    driver.get(box.url("/camunda/app/welcome/"));
    WebElement welcomeLink = box.wait("the idea box link on the welcome page").until(
        ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[normalize-space()='Boîte à idées']")));
    assertThat(welcomeLink.getDomAttribute("href")).isEqualTo("/idees");
  }
}
