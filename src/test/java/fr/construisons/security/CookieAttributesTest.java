package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.Http;
import fr.construisons.support.ProcessTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every cookie the application sets says how it may travel: the session cookie is HttpOnly (no
 * script reads it) and SameSite=Lax (another site's form posts or fetches go without it), on our
 * pages as on the Camunda web applications, each attribute given once. Camunda's XSRF-TOKEN is
 * SameSite=Lax but not HttpOnly: the web applications' scripts read it to send it back in the
 * X-XSRF-TOKEN header (AngularJS's xsrfCookieName, Camunda's csrfCookieName).
 */
@ProcessTest
class CookieAttributesTest {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/connexion", "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/"})
  void theSessionCookieIsHttpOnlyAndSameSiteWhereverTheSessionStarts(String path) {
    Http.RawResponse response = Http.rawGet(port, path, "localhost:" + port);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertHardenedSessionCookie(response.all("Set-Cookie"));
  }

  @Test
  void theNewSessionOfALoginOnOurPageIsHardenedToo() {
    Http browser = Http.anonymous(port).webappVisitor();
    Http.Response page = browser.get("/connexion");
    Matcher token = CSRF_FIELD.matcher(page.body());
    assertThat(token.find()).as(page.toString()).isTrue();

    Http.Response login = browser.post("/connexion", "application/x-www-form-urlencoded",
        BodyPublishers.ofString(Http.form(Map.of("identifiant", "camille", "motDePasse", Http.DEMO_PASSWORD,
            "_csrf", token.group(1)))));

    assertThat(login.status()).as(login.toString()).isEqualTo(302);
    assertHardenedSessionCookie(login.headers().allValues("Set-Cookie"));
  }

  @Test
  void theCsrfTokenCookieIsSameSiteAndReadableByTheWebapps() {
    Http.RawResponse response = Http.rawGet(port, "/camunda/app/tasklist/default/", "localhost:" + port);

    assertThat(response.all("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement()
        .satisfies(c -> assertThat(c).contains("SameSite=Lax").doesNotContain("HttpOnly"))
        .satisfies(c -> assertThat(c.split("SameSite", -1)).as("SameSite given once: " + c).hasSize(2));
  }

  private static void assertHardenedSessionCookie(List<String> cookies) {
    assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).as("Set-Cookie: " + cookies).singleElement()
        .satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"))
        .satisfies(c -> assertThat(c.split("SameSite", -1)).as("SameSite given once: " + c).hasSize(2))
        .satisfies(c -> assertThat(c.split("HttpOnly", -1)).as("HttpOnly given once: " + c).hasSize(2));
  }
}
