package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.Http;
import fr.construisons.support.ProcessTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request's {@code Host} header is the client's to write: redirects must never send a browser
 * to the address it names (a poisoned cache or a link through a hostile proxy would then lead an
 * agent to another site). Our pages' redirects and the Camunda web applications' own are checked.
 */
@ProcessTest
class HostHeaderTest {

  static final String EVIL = "evil.example";

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/idees", "/tableau-de-bord", "/mes-donnees", "/", "/camunda", "/camunda/app",
      "/camunda/app/tasklist/", "/camunda/app/cockpit"})
  void aForgedHostNeverAppearsInARedirect(String path) {
    Http.RawResponse response = Http.rawGet(port, path, EVIL);

    assertThat(response.status()).as(response.toString()).isBetween(300, 399);
    assertThat(response.header("Location")).as(path).hasValueSatisfying(location -> assertThat(location)
        .doesNotContainIgnoringCase(EVIL)
        // Relative to whatever address the browser used: the one it typed, not one we were told.
        .startsWith("/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/idees", "/camunda"})
  void aForgedForwardedHostNeverAppearsInARedirect(String path) {
    Http.RawResponse response = Http.rawGet(port, path, "localhost:" + port,
        "X-Forwarded-Host: " + EVIL, "X-Forwarded-Proto: https");

    assertThat(response.status()).as(response.toString()).isBetween(300, 399);
    assertThat(response.header("Location")).as(path).hasValueSatisfying(location -> assertThat(location)
        .doesNotContainIgnoringCase(EVIL).startsWith("/"));
  }
}
