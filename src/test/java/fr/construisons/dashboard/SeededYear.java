package fr.construisons.dashboard;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.*;

import fr.construisons.incubation.Incubation;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A year of ideas that no other test uses (2031), driven through the real processes with the
 * engine clock set before each step, so every figure of the dashboard is known in advance:
 *
 * <pre>
 * idea  directorate  submitted      path                                    clarif. score decide other
 * A     education    3 March        forwarded, taken up (mobilites)          1 d    1 d   1 d   take-up 3 d
 * B     education    10 March       forwarded, declined (dsi)                2 d    1 d   1 d   take-up 5 d
 * C     education    17 March       experiment, generalised                  3 d    2 d   1 d   experiment 30 d
 * D     mobilites    7 April        feasibility study, not feasible          4 d    3 d   1 d   study 10 d
 * E     dsi          14 April       study, incubation, implemented          10 d    5 d   1 d   study 7 d, manager 4 d
 * F     dsi          10 June, 9:00  still waiting for its clarification call
 * </pre>
 *
 * The database and the Spring context are shared by every test class of the run: the year is
 * seeded once per JVM, by whichever dashboard test comes first.
 */
public final class SeededYear {

  public static final int YEAR = 2031;
  /** "Now" for the figures: F's clarification call (due 17 June 9:00) is late. */
  public static final Instant NOW = Instant.parse("2031-07-01T10:00:00Z");
  /** F was submitted then; its clarification reminder is due five working days later. */
  public static final Instant F_SUBMITTED = Instant.parse("2031-06-10T09:00:00Z");
  public static final Instant F_DUE = Instant.parse("2031-06-17T09:00:00Z");

  public static final String TITLE_WITH_QUOTES = "Relais \"colis\" ; accueils\ndes sites éloignés";
  public static final String TITLE_LIKE_A_FORMULA = "=HYPERLINK(\"http://exemple.invalid\";\"Cliquez\")";
  public static final String NOT_FEASIBLE_REASON = "Contraintes d'assurance.\nLocaux inadaptés.";

  /** References of A to F. */
  public record Ideas(String a, String b, String c, String d, String e, String f) {
    public List<String> all() {
      return List.of(a, b, c, d, e, f);
    }
  }

  private static Ideas seeded;

  private SeededYear() {}

  public static synchronized Ideas ensure(IdeaScenario scenario, RuntimeService runtime, JdbcClient jdbc) {
    if (seeded != null) {
      return seeded;
    }
    long already = jdbc.sql("select count(*) from idea where reference like 'CONS-" + YEAR + "-%'").query(Long.class).single();
    if (already != 0) {
      throw new IllegalStateException(already + " ideas of " + YEAR + " exist already: another test uses the year");
    }
    try {
      seeded = new Seeder(scenario, runtime).seed();
      return seeded;
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * The set-up every dashboard test shares, in one place rather than the same fields,
   * {@code @BeforeEach} and {@code @AfterEach} in each class: before each test the year is seeded
   * (once per JVM; the processes send mail, so the SMTP server must be up), and after it the engine
   * clock, which the tests set to {@link #NOW}, is put back. Register it on an instance field:
   * {@code @RegisterExtension final SeededYear.Seeding year = new SeededYear.Seeding();}, then read
   * {@code year.ideas()}.
   */
  public static final class Seeding implements BeforeEachCallback, AfterEachCallback {
    private Ideas ideas;

    @Override
    public void beforeEach(ExtensionContext context) {
      MailServer.get();
      // The test's own Spring context (shared by the run), whose beans drive the processes.
      ApplicationContext spring = SpringExtension.getApplicationContext(context);
      ideas = ensure(spring.getBean(IdeaScenario.class), spring.getBean(RuntimeService.class),
          spring.getBean(JdbcClient.class));
    }

    @Override
    public void afterEach(ExtensionContext context) {
      ClockUtil.reset();
    }

    /** References of A to F, once seeded. */
    public Ideas ideas() {
      if (ideas == null) {
        throw new IllegalStateException("The year is seeded before each test, not before");
      }
      return ideas;
    }
  }

  private static final class Seeder {
    private final IdeaScenario scenario;
    private final RuntimeService runtime;
    private Instant clock;

    Seeder(IdeaScenario scenario, RuntimeService runtime) {
      this.scenario = scenario;
      this.runtime = runtime;
    }

    Ideas seed() {
      ProcessInstance a = submit("2031-03-03T09:00:00Z", TITLE_WITH_QUOTES, "education", false, "mobilites");
      review(a, 1, 1, 1, 3, "FORWARD");
      takeUp(a, 3, "TAKES_UP");

      ProcessInstance b = submit("2031-03-10T09:00:00Z", TITLE_LIKE_A_FORMULA, "education", false, "dsi");
      review(b, 2, 1, 1, 3, "FORWARD");
      takeUp(b, 5, "DECLINES");

      ProcessInstance c = submit("2031-03-17T09:00:00Z", "Covoiturage entre collèges", "education", false, "mobilites");
      review(c, 3, 2, 4, 4, "EXPERIMENT");
      after(30, c, TASK_CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_REPORT.name(), "Trois sites pilotes, sans incident."));
      after(0, c, TASK_ASSESS_EXPERIMENT, Map.of(EXPERIMENT_DECISION.name(), "GENERALISE",
          EXPERIMENT_CONCLUSION.name(), "Généralisé à tous les collèges."));

      ProcessInstance d = submit("2031-04-07T09:00:00Z", "Prêt de vélos aux agents", "mobilites", false, "rh");
      review(d, 4, 3, 3, 1, "STUDY");
      after(10, d, TASK_STUDY_FEASIBILITY, Map.of(STUDY_OUTCOME.name(), "NOT_FEASIBLE",
          STUDY_CONCLUSION.name(), NOT_FEASIBLE_REASON));

      ProcessInstance e = submit("2031-04-14T09:00:00Z", "Guichet numérique unique", "dsi", true, "dsi");
      review(e, 10, 5, 3, 3, "STUDY");
      after(7, e, TASK_STUDY_FEASIBILITY, Map.of(STUDY_OUTCOME.name(), "FEASIBLE",
          STUDY_CONCLUSION.name(), "Faisable avec la plateforme existante.", WANTS_TO_CARRY.name(), true));
      ProcessInstance incubation = runtime.createProcessInstanceQuery().superProcessInstanceId(e.getId()).singleResult();
      Map<String, Object> agreement = new HashMap<>(IdeaScenario.agreement("AGREE"));
      agreement.put(Incubation.START_DATE.name(), "2031-09-01");
      after(4, incubation, Incubation.Elements.TASK_AGREE_ON_WORKING_TIME, agreement);
      after(0, incubation, Incubation.Elements.TASK_FORM_PROJECT_TEAM, IdeaScenario.projectTeam());
      scenario.carryAndReviewWorkstreams(incubation, "FAVOURABLE");
      scenario.decide(incubation, IdeaScenario.decision("IMPLEMENT"));
      after(0, incubation, Incubation.Elements.TASK_IMPLEMENT_IDEA, Map.of(
          Incubation.IMPLEMENTATION_REPORT.name(), "Guichet ouvert le 1er octobre."));

      ProcessInstance f = submit(F_SUBMITTED.toString(), "Composteurs dans les cantines", "dsi", false, "education");

      return new Ideas(a.getBusinessKey(), b.getBusinessKey(), c.getBusinessKey(), d.getBusinessKey(),
          e.getBusinessKey(), f.getBusinessKey());
    }

    private ProcessInstance submit(String at, String title, String directorate, boolean wantsToCarry, String impacted) {
      set(Instant.parse(at));
      Map<String, Object> form = IdeaScenario.ideaForm(wantsToCarry, impacted);
      form.put(TITLE.name(), title);
      form.put(IDEATOR_DIRECTORATE.name(), directorate);
      return scenario.submit(IdeaScenario.AGENT, form);
    }

    /** Clarification, scoring and decision, each finished the given number of days after the last step. */
    private void review(ProcessInstance idea, int clarifyDays, int scoreDays, int impact, int feasibility,
        String expectedOrientation) {
      after(clarifyDays, idea, TASK_CLARIFY_IDEA, IdeaScenario.clarification("FITS"));
      after(scoreDays, idea, TASK_SCORE_IDEA, IdeaScenario.scores(impact, feasibility));
      String recommended = (String) runtime.getVariable(idea.getId(), RECOMMENDED_ORIENTATION.name());
      if (!expectedOrientation.equals(recommended)) {
        throw new IllegalStateException("Scores " + impact + "×" + feasibility + " recommend " + recommended);
      }
      after(1, idea, TASK_DECIDE_ORIENTATION, IdeaScenario.orientation(recommended));
    }

    private void takeUp(ProcessInstance idea, int days, String decision) {
      after(days, idea, TASK_TAKE_UP_IDEA, Map.of(TAKE_UP_DECISION.name(), decision,
          TAKE_UP_REASON.name(), "Réponse de la direction."));
    }

    private void after(int days, ProcessInstance instance, String taskKey, Map<String, Object> form) {
      set(clock.plus(Duration.ofDays(days)));
      scenario.complete(instance, taskKey, form);
    }

    private void set(Instant at) {
      clock = at;
      ClockUtil.setCurrentTime(Date.from(at));
    }
  }
}
