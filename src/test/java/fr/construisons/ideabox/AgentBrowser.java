package fr.construisons.ideabox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Our server-rendered pages over raw HTTP, as a browser without JavaScript uses them: a session
 * cookie, forms posted with the hidden CSRF field read from the page, redirects not followed so
 * that the tests see them.
 */
final class AgentBrowser {

  static final String PASSWORD = "demo";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient client;

  private AgentBrowser(int port) {
    this.base = URI.create("http://localhost:" + port);
    this.client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  static AgentBrowser anonymous(int port) {
    return new AgentBrowser(port);
  }

  /** Signs in on our login page (the one shared with Tasklist). */
  static AgentBrowser signedIn(int port, String user) {
    AgentBrowser browser = new AgentBrowser(port);
    HttpResponse<String> login = browser.post("/connexion", browser.csrfOf("/connexion"),
        Map.of("identifiant", List.of(user), "motDePasse", List.of(PASSWORD)));
    if (login.statusCode() != 302) {
      throw new AssertionError("Login of " + user + " failed: " + login.statusCode() + " " + login.body());
    }
    return browser;
  }

  /** The CSRF token of the form on that page. */
  String csrfOf(String path) {
    HttpResponse<String> page = get(path);
    Matcher token = CSRF_FIELD.matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("No CSRF field on " + path + " (" + page.statusCode() + "): " + page.body());
    }
    return token.group(1);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** Posts a form; a null token posts it without the CSRF field. */
  HttpResponse<String> post(String path, String csrfToken, Map<String, List<String>> fields) {
    String body = fields.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
    if (csrfToken != null) {
      body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrfToken);
    }
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
