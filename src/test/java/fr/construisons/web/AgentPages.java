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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Our own pages (idea box, dashboard, login) and the JSON they serve, over raw HTTP, as a browser
 * without JavaScript sees them: a session cookie, redirects not followed (so tests see each status
 * and Location), and the CSRF token read from the last page shown and sent back with every post.
 * The one helper of its kind: the idea box and dashboard tests all go through it.
 */
public final class AgentPages {

  public static final String DEMO_PASSWORD = "demo";
  /** What a browser asks for when following a link: HTML first, but a download (CSV) too. */
  public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  public static final String JSON = "application/json";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  /** A response; the body is kept as bytes so that tests can check a byte-order mark. */
  public record Page(int status, HttpHeaders headers, byte[] bytes) {
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The header's first value, or "" when the response has none. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public String location() {
      return header("Location");
    }

    /** Short enough for an assertion message or a failed login. */
    @Override
    public String toString() {
      String body = body();
      return status + (location().isEmpty() ? "" : " -> " + location()) + " "
          + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
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
        // Plain HTTP/1.1, as browsers speak to our server: no h2c upgrade attempt on each request.
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public static AgentPages anonymous(int port) {
    return new AgentPages(port);
  }

  /** Signs in through /connexion with the demo password and the login form's CSRF token. */
  public static AgentPages signedIn(int port, String user) {
    AgentPages pages = new AgentPages(port);
    pages.get("/connexion");
    if (pages.csrf == null) {
      throw new AssertionError("No CSRF field on the login page");
    }
    Page login = pages.post("/connexion", Map.of("identifiant", user, "motDePasse", DEMO_PASSWORD, "suite", "/idees"));
    if (login.status() != 302 || !login.location().endsWith("/idees")) {
      throw new AssertionError("Login of " + user + " failed: " + login);
    }
    // Signing in renews the CSRF token: read a page so that the next post carries the new one.
    pages.get("/idees");
    return pages;
  }

  /** A page as a browser asks for it when following a link (errors come as our French pages). */
  public Page get(String path) {
    return get(path, BROWSER_ACCEPT);
  }

  /**
   * A page with a form, checked to carry its own CSRF field (a form without one could not be
   * posted by a browser): the next post sends that token.
   */
  public Page getForm(String path) {
    Page page = get(path);
    if (!CSRF.matcher(page.body()).find()) {
      throw new AssertionError("No CSRF field on " + path + ": " + page);
    }
    return page;
  }

  /** JSON, as the page's script or the intranet's server asks for it. */
  public Page getJson(String path) {
    return get(path, JSON);
  }

  public Page get(String path, String accept) {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET());
  }

  /** A form post with the CSRF token of the last page shown (unless the fields carry one). */
  public Page post(String path, Map<String, String> fields) {
    return post(path, multiValued(fields));
  }

  /** The same for a form with fields of several values (checkboxes). */
  public Page post(String path, MultiValueMap<String, String> fields) {
    MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(fields);
    if (csrf != null) {
      withToken.putIfAbsent("_csrf", List.of(csrf));
    }
    return postRaw(path, withToken);
  }

  /** A form post exactly as given: no CSRF token added. */
  public Page postRaw(String path, Map<String, String> fields) {
    return postRaw(path, multiValued(fields));
  }

  public Page postRaw(String path, MultiValueMap<String, String> fields) {
    String form = fields.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Accept", BROWSER_ACCEPT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static MultiValueMap<String, String> multiValued(Map<String, String> fields) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    return form;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Page send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofByteArray());
      Page page = new Page(response.statusCode(), response.headers(), response.body());
      Matcher token = CSRF.matcher(page.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
