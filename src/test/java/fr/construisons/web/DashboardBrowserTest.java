package fr.construisons.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.dashboard.SeededYear;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in headless Chromium, as a member of the innovation team, on the seeded year
 * 2031: Chart.js draws every chart from its table under the page's strict security policy, the
 * tables show the figures, and axe-core finds no serious accessibility problem.
 */
@ProcessTest
class DashboardBrowserTest {

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;

  /** Seeds the year before each test and puts the engine clock back after it. */
  @RegisterExtension final SeededYear.Seeding year = new SeededYear.Seeding();

  @Test
  void theTeamReadsTheChartsAndTheirTables() {
    WebDriver driver = chromium.driver();
    IdeaBox pages = new IdeaBox(driver, port);
    pages.open("/tableau-de-bord").logIn(IdeaScenario.TEAM_MEMBER, "demo");
    assertThat(pages.heading()).isEqualTo("Tableau de bord de l'innovation");

    // The year filter, as people use it; "now" is the seeded year's, so F's call is late.
    ClockUtil.setCurrentTime(Date.from(SeededYear.NOW));
    new Select(driver.findElement(By.id("annee"))).selectByVisibleText("2031");
    driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    pages.wait("the 2031 dashboard").until(d -> d.getCurrentUrl().contains("annee=2031"));

    List<WebElement> canvases = driver.findElements(By.cssSelector("canvas[data-table]"));
    assertThat(canvases).hasSize(4);
    pages.wait("every chart drawn").until(d -> d.findElements(By.cssSelector("canvas[data-rendered=true]")).size() == 4);
    for (WebElement canvas : canvases) {
      assertThat(canvas.getAttribute("role")).isEqualTo("img");
      assertThat(canvas.getAttribute("aria-label")).isNotBlank();
      assertThat(canvas.getSize().getHeight()).as(canvas.getAttribute("id") + " height").isGreaterThan(100);
      // Chart.js knows the chart and drew the table's numbers.
      Object data = ((JavascriptExecutor) driver).executeScript(
          "return Chart.getChart(arguments[0]).data.datasets[0].data;", canvas);
      assertThat(data).as(canvas.getAttribute("id")).isInstanceOf(List.class);
    }
    Object funnel = ((JavascriptExecutor) driver).executeScript(
        "return Chart.getChart(document.getElementById('graphique-parcours')).data.datasets[0].data;");
    assertThat(funnel).isEqualTo(List.of(6L, 5L, 5L, 1L, 2L, 2L, 1L, 2L));

    assertThat(cells("tableau-parcours", 1)).containsExactly("6", "5", "5", "1", "2", "2", "1", "2");
    assertThat(rowHeaders("tableau-directions")).containsExactly("Direction de l'éducation",
        "Direction des systèmes d'information", "Direction des mobilités");
    assertThat(cells("tableau-directions", 1)).containsExactly("3", "2", "1");
    assertThat(cells("tableau-mois", 1)).containsExactly("0", "0", "3", "2", "0", "1", "0", "0", "0", "0", "0", "0");
    assertThat(driver.findElement(By.cssSelector("#tableau-durees tr[data-step=CLARIFICATION]")).getText())
        .isEqualTo("Mener l'appel de clarification 5 3,0 7,6");
    assertThat(driver.findElement(By.cssSelector("#tableau-retards tbody")).getText())
        .isEqualTo(year.ideas().f() + " Composteurs dans les cantines Mener l'appel de clarification 10 juin 2031 17 juin 2031");
    chromium.screenshot("dashboard");

    Accessibility.assertNoSeriousViolation(driver, "tableau de bord");
  }

  private List<String> cells(String table, int column) {
    return chromium.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
        .map(row -> row.findElements(By.cssSelector("th, td")).get(column).getText().strip()).toList();
  }

  private List<String> rowHeaders(String table) {
    return cells(table, 0);
  }
}
