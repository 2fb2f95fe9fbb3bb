package fr.construisons.ideabox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An agent's browser without JavaScript, over real HTTP: a session cookie, our login page, and
 * forms posted with the CSRF token of the last page read, as a browser would send them. Redirects
 * are not followed, so tests see each status and Location.
 */
final class AgentSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient client;
  private String csrf;

  private AgentSession(int port) {
    this.base = URI.create("http://localhost:" + port);
    this.client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .build();
  }

  static AgentSession anonymous(int port) {
    return new AgentSession(port);
  }

  /** Signs in on /connexion with the demo password. */
  static AgentSession signedIn(int port, String user) {
    AgentSession session = new AgentSession(port);
    session.get("/connexion");
    Response login = session.post("/connexion", Map.of("identifiant", user, "motDePasse", "demo", "suite", "/idees"));
    if (login.status() != 302 || !login.location().endsWith("/idees")) {
      throw new AssertionError("Login of " + user + " failed: " + login);
    }
    return session;
  }

  Response get(String path) {
    Response response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return response;
  }

  /** Posts a form with the CSRF token of the last page read. */
  Response post(String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (csrf == null) {
      throw new IllegalStateException("No page with a form read before posting to " + path);
    }
    form.put("_csrf", csrf);
    return postWithoutToken(path, form);
  }

  Response postWithoutToken(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(body)));
  }

  private Response send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.timeout(Duration.ofSeconds(60)).header("Accept", "text/html").build(),
          BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(),
          response.headers().firstValue("Location").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, String body, String location) {
    @Override
    public String toString() {
      return status + (location.isEmpty() ? "" : " -> " + location) + " "
          + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
  }
}
