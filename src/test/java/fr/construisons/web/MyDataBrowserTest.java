package fr.construisons.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.privacy.requests.PersonalDataRequest;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import org.camunda.bpm.engine.HistoryService;
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
 * « Mes données » in headless Chromium: an agent reads what the platform holds about them, asks
 * for a correction with the keyboard-reachable form, reads the confirmation and finds the request
 * listed. The page passes axe-core's WCAG 2.1 AA checks before and after. Screenshots in
 * target/browser-screenshots/.
 */
@ProcessTest
class MyDataBrowserTest {

  /** An agent no other test makes requests for, so the list holds this test's request only. */
  private static final String AGENT = "hugo";
  private static final String TEXT = "Mon prénom est Hugues et non Hugo, dans l'annuaire comme sur mes idées.";

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired HistoryService history;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
  }

  @Test
  void anAgentAsksForACorrectionAndFindsItListedOnTheirPage() {
    WebDriver driver = chromium.driver();
    IdeaBox box = new IdeaBox(driver, port);
    box.open("/mes-donnees").logIn(AGENT, "demo");
    assertThat(box.heading()).isEqualTo("Mes données personnelles");
    assertThat(driver.findElement(By.id("mes-demandes")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Vous n'avez fait aucune demande de rectification ou d'effacement.");
    chromium.screenshot("my-data");
    Accessibility.assertNoSeriousViolation(driver, "« Mes données » with the request form");

    // The label, not the radio's id: what an agent clicks.
    driver.findElement(By.cssSelector("label[for=kind-CORRECTION]")).click();
    driver.findElement(By.id("text")).sendKeys(TEXT);
    driver.findElement(By.xpath("//button[normalize-space()='Envoyer ma demande']")).click();

    WebElement confirmation = box.wait("the confirmation")
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")));
    assertThat(confirmation.getText()).startsWith("Votre demande de rectification du ")
        .endsWith("a bien été transmise à l'équipe Construisons! ; elle vous répondra par courriel.");
    assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
        confirmation)).as("the confirmation is where the page lands, in view").isTrue();
    assertThat(driver.findElement(By.cssSelector("#mes-demandes ~ table tbody")).getText())
        .contains("Rectification", "en cours de traitement par l'équipe Construisons!");
    assertThat(driver.findElement(By.id("text")).getAttribute("value")).as("the form is empty again").isEmpty();
    chromium.screenshot("request-made");
    Accessibility.assertNoSeriousViolation(driver, "« Mes données » after a request");

    // The request is the engine's, started as the signed-in agent.
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(PersonalDataRequest.PROCESS_KEY)
        .startedBy(AGENT).count()).isOne();
  }
}
