package fr.construisons.web;

import static fr.construisons.idea.IdeaLifecycle.TAKE_UP_DECISION;
import static fr.construisons.idea.IdeaLifecycle.TAKE_UP_REASON;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The idea's page in headless Chromium: an agent supports an idea and comments on it, the
 * innovation team hides the comment with a reason, and the agent then reads why. The page passes
 * axe-core's WCAG 2.1 AA checks with its timeline, its comments and the moderation form open.
 * Screenshots in target/browser-screenshots/.
 */
@ProcessTest
class IdeaPageBrowserTest {

  private static final String PASSWORD = "demo";
  private static final String COMMENT = "Même besoin au collège de Voiron : l'accueil pourrait servir de relais.";
  private static final String REASON = "Le commentaire nomme un établissement sans son accord.";
  private static final String ANSWER = "Nous l'intégrons au plan collèges 2027.";

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired TaskService tasks;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
  }

  @Test
  void anAgentSupportsAndCommentsThenTheTeamHidesTheCommentWithAReasonEveryoneReads() {
    // An idea with a few public steps: forwarded to two directorates, one has answered.
    ProcessInstance idea = scenario.submit(IdeaScenario.AGENT, IdeaScenario.ideaForm(false, "education", "mobilites"));
    scenario.orient(idea, 1, 3);
    Task education = tasks.createTaskQuery().processInstanceId(idea.getId()).taskCandidateGroup("dir-education").singleResult();
    scenario.completeTask(education, Map.of(TAKE_UP_DECISION.name(), "TAKES_UP", TAKE_UP_REASON.name(), ANSWER));
    String page = "/idees/" + idea.getBusinessKey();

    WebDriver driver = chromium.driver();
    IdeaBox box = new IdeaBox(driver, port);
    box.open(page).logIn(IdeaScenario.AGENT, PASSWORD);
    assertThat(driver.getCurrentUrl()).as("back on the idea after signing in").endsWith(page);
    assertThat(box.heading()).isEqualTo("Relais-colis dans nos implantations");
    assertThat(driver.findElement(By.id("parcours")).getText())
        .contains("Transmise aux directions : Direction de l'éducation, Direction des mobilités",
            "Direction de l'éducation s'en saisit", ANSWER);
    WebElement support = driver.findElement(By.id("bouton-soutien"));
    assertThat(support.getAttribute("aria-pressed")).isEqualTo("false");
    assertThat(support.getText()).isEqualTo("Je soutiens cette idée");
    assertThat(driver.findElement(By.cssSelector(".support-count")).getText()).isEqualTo("Aucun agent ne soutient encore cette idée.");
    chromium.screenshot("idea-page");

    support.click();
    box.wait("the support recorded").until(d -> "true".equals(d.findElement(By.id("bouton-soutien")).getAttribute("aria-pressed")));
    assertThat(driver.findElement(By.cssSelector(".support-count")).getText()).isEqualTo("1 agent soutient cette idée.");
    assertThat(driver.findElement(By.id("bouton-soutien")).getText()).contains("retirer mon soutien");
    chromium.screenshot("supported");

    driver.findElement(By.id("commentaire")).sendKeys(COMMENT);
    driver.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
    WebElement published = box.wait("the comment published")
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment__body")));
    assertThat(published.getText()).isEqualTo(COMMENT);
    assertThat(driver.findElement(By.cssSelector(".comment__meta")).getText()).startsWith("Camille Martin, le ");
    assertThat(driver.findElements(By.cssSelector(".moderation"))).as("no moderation for an agent").isEmpty();
    chromium.screenshot("commented");

    signOut(driver, box);
    box.open(page).logIn(IdeaScenario.TEAM_MEMBER, PASSWORD);
    WebElement moderation = driver.findElement(By.cssSelector(".moderation"));
    moderation.findElement(By.tagName("summary")).click();
    box.wait("the moderation form open").until(ExpectedConditions.visibilityOf(moderation.findElement(By.name("motif"))));
    chromium.screenshot("team-moderation-form");
    Accessibility.assertNoSeriousViolation(driver, "the idea's page for the innovation team");

    moderation.findElement(By.name("motif")).sendKeys(REASON);
    moderation.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement notice = box.wait("the comment hidden")
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment__hidden")));
    assertThat(notice.getText()).isEqualTo("Commentaire masqué par l'équipe Construisons! : " + REASON);
    chromium.screenshot("team-hid-comment");

    signOut(driver, box);
    box.open(page).logIn(IdeaScenario.AGENT, PASSWORD);
    assertThat(driver.findElement(By.cssSelector(".comment__hidden")).getText())
        .isEqualTo("Commentaire masqué par l'équipe Construisons! : " + REASON);
    assertThat(driver.findElement(By.id("commentaires")).getText()).doesNotContain(COMMENT);
    assertThat(driver.findElement(By.id("bouton-soutien")).getAttribute("aria-pressed")).isEqualTo("true");
    chromium.screenshot("agent-reads-hidden-notice");
    Accessibility.assertNoSeriousViolation(driver, "the idea's page for an agent");

    // The author changes their mind about their name (submitted without it).
    assertThat(driver.findElement(By.id("mon-nom")).getText()).contains("Votre nom n’est pas affiché avec elle");
    driver.findElement(By.id("bouton-nom")).click();
    box.wait("the name shown").until(ExpectedConditions.textToBePresentInElementLocated(By.id("bouton-nom"),
        "Ne plus afficher mon nom"));
    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
        .isEqualTo("Votre nom est désormais affiché avec cette idée.");
    assertThat(driver.findElement(By.cssSelector("dd.author")).getText()).isEqualTo("Camille Martin");
    chromium.screenshot("author-shows-name");
    Accessibility.assertNoSeriousViolation(driver, "the idea's page for its author, name shown");
  }

  private static void signOut(WebDriver driver, IdeaBox box) {
    driver.findElement(By.cssSelector(".site-header__user button[type=submit]")).click();
    box.wait("signed out").until(d -> d.getCurrentUrl().contains("/connexion"));
  }
}
