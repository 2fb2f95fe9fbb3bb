package fr.construisons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a user sees it, driven through Selenium.
 *
 * <p>Elements are found by what does not depend on the language of the web application: CSS
 * classes and AngularJS attributes of Tasklist, the ids that form-js derives from the component
 * ids of our forms ({@code fjs-form-<random>-Field_title}), and the names we wrote ourselves
 * (process, tasks, form labels and options). Every wait is explicit. Public for the browser tests
 * of other packages (the security tests).
 */
public final class Tasklist {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  private static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  private static final By SIGN_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");
  private static final By ACCOUNT_MENU = By.cssSelector("li.account a.dropdown-toggle");
  private static final By LOG_OUT = By.cssSelector("li.account li.logout a");
  private static final By START_PROCESS = By.cssSelector("li.start-process-action a");
  private static final By MODAL = By.cssSelector(".modal-dialog");
  private static final By PROCESS_LINKS = By.cssSelector(".modal-dialog ul.processes > li > a");
  private static final By START_BUTTON = By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']");
  private static final By ERROR_NOTIFICATION = By.cssSelector(".notifications .alert-danger");
  private static final By CAMUNDA_FORM = By.cssSelector(".fjs-container form.fjs-form");
  private static final By TASK_CARD = By.cssSelector("section.task-details section.task-card");
  private static final By TASK_NAME = By.cssSelector("h2.task");
  private static final By CLAIM = By.cssSelector("li.assignee button.claim");
  private static final By DISABLED_FORM = By.cssSelector(".disabled-form");
  private static final By COMPLETE_BUTTON = By.cssSelector(".form-actions button[ng-click='complete()']");
  private static final By ACTIVE_FILTER = By.cssSelector(".task-filter.active h4.name");
  private static final By TASK_LIST_LINKS = By.cssSelector("ol.tasks-list li.task h4.task a");

  /**
   * Words of Tasklist's English locale that would show if a French text were missing. Whole words,
   * case-sensitive, chosen so that no French text of ours (nor an agent's idea) contains them.
   */
  static final List<String> ENGLISH_WORDS = List.of("Start process", "Start", "Claim", "Unclaim", "Complete",
      "Filters", "Created", "Assignee", "Loading", "Set follow-up date", "Set due date", "Follow-up date",
      "Due date", "Add groups", "Add a comment", "History", "Diagram", "Form", "Sort by", "Save", "Cancel",
      "Close", "Log out", "Sign out", "My Profile", "Tasks", "ago", "a few seconds", "minutes ago",
      "Welcome", "Process", "Name", "Search", "Priority", "No task", "Sign in", "Username", "Password",
      // form-js (Camunda Forms): its validation messages, the select's placeholder, its lists.
      "Field", "required", "Select", "must", "Value", "expected", "integer", "pattern", "length", "Please",
      "No results", "Create task",
      // the engine's refusals as the REST API words them.
      "Cannot", "instantiate", "submit",
      // the date picker (flatpickr): month and day names. "Mon" is left out: « Mon profil ».
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sun", "Tue", "Wed", "Thu", "Fri", "Sat", "Wk");

  private final WebDriver driver;
  private final String url;

  public Tasklist(WebDriver driver, int port) {
    this.driver = driver;
    this.url = "http://localhost:" + port + "/camunda/app/tasklist/";
  }

  /** Opens Tasklist and signs in. Never call it with a wrong password: the engine then delays the next login. */
  public Tasklist logIn(String user, String password) {
    driver.get(url);
    // The login page focuses its user field a moment after it shows: on a busy machine that can
    // happen while the password is being typed, which then lands in the user field. So the form
    // is filled until both fields hold what was typed, and only then submitted.
    waitFor("the login form filled in as " + user).until(d -> {
      WebElement username = d.findElement(USERNAME);
      WebElement passwordField = d.findElement(PASSWORD);
      if (!username.isDisplayed() || !username.isEnabled()) {
        return false;
      }
      username.clear();
      username.sendKeys(user);
      passwordField.clear();
      passwordField.sendKeys(password);
      return user.equals(username.getDomProperty("value")) && password.equals(passwordField.getDomProperty("value"));
    });
    driver.findElement(SIGN_IN).click();
    waitUntilOrFail(d -> isDisplayed(START_PROCESS), "signing in as " + user);
    return this;
  }

  /** Opens Tasklist without logging in: for a browser already signed in elsewhere (shared login). */
  public Tasklist openSignedIn(String user) {
    driver.get(url);
    waitUntilOrFail(d -> isDisplayed(START_PROCESS), "Tasklist opening already signed in as " + user);
    return this;
  }

  /** Opens Tasklist and expects its login form: nobody is signed in on this browser. */
  public Tasklist openSignedOut() {
    driver.get(url);
    waitFor("Tasklist's login form").until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    return this;
  }

  /** The name of the filter Tasklist has selected, without the count of its tasks shown next to it. */
  public String activeFilter() {
    return waitFor("a selected filter").until(d -> {
      WebElement name = visible(d, ACTIVE_FILTER);
      if (name == null || name.getText().isBlank()) {
        return null;
      }
      // Tasklist adds the filter's task count (a ".counter" child) once it has it: read in two
      // steps, the name could be taken before the count and the text after. No filter name ends
      // with a number, so a trailing one is the count, whenever it arrived.
      return name.getText().strip().replaceFirst("\\s*\\d+$", "");
    });
  }

  /** The names of the tasks listed by the selected filter, once it has listed some. */
  public List<String> listedTaskNames() {
    return waitFor("tasks in the list").until(d -> {
      List<String> names = d.findElements(TASK_LIST_LINKS).stream().filter(WebElement::isDisplayed)
          .map(a -> a.getText().strip()).toList();
      return names.isEmpty() ? null : names;
    });
  }

  /** The label of the header's start action, where agents find the start forms. */
  public String startActionLabel() {
    return waitFor("the start-process action").until(ExpectedConditions.visibilityOfElementLocated(START_PROCESS))
        .getText().strip();
  }

  /**
   * Fails if a word of Tasklist's English shows in the page (its visible text, the user's data
   * included: keep the words of {@link #ENGLISH_WORDS} out of test data), once loading is over.
   */
  public void assertNoEnglishShown(String where) {
    waitFor("loading to end in " + where).until(d -> !visibleText().contains("Chargement"));
    String text = visibleText();
    assertThat(englishWordsIn(text)).as("English words shown in " + where + ", in: " + text).isEmpty();
  }

  /** The words of {@link #ENGLISH_WORDS} found in a text, as whole words. */
  static List<String> englishWordsIn(String text) {
    return ENGLISH_WORDS.stream()
        .filter(word -> java.util.regex.Pattern.compile("(?<![\\p{L}-])" + java.util.regex.Pattern.quote(word)
            + "(?![\\p{L}-])").matcher(text).find())
        .toList();
  }

  /** What the page shows (its visible text), the toasts included. */
  String visibleText() {
    return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.innerText;"));
  }

  /** The error toasts of Tasklist shown now, as read. */
  List<String> errorsShown() {
    return driver.findElements(ERROR_NOTIFICATION).stream().filter(WebElement::isDisplayed)
        .map(e -> e.getText().replace("\u00d7", "").strip()).toList();
  }

  /** Waits for an error toast whose text contains {@code part}, and returns it. */
  WebElement errorToast(String part) {
    return waitFor("an error toast saying " + part).until(d -> d.findElements(ERROR_NOTIFICATION).stream()
        .filter(WebElement::isDisplayed).filter(e -> e.getText().contains(part)).findFirst().orElse(null));
  }

  /** Waits for a success toast (Tasklist's messages) containing {@code part}, and returns it. */
  WebElement messageToast(String part) {
    return waitFor("a toast saying " + part).until(d -> d.findElements(By.cssSelector(".notifications .alert"))
        .stream().filter(WebElement::isDisplayed).filter(e -> e.getText().contains(part)).findFirst().orElse(null));
  }

  /** Whether the header offers « Créer une tâche » (Tasklist's create-task action). */
  boolean offersToCreateATask() {
    // The header's actions are drawn with the header: once the start action shows, so does this one.
    waitFor("the header's actions").until(d -> isDisplayed(START_PROCESS));
    return isDisplayed(By.cssSelector("li.create-task-action a"));
  }

  /** The label of the claim button of the open task. */
  String claimLabel(WebElement task) {
    return waitFor("the claim button").until(d -> visible(task, CLAIM)).getText().strip();
  }

  /** Fills in the login form with a password that may be wrong, and returns the error it shows. */
  String logInRefused(String user, String password) {
    driver.get(url);
    waitFor("the login form filled in as " + user).until(d -> {
      WebElement username = d.findElement(USERNAME);
      WebElement passwordField = d.findElement(PASSWORD);
      if (!username.isDisplayed() || !username.isEnabled()) {
        return false;
      }
      username.clear();
      username.sendKeys(user);
      passwordField.clear();
      passwordField.sendKeys(password);
      return user.equals(username.getDomProperty("value")) && password.equals(passwordField.getDomProperty("value"));
    });
    driver.findElement(SIGN_IN).click();
    return waitFor("the login refused").until(d -> d.findElements(ERROR_NOTIFICATION).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
  }

  /** Clicks « Terminer » of the open task whatever the state of its form. */
  void clickComplete(WebElement task) {
    click(waitFor("the complete button").until(d -> visible(task, COMPLETE_BUTTON)));
  }

  /** Whether two elements of the page overlap on the screen. */
  boolean overlap(WebElement a, WebElement b) {
    org.openqa.selenium.Rectangle r = a.getRect();
    org.openqa.selenium.Rectangle s = b.getRect();
    return r.x < s.x + s.width && s.x < r.x + r.width && r.y < s.y + s.height && s.y < r.y + r.height;
  }

  WebElement completeButton(WebElement task) {
    return task.findElement(COMPLETE_BUTTON);
  }

  WebDriver driver() {
    return driver;
  }

  /** Signs out through the account menu, back to the login form. */
  public Tasklist logOut() {
    click(waitFor("the account menu").until(ExpectedConditions.elementToBeClickable(ACCOUNT_MENU)));
    click(waitFor("the log-out entry").until(ExpectedConditions.elementToBeClickable(LOG_OUT)));
    waitFor("the login form after logging out").until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    return this;
  }

  /** "Start process" in the header, then the process with that name: its start form. */
  public CamundaForm startProcess(String processName) {
    click(waitFor("the start-process action").until(ExpectedConditions.elementToBeClickable(START_PROCESS)));
    WebElement link = waitFor("process \"" + processName + "\" in the start dialog")
        .until(d -> d.findElements(PROCESS_LINKS).stream()
            .filter(a -> a.getText().strip().equals(processName))
            .findFirst().orElse(null));
    click(link);
    return new CamundaForm(waitFor("the start form of " + processName)
        .until(d -> visible(d.findElement(MODAL), CAMUNDA_FORM)));
  }

  /** "Start" at the bottom of the start dialog, whatever the answer. */
  void clickStart() {
    click(waitFor("an enabled start button").until(ExpectedConditions.elementToBeClickable(START_BUTTON)));
  }

  WebElement startButton() {
    return driver.findElement(START_BUTTON);
  }

  /** "Start" at the bottom of the start dialog; waits until the dialog is gone. */
  public void submitStartForm() {
    click(waitFor("an enabled start button").until(ExpectedConditions.elementToBeClickable(START_BUTTON)));
    waitUntilOrFail(d -> d.findElements(MODAL).isEmpty(), "starting the process");
  }

  /**
   * Opens a task from the list of the current filter (newest first). The list does not refresh
   * by itself: it is reloaded once if the task is not there yet.
   */
  public WebElement openTask(String taskId, String taskName) {
    By inList = By.cssSelector("ol.tasks-list li.task h4.task a[href$='task=" + taskId + "']");
    WebElement link;
    try {
      link = new WebDriverWait(driver, Duration.ofSeconds(8), Duration.ofMillis(100))
          .until(ExpectedConditions.visibilityOfElementLocated(inList));
    } catch (TimeoutException notListedYet) {
      driver.navigate().refresh();
      link = waitFor("task " + taskId + " in the task list")
          .until(ExpectedConditions.visibilityOfElementLocated(inList));
    }
    assertThat(link.getText().strip()).as("name of task " + taskId + " in the list").isEqualTo(taskName);
    click(link);
    WebElement task = waitFor("the details of task \"" + taskName + "\"").until(d -> {
      WebElement card = d.findElement(TASK_CARD);
      return card.findElement(TASK_NAME).getText().strip().equals(taskName) ? card : null;
    });
    waitFor("the form of task \"" + taskName + "\"").until(d -> visible(task, CAMUNDA_FORM));
    return task;
  }

  /** Claims the open task when nobody has it yet; its form is read-only until then. */
  public void claimIfNeeded(WebElement task) {
    List<WebElement> claim = task.findElements(CLAIM);
    if (!claim.isEmpty()) {
      click(claim.get(0));
      waitUntilOrFail(d -> task.findElements(CLAIM).isEmpty() && task.findElements(DISABLED_FORM).isEmpty(),
          "claiming the task");
    }
  }

  public CamundaForm taskForm(WebElement task) {
    return new CamundaForm(task.findElement(CAMUNDA_FORM));
  }

  /** "Complete" under the task form, once the form is valid. */
  public void completeTask(WebElement task) {
    click(waitFor("an enabled complete button").until(d -> {
      WebElement button = task.findElement(COMPLETE_BUTTON);
      return button.isDisplayed() && button.isEnabled() ? button : null;
    }));
  }

  /** Waits for something, but fails at once with Tasklist's message if it shows an error instead. */
  public void waitUntilOrFail(Function<WebDriver, Boolean> done, String doing) {
    String error = waitFor(doing).until(d -> {
      if (done.apply(d)) {
        return "";
      }
      return d.findElements(ERROR_NOTIFICATION).stream().filter(WebElement::isDisplayed)
          .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null);
    });
    assertThat(error).as("Tasklist shows an error while " + doing).isEmpty();
  }

  public void assertNoErrorShown() {
    assertThat(driver.findElements(ERROR_NOTIFICATION).stream().filter(WebElement::isDisplayed)
        .map(WebElement::getText).toList()).as("error notifications of Tasklist").isEmpty();
  }

  /** The browser's languages and the default locale of its Intl API, which form-js uses for dates. */
  String browserLocale() {
    return String.valueOf(((JavascriptExecutor) driver).executeScript(
        "return 'navigator.language=' + navigator.language + ', navigator.languages=' + navigator.languages"
            + " + ', Intl default locale=' + Intl.DateTimeFormat().resolvedOptions().locale"
            + " + ', 4 Jan 2027 in it=' + new Intl.DateTimeFormat().format(new Date(2027, 0, 4));"));
  }

  /** An explicit wait that says what it waited for when it times out. */
  private WebDriverWait waitFor(String what) {
    WebDriverWait wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    wait.withMessage(what);
    return wait;
  }

  private boolean isDisplayed(By locator) {
    return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
  }

  private static WebElement visible(SearchContext scope, By locator) {
    return scope.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
  }

  /** Scrolls the element to the middle of its pane first: the page footer covers the bottom. */
  private void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    waitFor("a clickable " + element.getTagName()).until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** A Camunda Form (form-js) rendered by Tasklist; fields are named by their component id. */
  public final class CamundaForm {

    private final WebElement form;

    CamundaForm(WebElement form) {
      this.form = form;
    }

    private WebElement field(String componentId) {
      return waitFor("field " + componentId).until(d -> visible(form, By.cssSelector("[id$='-" + componentId + "']")));
    }

    /** The label of a field, without the asterisk of required fields. */
    public String label(String componentId) {
      String id = field(componentId).getAttribute("id");
      return form.findElement(By.cssSelector("label[for='" + id + "']")).getText().replace("*", "").strip();
    }

    /** Every text view of the form (its read-only parts), as displayed. */
    public List<String> texts() {
      return form.findElements(By.cssSelector(".fjs-form-field-text")).stream().map(WebElement::getText).toList();
    }

    /** What a field holds, as a DOM property: the text itself, never parsed as markup. */
    public String value(String componentId) {
      return field(componentId).getDomProperty("value");
    }

    /** A field shown for reading only: disabled fields are neither editable nor submitted. */
    public boolean isDisabled(String componentId) {
      return !field(componentId).isEnabled();
    }

    public CamundaForm type(String componentId, String text) {
      WebElement input = field(componentId);
      click(input);
      input.clear();
      input.sendKeys(text);
      waitFor("the text typed in " + componentId).until(d -> text.equals(input.getDomProperty("value")));
      return this;
    }

    /** Picks an option of a form-js select (a drop-down list, not a native select) by its label. */
    public CamundaForm select(String componentId, String optionLabel) {
      click(field(componentId + "-display"));
      WebElement option = waitFor("option \"" + optionLabel + "\" of " + componentId)
          .until(d -> form.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
              .filter(item -> item.getText().strip().equals(optionLabel)).findFirst().orElse(null));
      click(option);
      waitFor(optionLabel + " selected in " + componentId)
          .until(d -> field(componentId + "-display").getText().strip().equals(optionLabel));
      return this;
    }

    /** Ticks a checkbox of a checklist, or picks a radio button, by the start of the option's label. */
    public CamundaForm choose(String componentId, String optionLabelStart) {
      WebElement input = waitFor("option \"" + optionLabelStart + "…\" of " + componentId)
          .until(d -> form.findElements(By.cssSelector("input[id*='-" + componentId + "-']")).stream()
              .filter(option -> form.findElement(By.cssSelector("label[for='" + option.getAttribute("id") + "']"))
                  .getText().strip().startsWith(optionLabelStart))
              .findFirst().orElse(null));
      click(input);
      waitFor(optionLabelStart + "… chosen in " + componentId).until(d -> input.isSelected());
      return this;
    }

    /**
     * Picks an option like {@link #select}, and returns every option the open list offered, as
     * displayed. Read while picking: once its list has closed, a form-js select of Tasklist 7.24
     * does not open again on a click until another field has had the focus.
     */
    List<String> selectAmongOffered(String componentId, String optionLabel) {
      click(field(componentId + "-display"));
      // An empty list shows "No results" (.fjs-dropdownlist-empty) instead of items.
      List<String> offered = waitFor("the options of " + componentId).until(d -> {
        WebElement list = visible(form, By.cssSelector(".fjs-dropdownlist"));
        return list == null ? null : list.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
            .map(item -> item.getText().strip()).toList();
      });
      WebElement option = waitFor("option \"" + optionLabel + "\" of " + componentId)
          .until(d -> form.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
              .filter(item -> item.getText().strip().equals(optionLabel)).findFirst().orElse(null));
      click(option);
      waitFor(optionLabel + " selected in " + componentId)
          .until(d -> field(componentId + "-display").getText().strip().equals(optionLabel));
      return offered;
    }

    /**
     * The format a form-js date picker reads and shows as its placeholder, such as "dd/mm/yyyy":
     * form-js derives it from the browser's default locale ({@code Intl.DateTimeFormat}).
     */
    String dateFormat(String componentId) {
      return field(componentId + "-date").getAttribute("placeholder");
    }

    /** The date a form-js date picker shows, as the user reads it. */
    String dateShown(String componentId) {
      return field(componentId + "-date").getDomProperty("value");
    }

    /**
     * Types a date into a form-js date picker (a flatpickr text input) in the format its
     * placeholder asks for, confirms it with Enter as a user would, and closes the calendar.
     */
    CamundaForm typeDate(String componentId, LocalDate date) {
      String format = dateFormat(componentId);
      // form-js writes it in English (dd/mm/yyyy), our script in French (jj/mm/aaaa).
      assertThat(format).as("date format of " + componentId).matches("(dd|jj|mm|yyyy|aaaa)(\\W(dd|jj|mm|yyyy|aaaa)){2}");
      String typed = format.replaceAll("dd|jj", String.format(Locale.ROOT, "%02d", date.getDayOfMonth()))
          .replace("mm", String.format(Locale.ROOT, "%02d", date.getMonthValue()))
          .replaceAll("yyyy|aaaa", String.valueOf(date.getYear()));
      WebElement input = field(componentId + "-date");
      click(input);
      input.clear();
      input.sendKeys(typed);
      input.sendKeys(Keys.ENTER);
      // The picker rewrites the date in its own pattern, which may drop leading zeros (M/d/yyyy in en-US).
      String unpadded = typed.replaceAll("\\b0(\\d)", "$1");
      waitFor("the date " + typed + " in " + componentId)
          .until(d -> unpadded.equals(String.valueOf(input.getDomProperty("value")).replaceAll("\\b0(\\d)", "$1")));
      input.sendKeys(Keys.ESCAPE);
      waitFor("the calendar of " + componentId + " closed")
          .until(d -> visible(form, By.cssSelector(".flatpickr-calendar.open")) == null);
      return this;
    }

    /** The messages form-js shows under a field (its error list), once there are some. */
    List<String> errors(String componentId) {
      return waitFor("the errors of " + componentId).until(d -> {
        String id = field(componentId).getAttribute("id");
        List<String> shown = form.findElements(By.cssSelector("[id='" + id + "-error-message'] li")).stream()
            .filter(WebElement::isDisplayed).map(li -> li.getText().strip()).toList();
        return shown.isEmpty() ? null : shown;
      });
    }

    /** Waits until the errors under a field are exactly these. */
    /** The refusal of the server written under a field (scripts/tasklist-guidance.js). */
    CamundaForm assertServerError(String componentId, String expected) {
      waitFor("the server's refusal « " + expected + " » under " + componentId).until(d -> {
        WebElement container = (WebElement) ((JavascriptExecutor) d).executeScript(
            "return arguments[0].closest('.fjs-form-field');", field(componentId));
        return container.findElements(By.cssSelector(".construisons-server-error")).stream()
            .anyMatch(e -> e.isDisplayed() && e.getText().strip().equals(expected));
      });
      return this;
    }

    CamundaForm assertErrors(String componentId, String... expected) {
      waitFor("the errors " + List.of(expected) + " under " + componentId).until(d -> {
        String id = field(componentId).getAttribute("id");
        return form.findElements(By.cssSelector("[id='" + id + "-error-message'] li")).stream()
            .map(li -> li.getText().strip()).toList().equals(List.of(expected));
      });
      return this;
    }

    /** Types into a field key by key, as a user would (no clearing of what form-js rewrote). */
    CamundaForm typeKeys(String componentId, String keys) {
      WebElement input = field(componentId);
      click(input);
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(keys);
      return this;
    }

    /** The text a select shows when nothing is chosen, or its choice. */
    String selectShown(String componentId) {
      return field(componentId + "-display").getText().strip();
    }

    /** Opens the calendar of a date picker and returns its visible text (month, days). */
    String openCalendar(String componentId) {
      click(field(componentId + "-date"));
      return waitFor("the calendar of " + componentId).until(d -> {
        WebElement calendar = visible(form, By.cssSelector(".flatpickr-calendar.open"));
        return calendar == null ? null : calendar.getText();
      });
    }

    /** The weekday headers of the open calendar, in order. */
    List<String> weekdays() {
      return form.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday")).stream()
          .map(e -> e.getText().strip()).toList();
    }

    /** The month the open calendar shows, as its drop-down list reads it. */
    String calendarMonth() {
      WebElement month = form.findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-monthDropdown-months"));
      return month.findElements(By.cssSelector("option")).stream().filter(WebElement::isSelected)
          .map(WebElement::getText).findFirst().orElse("");
    }

    /** Closes the open calendar (Escape in its date field). */
    CamundaForm closeCalendar(String componentId) {
      field(componentId + "-date").sendKeys(Keys.ESCAPE);
      waitFor("the calendar of " + componentId + " closed")
          .until(d -> visible(form, By.cssSelector(".flatpickr-calendar.open")) == null);
      return this;
    }

    /** Ticks a single checkbox field. */
    public CamundaForm tick(String componentId) {
      WebElement box = field(componentId);
      if (!box.isSelected()) {
        click(box);
      }
      waitFor(componentId + " ticked").until(d -> box.isSelected());
      return this;
    }
  }
}
