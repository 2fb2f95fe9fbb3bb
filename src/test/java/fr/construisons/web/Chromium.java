package fr.construisons.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium for one test, driven by Selenium through the system chromedriver.
 *
 * <p>Nothing is downloaded: the browser and the driver are the Debian packages {@code chromium}
 * and {@code chromium-driver}, found through {@code CHROMIUM_PATH} / {@code CHROMEDRIVER_PATH} (set
 * by {@code .ci/run}) or on the PATH, and both paths are handed to Selenium so that Selenium
 * Manager never runs. Without them each browser test fails on CI ({@code CI=true}) and is skipped
 * elsewhere, with the reason.
 *
 * <p>Each test gets a fresh profile (a temporary directory). Screenshots go to
 * {@code target/browser-screenshots/}: one per {@link #screenshot step}, and one with the page's
 * HTML when the test fails; the chromedriver log of each test is kept next to them.
 */
public final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    TestExecutionExceptionHandler {

  public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private String missing;
  private Path browser;
  private Path driverExecutable;
  private Path profile;
  private ChromeDriver driver;
  private String testName;
  private final AtomicInteger shots = new AtomicInteger();
  private long startedAt;

  /** The browser of the running test. */
  public WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("No browser: Chromium is started for each test");
    }
    return driver;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Optional<Path> chromium = executable("CHROMIUM_PATH", "chromium");
    Optional<Path> chromedriver = executable("CHROMEDRIVER_PATH", "chromedriver");
    if (chromium.isEmpty() || chromedriver.isEmpty()) {
      missing = "Browser test needs Chromium and ChromeDriver (Debian: apt-get install -y"
          + " --no-install-recommends chromium chromium-driver), or CHROMIUM_PATH and"
          + " CHROMEDRIVER_PATH; not found: " + (chromium.isEmpty() ? "chromium " : "")
          + (chromedriver.isEmpty() ? "chromedriver" : "");
      return;
    }
    browser = chromium.get();
    driverExecutable = chromedriver.get();
    Files.createDirectories(SCREENSHOTS);
    String prefix = context.getRequiredTestClass().getSimpleName() + "-";
    try (Stream<Path> old = Files.list(SCREENSHOTS)) {
      old.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(Chromium::deleteQuietly);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (missing != null) {
      // Per test rather than per class, so that the report shows the skipped test and why.
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(missing);
      }
      System.err.println("SKIPPED " + context.getDisplayName() + ": " + missing);
      Assumptions.abort(missing);
    }
    testName = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    startedAt = System.nanoTime();
    shots.set(0);
    profile = Files.createTempDirectory("construisons-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    // The agents' browsers are in French: Tasklist uses French wherever it has a French locale.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
    // Keeps the browser console, printed after the test (JavaScript errors of the web apps).
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=fr-FR",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driverExecutable.toFile())
        .usingAnyFreePort()
        .withLogFile(SCREENSHOTS.resolve(testName + "-chromedriver.log").toFile())
        // Tasklist shows dates in the browser's time zone: the agents' one.
        .withEnvironment(Map.of("TZ", "Europe/Paris"))
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    log("Chromium " + driver.getCapabilities().getBrowserVersion() + " started");
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    if (driver != null) {
      try {
        Path shot = screenshot("failure");
        Files.writeString(shot.resolveSibling(shot.getFileName().toString().replace(".png", ".html")),
            driver.getCurrentUrl() + "\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        failure.addSuppressed(new AssertionError("Browser at " + driver.getCurrentUrl() + ", see " + shot));
      } catch (RuntimeException | IOException screenshotFailed) {
        failure.addSuppressed(screenshotFailed);
      }
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (driver != null) {
        printConsoleErrors();
        driver.quit();
      }
    } finally {
      driver = null;
      if (profile != null) {
        deleteQuietly(profile);
        profile = null;
      }
    }
  }

  /** Saves what the browser shows as target/browser-screenshots/{test}-{nn}-{step}.png. */
  public Path screenshot(String step) {
    Path target = SCREENSHOTS.resolve(String.format(Locale.ROOT, "%s-%02d-%s.png", testName,
        shots.incrementAndGet(), step));
    try {
      Files.write(target, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log(step + " -> " + target);
    return target;
  }

  private void printConsoleErrors() {
    try {
      driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
          .forEach(entry -> log("console " + entry.getLevel() + ": " + entry.getMessage()));
    } catch (RuntimeException unsupported) {
      log("no browser console: " + unsupported.getMessage());
    }
  }

  private void log(String message) {
    System.out.printf(Locale.ROOT, "[browser %5.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, message);
  }

  private static Optional<Path> executable(String environmentVariable, String command) {
    String configured = System.getenv(environmentVariable);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String directory : searchPath.split(java.io.File.pathSeparator)) {
      if (!directory.isEmpty()) {
        Path candidate = Path.of(directory, command);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static void deleteQuietly(Path path) {
    try (Stream<Path> tree = Files.walk(path)) {
      tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a leftover temp profile does no harm
    }
  }
}
