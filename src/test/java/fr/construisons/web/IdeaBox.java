package fr.construisons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The idea box's pages in the browser (our own pages, server-rendered). */
public final class IdeaBox {

  private final WebDriver driver;
  private final String base;

  public IdeaBox(WebDriver driver, int port) {
    this.driver = driver;
    this.base = "http://localhost:" + port;
  }

  public String url(String path) {
    return base + path;
  }

  /** Opens a page of ours; an anonymous visitor lands on the login page. */
  public IdeaBox open(String path) {
    driver.get(url(path));
    return this;
  }

  /** Signs in on our login page (after {@link #open} sent us there, or directly). */
  public IdeaBox logIn(String user, String password) {
    if (!driver.getCurrentUrl().contains("/connexion")) {
      open("/connexion");
    }
    WebElement id = wait("the login form").until(ExpectedConditions.visibilityOfElementLocated(By.id("identifiant")));
    id.clear();
    id.sendKeys(user);
    driver.findElement(By.id("motDePasse")).sendKeys(password);
    driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
    wait("signed in as " + user).until(d -> !d.getCurrentUrl().contains("/connexion"));
    return this;
  }

  public String heading() {
    return wait("a page heading").until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText().strip();
  }

  /** Titles of the ideas listed on the current page of the list. */
  public List<String> listedTitles() {
    return driver.findElements(By.cssSelector(".idea-card h2 a")).stream().map(a -> a.getText().strip()).toList();
  }

  public String signedInName() {
    return driver.findElement(By.cssSelector(".site-header__user span")).getText().strip();
  }

  public WebDriverWait wait(String what) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100));
    wait.withMessage("waiting for " + what);
    // Our forms post and redirect: an element found just before the new page replaces the old
    // one goes stale between two reads, which means "not yet", not a failure.
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  public void assertOnLoginPage() {
    assertThat(driver.getCurrentUrl()).contains("/connexion");
  }
}
