package fr.construisons.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Our own pages (idea box, dashboard, login) over raw HTTP, as a browser without JavaScript sees
 * them: a session cookie, redirects not followed, and the CSRF token read from the last form
 * shown and sent back with every post.
 */
public final class AgentPages {

  public static final String DEMO_PASSWORD = "demo";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  public record Page(int status, HttpHeaders headers, String body) {
    public String location() {
      return headers.firstValue("Location").orElse(null);
    }
  }

  private final URI base;
  private final HttpClient client;
  private String csrf;

  private AgentPages(int port) {
    this.base = URI.create("http://localhost:" + port);
    this.client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public static AgentPages anonymous(int port) {
    return new AgentPages(port);
  }

  /** Signs in through /connexion with the demo password. */
  public static AgentPages signedIn(int port, String user) {
    AgentPages pages = new AgentPages(port);
    pages.get("/connexion");
    Page login = pages.post("/connexion", Map.of("identifiant", user, "motDePasse", DEMO_PASSWORD, "suite", "/idees"));
    if (login.status() != 302) {
      throw new AssertionError("Login of " + user + " failed: " + login.status() + " " + login.body());
    }
    pages.get("/idees");
    return pages;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A form post with the CSRF token of the last page shown. */
  public Page post(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    if (csrf != null) {
      withToken.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, withToken);
  }

  /** A form post exactly as given: no CSRF token added. */
  public Page postRaw(String path, Map<String, String> fields) {
    String form = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private Page send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(),
          BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher token = CSRF.matcher(response.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return new Page(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
