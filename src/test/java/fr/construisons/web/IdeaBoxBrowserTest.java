package fr.construisons.web;

import static fr.construisons.idea.IdeaLifecycle.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The idea box in a real browser: one login for Tasklist and the idea box (both ways, and
 * signing out of one signs out of both), the list with its search and filters, and axe-core on
 * each page.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class IdeaBoxBrowserTest {

  private static final String PASSWORD = "demo";

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;

  @Test
  void signingInOnTheIdeaBoxSignsInToTasklistAndSigningOutSignsOutOfBoth() {
    WebDriver driver = chromium.driver();
    IdeaBox box = new IdeaBox(driver, port);

    box.open("/idees");
    box.assertOnLoginPage();
    assertThat(box.heading()).isEqualTo("Connexion");
    Accessibility.assertNoSeriousViolation(driver, "the login page");
    chromium.screenshot("login");

    box.logIn(IdeaScenario.AGENT, PASSWORD);
    assertThat(driver.getCurrentUrl()).endsWith("/idees");
    assertThat(box.heading()).isEqualTo("Boîte à idées");
    assertThat(box.signedInName()).isEqualTo("Camille Martin");

    // Same session: Tasklist opens on the agent's tasks, not on its login form.
    Tasklist tasklist = new Tasklist(driver, port).openSignedIn(IdeaScenario.AGENT);
    // (Its task count may still be joining the name while the list loads.)
    assertThat(tasklist.activeFilter()).startsWith("Mes tâches");

    // Signing out of the idea box signs out of Tasklist too.
    box.open("/idees");
    driver.findElement(By.cssSelector(".site-header__user button")).click();
    box.wait("the signed-out notice").until(d -> d.getPageSource().contains("Vous êtes déconnecté."));
    new Tasklist(driver, port).openSignedOut();
  }

  @Test
  void signingInToTasklistOpensTheIdeaBoxWithoutAnotherLogin() {
    WebDriver driver = chromium.driver();
    new Tasklist(driver, port).logIn(IdeaScenario.TEAM_MEMBER, PASSWORD);

    IdeaBox box = new IdeaBox(driver, port).open("/idees");
    assertThat(driver.getCurrentUrl()).endsWith("/idees");
    assertThat(box.signedInName()).isEqualTo("Léa Durand");
    // The team steers the scheme: the dashboard is in its menu.
    assertThat(driver.findElements(By.linkText("Tableau de bord"))).hasSize(1);
  }

  @Test
  void anAgentFindsAnIdeaBySearchAndFiltersAndTheListIsAccessible() {
    String word = "Tri" + UUID.randomUUID().toString().substring(0, 8);
    String searched = "Bacs de " + word + " sélectif dans les collèges";
    scenario.submit(IdeaScenario.AGENT, titled(searched));
    scenario.submit(IdeaScenario.AGENT, titled("Autre idée " + UUID.randomUUID().toString().substring(0, 6)));

    WebDriver driver = chromium.driver();
    IdeaBox box = new IdeaBox(driver, port).open("/idees").logIn(IdeaScenario.AGENT, PASSWORD);
    assertThat(box.listedTitles()).isNotEmpty();
    Accessibility.assertNoSeriousViolation(driver, "the list of ideas");

    driver.findElement(By.id("recherche")).sendKeys(word.toLowerCase());
    driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    box.wait("the search result").until(d -> d.getCurrentUrl().contains("recherche="));
    assertThat(box.listedTitles()).containsExactly(searched);
    assertThat(driver.findElement(By.cssSelector(".result-count")).getText()).isEqualTo("1 idée.");
    chromium.screenshot("search");

    // The registered idea waits for its clarification call: stage "En clarification".
    new Select(driver.findElement(By.id("etape"))).selectByVisibleText("Retirée par l'agent");
    driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    box.wait("the filtered result").until(d -> d.getCurrentUrl().contains("etape=WITHDRAWN"));
    assertThat(box.listedTitles()).isEmpty();
    assertThat(driver.findElement(By.cssSelector(".result-count")).getText())
        .isEqualTo("Aucune idée ne correspond à votre recherche.");

    new Select(driver.findElement(By.id("etape"))).selectByVisibleText("En clarification");
    driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    box.wait("the filtered result").until(d -> d.getCurrentUrl().contains("etape=CLARIFICATION"));
    assertThat(box.listedTitles()).containsExactly(searched);
    assertThat(driver.findElement(By.cssSelector(".idea-card .stage")).getText()).isEqualTo("En clarification");
    Accessibility.assertNoSeriousViolation(driver, "the filtered list of ideas");
  }

  @Test
  void theErrorPagesAreFrenchAndAccessible() {
    WebDriver driver = chromium.driver();
    IdeaBox box = new IdeaBox(driver, port).open("/idees/CONS-1999-0001").logIn(IdeaScenario.AGENT, PASSWORD);
    assertThat(box.heading()).isEqualTo("Page introuvable");
    // Signed in, the agent keeps their menu on error pages.
    assertThat(box.signedInName()).isEqualTo("Camille Martin");
    Accessibility.assertNoSeriousViolation(driver, "the page of an unknown idea (404)");

    // The dashboard is for the team and general management only.
    box.open("/tableau-de-bord");
    assertThat(box.heading()).isEqualTo("Accès refusé");
    assertThat(driver.findElements(By.linkText("Tableau de bord"))).isEmpty();
    Accessibility.assertNoSeriousViolation(driver, "the refused dashboard (403)");
    chromium.screenshot("dashboard-refused");
  }

  private static Map<String, Object> titled(String title) {
    Map<String, Object> form = IdeaScenario.ideaForm(false, "education");
    form.put(TITLE.name(), title);
    return form;
  }
}
