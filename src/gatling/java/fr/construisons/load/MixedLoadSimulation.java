package fr.construisons.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.jdbc.JdbcDsl.jdbcFeeder;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The mixed load of one node at national scale (docs/performance.md, "Load test and soak"):
 *
 * <ul>
 *   <li><b>agents</b> (demo agents, each virtual user its own browser session, signed in through
 *       our login page with its CSRF field): a page of the idea box or a search, an idea found on
 *       that page, sometimes a support or a comment on it, sometimes a new idea through
 *       « Déposer une idée »;
 *   <li><b>the innovation team</b> in Tasklist ({@code lea}, signed in as Tasklist does, every call
 *       with the X-XSRF-TOKEN header): the « Tâches de mon groupe » filter (page and count), the
 *       form variables of an open clarification call, then claiming and completing it with the
 *       variables of {@code forms/clarify-idea.form};
 *   <li><b>intranet feed readers</b>, anonymous, at a fixed rate: the latest 10 or 50 ideas.
 * </ul>
 *
 * <p>Every figure comes from Gatling's own report. Iterations that start during the warm-up are
 * put in the group « warm-up », so the requests outside any group are the measured ones; with
 * {@code load.window} set (the soak) each later iteration goes in the group of its time window,
 * so the report gives each request type's percentiles at the start and at the end of one
 * continuous run.
 *
 * <p>Settings (system properties, {@code -Dload.…}): {@code baseUrl}, {@code duration} and
 * {@code warmup} (seconds), {@code agents} and {@code team} (concurrent sessions), {@code feed}
 * (feed requests per second), {@code thinkMin}/{@code thinkMax} (ms), {@code window} (seconds,
 * 0 = none), {@code db}/{@code dbUser} (where the open clarification calls are picked).
 */
public class MixedLoadSimulation extends Simulation {

  private static final String BASE_URL = System.getProperty("load.baseUrl", "http://127.0.0.1:18090");
  private static final int DURATION = Integer.getInteger("load.duration", 300);
  private static final int WARMUP = Integer.getInteger("load.warmup", 60);
  private static final int AGENTS = Integer.getInteger("load.agents", 20);
  private static final int TEAM = Integer.getInteger("load.team", 2);
  private static final double FEED_PER_SECOND = Double.parseDouble(System.getProperty("load.feed", "1"));
  private static final int THINK_MIN = Integer.getInteger("load.thinkMin", 1000);
  private static final int THINK_MAX = Integer.getInteger("load.thinkMax", 3000);
  private static final int WINDOW = Integer.getInteger("load.window", 0);
  private static final int RAMP = Integer.getInteger("load.ramp", 20);
  private static final String DB = System.getProperty("load.db", "jdbc:postgresql://127.0.0.1:5432/construisons_scale");
  private static final String DB_USER = System.getProperty("load.dbUser", "postgres");

  private static final String PASSWORD = "demo";
  /** The demo agents without a role in the scheme: what they do here any agent may do. */
  private static final List<String> AGENT_LOGINS = List.of("camille", "sophie", "karim", "jeanne", "marc", "ines", "hugo");
  /**
   * Searched words: the first three are in the title of every finished idea of the data set,
   * « ouverte » in the open ones', « cantine » in none (a search that finds nothing).
   */
  private static final List<String> SEARCH_TERMS = List.of("colis", "relais", "implantations", "ouverte", "cantine");
  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final String API_ACCEPT = "application/json, text/plain, */*";

  /** When the simulation started, for the window of each iteration. */
  private static volatile long startedAt = System.nanoTime();
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
      // Each post is measured on its own: the page a browser then loads is its own request type.
      .disableFollowRedirect()
      .acceptEncodingHeader("gzip, deflate")
      .acceptLanguageHeader("fr-FR,fr;q=0.9")
      .userAgentHeader("Gatling (Construisons! load test)");

  // ---- agents (our pages) ----

  private final Iterator<Map<String, Object>> agentLogins = Stream.iterate(0, i -> i + 1)
      .map(i -> Map.<String, Object>of("login", AGENT_LOGINS.get(i % AGENT_LOGINS.size())))
      .iterator();

  private final ChainBuilder agentSignIn = exec(
      http("agent sign-in: login page").get("/connexion").header("Accept", BROWSER_ACCEPT)
          .check(css("input[name='_csrf']", "value").saveAs("csrf")),
      http("agent sign-in: post").post("/connexion").header("Accept", BROWSER_ACCEPT)
          .formParam("identifiant", "#{login}").formParam("motDePasse", PASSWORD)
          .formParam("suite", "/idees").formParam("_csrf", "#{csrf}")
          .check(status().is(302), header("Location").is("/idees")));

  /** A page of the idea box; an idea of it is remembered for the next step (none if a search finds nothing). */
  private final ChainBuilder ideaBoxList = exec(session -> session.remove("idea"))
      .exec(randomSwitch().on(
          percent(85).then(exec(http("idea box list").get("/idees")
              .queryParam("page", session -> 1 + ThreadLocalRandom.current().nextInt(200))
              .header("Accept", BROWSER_ACCEPT)
              .check(css("main h2 a", "href").findRandom().optional().saveAs("idea")))),
          percent(15).then(exec(http("idea box search").get("/idees")
              .queryParam("recherche", session -> SEARCH_TERMS.get(ThreadLocalRandom.current().nextInt(SEARCH_TERMS.size())))
              .header("Accept", BROWSER_ACCEPT)
              .check(css("main h2 a", "href").findRandom().optional().saveAs("idea"))))));

  private final ChainBuilder ideaPage = exec(http("idea page").get("#{idea}").header("Accept", BROWSER_ACCEPT)
      .check(css("form.support-form input[name='soutenir']", "value").saveAs("support"),
          css("form.support-form input[name='_csrf']", "value").saveAs("csrf")));

  private final ChainBuilder supportIdea = exec(http("support idea").post("#{idea}/soutien").header("Accept", BROWSER_ACCEPT)
      .formParam("soutenir", "#{support}").formParam("_csrf", "#{csrf}")
      .check(status().is(302)));

  private final ChainBuilder commentIdea = exec(http("comment on idea").post("#{idea}/commentaires").header("Accept", BROWSER_ACCEPT)
      .formParam("commentaire", session -> "Commentaire du test de charge n° " + SEQUENCE.incrementAndGet()
          + " : l'idée servirait aussi dans notre service.")
      .formParam("_csrf", "#{csrf}")
      .check(status().is(302)));

  private final ChainBuilder submitIdea = exec(
      http("new idea form").get("/idees/nouvelle").header("Accept", BROWSER_ACCEPT)
          .check(css("input[name='_csrf']", "value").saveAs("csrf"),
              css("select[name='ideatorDirectorate'] option[selected]", "value").saveAs("directorate"),
              css("input[name='impactedDirectorates']", "value").findRandom().saveAs("impacted")))
      // Typing an idea takes longer than reading a page.
      .pause(Duration.ofMillis(2L * THINK_MIN), Duration.ofMillis(2L * THINK_MAX))
      .exec(http("submit idea").post("/idees/nouvelle").header("Accept", BROWSER_ACCEPT)
          .formParam("title", session -> "Idée du test de charge n° " + SEQUENCE.incrementAndGet())
          .formParam("problem", "Les agents ressaisissent plusieurs fois les mêmes informations dans des outils différents.")
          .formParam("solution", "Partager un formulaire unique dont les données alimentent les autres outils.")
          .formParam("benefits", "Du temps gagné et moins d'erreurs de saisie.")
          .formParam("ideatorDirectorate", "#{directorate}")
          .formParam("impactedDirectorates", "#{impacted}")
          .formParam("_csrf", "#{csrf}")
          .check(status().is(302), header("Location").is("/idees")));

  private final ChainBuilder agentVisit = exec(ideaBoxList)
      .exec(think())
      .doIf(session -> session.contains("idea")).then(
          exec(ideaPage).exec(think()).exec(randomSwitch().on(
              percent(15).then(exec(supportIdea)),
              percent(10).then(exec(commentIdea)))))
      .exec(randomSwitch().on(percent(4).then(exec(submitIdea).exec(think()))));

  private final ScenarioBuilder agents = scenario("agents")
      .feed(agentLogins)
      .exec(agentSignIn)
      .forever().on(windowed(agentVisit));

  // ---- the innovation team (Tasklist) ----

  /**
   * Open clarification calls nobody holds, in random order: each team session takes the next one,
   * so that two sessions never complete the same call. Read once, when the simulation starts
   * (Gatling refuses an empty feeder: without open calls, run with {@code -Dload.team=0}).
   */
  private final FeederBuilder<Object> openCalls = TEAM == 0 ? null : jdbcFeeder(DB, DB_USER, "",
      "select id_ as task from act_ru_task where task_def_key_ = 'Task_ClarifyIdea' and assignee_ is null order by random()")
      .queue();

  private static ChainBuilder xsrf() {
    // The cookie may be renewed by any answer; Tasklist sends the current one back in a header.
    return exec(getCookieValue(CookieKey("XSRF-TOKEN").withPath("/camunda/api/").saveAs("xsrf")));
  }

  private final ChainBuilder teamSignIn = exec(
      http("tasklist sign-in: app page").get("/camunda/app/tasklist/default/").header("Accept", BROWSER_ACCEPT))
      .exec(xsrf())
      .exec(http("tasklist sign-in: post").post("/camunda/api/admin/auth/user/default/login/tasklist")
          .header("Accept", API_ACCEPT).header("X-XSRF-TOKEN", "#{xsrf}")
          .formParam("username", "lea").formParam("password", PASSWORD))
      .exec(xsrf())
      .exec(http("tasklist sign-in: who am I").get("/camunda/api/admin/auth/user/default")
          .header("Accept", API_ACCEPT).header("X-XSRF-TOKEN", "#{xsrf}"))
      .exec(xsrf())
      .exec(http("tasklist sign-in: filters").get(ENGINE + "/filter?resourceType=Task&firstResult=0&maxResults=50")
          .header("Accept", API_ACCEPT).header("X-XSRF-TOKEN", "#{xsrf}")
          .check(jsonPath("$[?(@.name == 'Tâches de mon groupe')].id").saveAs("filter")));

  private final ChainBuilder clarificationCall = TEAM == 0 ? null : exec(xsrf())
      .exec(http("tasklist: filter page").post(ENGINE + "/filter/#{filter}/list?firstResult=0&maxResults=15")
          .header("Accept", API_ACCEPT).header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}")))
      .exec(http("tasklist: filter count").post(ENGINE + "/filter/#{filter}/count")
          .header("Accept", API_ACCEPT).header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody("{}")))
      .exec(think())
      .feed(openCalls)
      .exec(xsrf())
      .exec(http("tasklist: form variables").get(ENGINE + "/task/#{task}/form-variables")
          .header("Accept", API_ACCEPT).header("X-XSRF-TOKEN", "#{xsrf}"))
      .exec(think())
      .exec(xsrf())
      .exec(http("tasklist: claim").post(ENGINE + "/task/#{task}/claim")
          .header("Accept", API_ACCEPT).header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody("{\"userId\":\"lea\"}")).check(status().is(204)))
      .exec(xsrf())
      // The variables of forms/clarify-idea.form: an outcome among its values, notes of 10 to 4,000 characters.
      .exec(http("tasklist: complete").post(ENGINE + "/task/#{task}/submit-form")
          .header("Accept", API_ACCEPT).header("X-XSRF-TOKEN", "#{xsrf}").header("Content-Type", "application/json")
          .body(StringBody("{\"variables\":{\"clarificationOutcome\":{\"value\":\"FITS\",\"type\":\"String\"},"
              + "\"clarificationNotes\":{\"value\":\"Appel de clarification : la solution répond au besoin.\",\"type\":\"String\"}}}"))
          .check(status().in(200, 204)))
      .exec(think());

  private final ScenarioBuilder team = TEAM == 0 ? null : scenario("innovation team")
      .exec(teamSignIn)
      .forever().on(windowed(clarificationCall));

  // ---- intranet feed readers ----

  private final ScenarioBuilder feedReaders = scenario("intranet feed")
      .exec(windowed(randomSwitch().on(
          percent(50).then(exec(http("feed: latest 10").get("/api/idees/dernieres?nombre=10")
              .header("Accept", "application/json").check(jsonPath("$.ideas[9].reference").exists()))),
          percent(50).then(exec(http("feed: latest 50").get("/api/idees/dernieres?nombre=50")
              .header("Accept", "application/json").check(jsonPath("$.ideas[49].reference").exists()))))));

  {
    Duration duration = Duration.ofSeconds(DURATION);
    Duration ramp = Duration.ofSeconds(Math.min(RAMP, DURATION));
    List<PopulationBuilder> populations = new ArrayList<>();
    if (AGENTS > 0) {
      populations.add(agents.injectClosed(rampConcurrentUsers(0).to(AGENTS).during(ramp),
          constantConcurrentUsers(AGENTS).during(duration.minus(ramp))));
    }
    if (TEAM > 0) {
      populations.add(team.injectClosed(rampConcurrentUsers(0).to(TEAM).during(ramp),
          constantConcurrentUsers(TEAM).during(duration.minus(ramp))));
    }
    if (FEED_PER_SECOND > 0) {
      populations.add(feedReaders.injectOpen(constantUsersPerSec(FEED_PER_SECOND).during(duration).randomized()));
    }
    setUp(populations)
        .protocols(protocol)
        // The forever loops end here.
        .maxDuration(duration);
  }

  @Override
  public void before() {
    startedAt = System.nanoTime();
    // load/run.sh reads this line: the samples of the node are placed against it.
    System.out.printf(Locale.ROOT, "Load started at epoch %d: %s, %d s (warm-up %d s, window %d s), %d agents, %d team sessions,"
        + " %.1f feed requests/s%n", System.currentTimeMillis() / 1000, BASE_URL, DURATION, WARMUP, WINDOW, AGENTS, TEAM,
        FEED_PER_SECOND);
  }

  private static ChainBuilder think() {
    return pause(Duration.ofMillis(THINK_MIN), Duration.ofMillis(THINK_MAX));
  }

  /**
   * The chain in the group of the moment it starts: « warm-up », then (with {@code load.window})
   * « window 1 (0–5 min) »…, else no group at all.
   */
  private static ChainBuilder windowed(ChainBuilder chain) {
    Function<Session, String> windowOf = session -> {
      long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
      if (seconds < WARMUP) {
        return "warm-up";
      }
      if (WINDOW <= 0) {
        return "";
      }
      long index = seconds / WINDOW;
      return String.format("window %02d (%d–%d min)", index + 1, index * WINDOW / 60, (index + 1) * WINDOW / 60);
    };
    return exec(session -> session.set("window", windowOf.apply(session)))
        .exec(doIfOrElse(session -> session.getString("window").isEmpty()).then(chain)
            .orElse(group("#{window}").on(chain)));
  }
}
