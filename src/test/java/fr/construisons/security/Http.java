package fr.construisons.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Raw HTTP against the running application, so the tests see exactly what a client sees: status,
 * headers and body, without a client library retrying, following or hiding anything.
 *
 * <p>Two ways in: the REST API with HTTP Basic ({@link #as(String)}, {@link #anonymous()}), and the
 * web applications' internal API with a session cookie and the CSRF header, after logging in like
 * Tasklist does ({@link #webappSession(String, String)}). Never log in with a wrong password for a
 * real user: the engine then delays that user's next login by a few seconds.
 */
final class Http {

  static final String DEMO_PASSWORD = "demo";
  static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client;
  private final CookieManager cookies;
  private final String authorization;

  private Http(URI base, HttpClient client, CookieManager cookies, String authorization) {
    this.base = base;
    this.client = client;
    this.cookies = cookies;
    this.authorization = authorization;
  }

  static Http anonymous(int port) {
    return new Http(URI.create("http://localhost:" + port), plainClient(null), null, null);
  }

  /** HTTP Basic with the demo password. */
  Http as(String user) {
    return as(user, DEMO_PASSWORD);
  }

  Http as(String user, String password) {
    String token = Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Http(base, client, cookies, "Basic " + token);
  }

  /**
   * Logs in to a web application ({@code tasklist}, {@code cockpit}, {@code admin}) the way its
   * login page does: a first page load hands out the session and the XSRF-TOKEN cookie, the login
   * form is posted with the token in the X-XSRF-TOKEN header, and every later request carries the
   * session cookie and the (possibly renewed) token.
   */
  Http webappSession(String user, String app) {
    Http session = webappVisitor();
    Response login = session.post("/camunda/api/admin/auth/user/default/login/" + app,
        "application/x-www-form-urlencoded",
        BodyPublishers.ofString(form(Map.of("username", user, "password", DEMO_PASSWORD))));
    if (login.status() != 200) {
      throw new AssertionError("Login of " + user + " to " + app + " failed: " + login);
    }
    // Logging in starts a new session (against session fixation) that has no CSRF token yet: the
    // next read hands one out, as it does for the web application after its login.
    String before = session.csrfToken();
    Response whoAmI = session.get("/camunda/api/admin/auth/user/default");
    if (whoAmI.status() != 200 || before.equals(session.csrfToken())) {
      throw new AssertionError("No fresh CSRF token after logging in " + user + ": " + whoAmI);
    }
    return session;
  }

  /** An anonymous browser: it has loaded a page, so it holds a session and the CSRF token. */
  Http webappVisitor() {
    CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    Http session = new Http(base, plainClient(jar), jar, null);
    Response page = session.get("/camunda/app/tasklist/default/");
    if (session.csrfToken() == null) {
      throw new AssertionError("No XSRF-TOKEN cookie after loading Tasklist: " + page);
    }
    return session;
  }

  private static HttpClient plainClient(CookieManager jar) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        // HTTP/1.1 as browsers and REST clients speak it to this server (chunked bodies included).
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (jar != null) {
      builder.cookieHandler(jar);
    }
    return builder.build();
  }

  String csrfToken() {
    if (cookies == null) {
      return null;
    }
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElse(null);
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response delete(String path) {
    return send(request(path).DELETE());
  }

  Response postJson(String path, Object body) {
    return post(path, "application/json", BodyPublishers.ofString(toJson(body)));
  }

  Response postJson(String path, String rawJson) {
    return post(path, "application/json", BodyPublishers.ofString(rawJson));
  }

  Response post(String path, String contentType, BodyPublisher body) {
    return send(request(path).header("Content-Type", contentType).POST(body));
  }

  Response put(String path, String contentType, BodyPublisher body) {
    return send(request(path).header("Content-Type", contentType).PUT(body));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json, text/plain, */*");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    String token = csrfToken();
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return request;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  record Response(int status, String body, HttpHeaders headers) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }

    /** The {@code message} of Camunda's error body (and of ours, which has the same shape). */
    String message() {
      return json().path("message").asText();
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
      return status + " " + shown;
    }
  }
}
