package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.support.Http;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.valves.RemoteIpValve;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The configuration a Département runs — no demo profile, behind HTTPS — started for real: the
 * administrator's password comes from the environment, the password policy applies, queries are
 * bounded, and the webapps answer with hardened cookies and headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:production-configuration;DB_CLOSE_DELAY=-1",
    "CONSTRUISONS_ADMIN_PASSWORD=Tr3s-Secret-2026!",
    "camunda.bpm.job-execution.enabled=false",
    // Its own engine name: the other test contexts of this JVM hold the engine "default".
    "camunda.bpm.process-engine-name=production",
    "construisons.mail.outbox-directory=target/production-configuration-outbox",
    "CONSTRUISONS_ORGANISATION_FILE=classpath:organisation/production-check.yml"})
@ActiveProfiles("https")
class ProductionConfigurationTest {

  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate http;
  @Autowired ServletWebServerApplicationContext server;
  @LocalServerPort int port;

  @Autowired javax.sql.DataSource dataSource;
  @Autowired org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camunda;
  @Autowired org.springframework.boot.autoconfigure.web.ServerProperties serverProperties;
  @org.springframework.beans.factory.annotation.Value("${construisons.load.anonymous-requests}") int anonymousRequests;
  @org.springframework.beans.factory.annotation.Value("${construisons.load.agent-requests}") int agentRequests;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  /**
   * Issue 17, on the default database (H2, as on PostgreSQL: PostgresProfileTest): one connection
   * for every thread that may hold one, so that none waits for the pool, a connection timeout far
   * below Hikari's 30 s, and our pages' places leave Tomcat threads for the health check.
   */
  @Test
  void thePoolCoversEveryThreadAndOurPagesLeaveThreadsForTheHealthCheck() throws Exception {
    com.zaxxer.hikari.HikariDataSource pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
    int jobThreads = camunda.getJobExecution().getMaxPoolSize();
    int webThreads = serverProperties.getTomcat().getThreads().getMax();
    assertThat(pool.getMaximumPoolSize())
        .as("one connection for each job thread (%d), the acquisition thread and each web thread (%d)",
            jobThreads, webThreads)
        .isGreaterThanOrEqualTo(jobThreads + 1 + webThreads)
        .isEqualTo(32);
    assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
    assertThat(anonymousRequests + agentRequests).as("Tomcat threads our pages may take").isLessThan(webThreads);
  }

  @Test
  void theAdministratorHasThePasswordFromTheEnvironmentAndNoOther() {
    assertThat(identity.checkPassword("admin", "Tr3s-Secret-2026!")).isTrue();
    assertThat(identity.checkPassword("admin", "admin")).isFalse();
    assertThat(identity.checkPassword("admin", "demo")).isFalse();
  }

  @Test
  void theOrganisationComesFromTheConfiguredFileAndNobodyHasADemoPassword() {
    assertThat(identity.createUserQuery().userId("nadia").count()).isOne();
    assertThat(identity.createUserQuery().userId("camille").count()).isZero();
    assertThat(identity.checkPassword("nadia", "demo")).isFalse();
  }

  @Test
  void weakPasswordsAreRefusedByThePolicy() {
    User weak = identity.newUser("weakpassword");
    weak.setFirstName("Faible");
    weak.setLastName("Mot de passe");
    weak.setPassword("demo");
    assertThatThrownBy(() -> identity.saveUser(weak)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Password does not match policy");
    assertThat(identity.createUserQuery().userId("weakpassword").count()).isZero();

    User strong = identity.newUser("strongpassword");
    strong.setFirstName("Robuste");
    strong.setLastName("Mot de passe");
    strong.setPassword("Tr3s-solide-2026");
    identity.saveUser(strong);
    assertThat(identity.checkPassword("strongpassword", "Tr3s-solide-2026")).isTrue();
  }

  @Test
  void anAuthenticatedUserCannotAskForAnUnboundedList() {
    identity.setAuthentication("admin", List.of("camunda-admin"));
    assertThatThrownBy(() -> tasks.createTaskQuery().list()).isInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> tasks.createTaskQuery().listPage(0, 2001)).isInstanceOf(BadUserRequestException.class);
    assertThat(tasks.createTaskQuery().listPage(0, 2000)).isNotNull();
  }

  @Test
  void theWebappsSetHardenedCookiesAndHeaders() {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/production/", String.class);

    assertThat(page.getStatusCode().value()).as(page.toString()).isEqualTo(200);
    HttpHeaders headers = page.getHeaders();
    assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("Strict-Transport-Security")).contains("max-age=31536000");
    List<String> cookies = headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
        .satisfies(c -> assertThat(c).contains("HttpOnly", "Secure", "SameSite=Lax"))
        .satisfies(c -> assertThat(c.split("SameSite", -1)).as("SameSite given once: " + c).hasSize(2));
    assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement()
        .satisfies(c -> assertThat(c).contains("Secure", "SameSite=Lax"));
  }

  @Test
  void aWebappCallWithoutTheCsrfTokenIsRefused() {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/production/", String.class);
    String session = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
        .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    String token = page.getHeaders().getFirst("X-XSRF-TOKEN");

    HttpHeaders forged = new HttpHeaders();
    forged.add(HttpHeaders.COOKIE, session);
    forged.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    String login = "/camunda/api/admin/auth/user/production/login/tasklist";
    String credentials = "username=admin&password=Tr3s-Secret-2026!";
    // A page of another site can post the form, but cannot read the token to send it back.
    ResponseEntity<String> withoutToken = http.exchange(login, HttpMethod.POST, new HttpEntity<>(credentials, forged),
        String.class);
    assertThat(withoutToken.getStatusCode().value()).isEqualTo(403);
    assertThat(withoutToken.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");

    // With the token, the browser tests and the webapp-session tests log in every day.
    assertThat(token).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/idees", "/connexion", "/api/idees/dernieres", "/ressources/construisons.css",
      "/actuator/health", "/actuator/prometheus", "/n-existe-pas", "/camunda/app/tasklist/production/",
      "/engine-rest/task"})
  void everyAnswerTellsTheBrowserToComeBackOverHttpsOnly(String path) {
    Http.RawResponse response = Http.rawGet(port, path, "localhost:" + port);

    assertThat(response.all("Strict-Transport-Security")).as(response.toString())
        .containsExactly("max-age=31536000");
  }

  @Test
  void onlyTheConfiguredProxyMaySpeakForTheClient() {
    RemoteIpValve valve = Arrays.stream(((TomcatWebServer) server.getWebServer()).getTomcat().getEngine()
            .getPipeline().getValves())
        .filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast).findFirst().orElseThrow();
    Pattern proxies = Pattern.compile(valve.getInternalProxies());

    assertThat(proxies.matcher("127.0.0.1").matches()).isTrue();
    assertThat(proxies.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
    assertThat(proxies.matcher("127a0b0c1").matches()).as("dots escaped: " + proxies).isFalse();
    // Tomcat's default trusts every private address: any agent's PC on the intranet.
    assertThat(proxies.matcher("10.1.2.3").matches()).isFalse();
    assertThat(proxies.matcher("192.168.1.20").matches()).isFalse();
    assertThat(proxies.matcher("172.20.0.5").matches()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/idees", "/camunda"})
  void evenATrustedProxysForwardedHostNeverMakesARedirect(String path) {
    Http.RawResponse response = Http.rawGet(port, path, "evil.example",
        "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https");

    assertThat(response.status()).as(response.toString()).isBetween(300, 399);
    assertThat(response.header("Location")).hasValueSatisfying(location -> assertThat(location)
        .doesNotContainIgnoringCase("evil.example").startsWith("/"));
  }

  @Test
  void theOutboxIsTheMailHealthAndThePublicHealthIsTheStatusOnly() {
    ResponseEntity<String> mail = http.getForEntity("/actuator/health/mail", String.class);
    assertThat(mail.getStatusCode().value()).as(mail.getBody()).isEqualTo(200);
    assertThat(mail.getBody()).isEqualTo("{\"status\":\"UP\"}");

    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).as(health.getBody()).isEqualTo(200);
    assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
  }
}
