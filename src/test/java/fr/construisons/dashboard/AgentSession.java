package fr.construisons.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An agent's browser without the browser: signs in on /connexion, then reads our pages raw. */
final class AgentSession {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient client;

  private AgentSession(int port) {
    this.base = URI.create("http://localhost:" + port);
    this.client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  static AgentSession anonymous(int port) {
    return new AgentSession(port);
  }

  /** Signs in with the demo password, through the login form and its CSRF token. */
  static AgentSession signedIn(int port, String user) {
    AgentSession session = new AgentSession(port);
    Response form = session.get("/connexion");
    Matcher token = CSRF_FIELD.matcher(form.body());
    if (!token.find()) {
      throw new AssertionError("No CSRF field on the login page: " + form.body());
    }
    String body = "identifiant=" + encode(user) + "&motDePasse=demo&suite=" + encode("/idees")
        + "&_csrf=" + encode(token.group(1));
    Response login = session.send(HttpRequest.newBuilder(session.base.resolve("/connexion"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (login.status() != 302 || !login.header("Location").endsWith("/idees")) {
      throw new AssertionError("Login of " + user + " failed: " + login.status() + " " + login.body());
    }
    return session;
  }

  /** As a browser asks when following a link (so errors come as the French page, not JSON). */
  Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  record Response(int status, byte[] bytes, HttpHeaders headers) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.firstValue(name).orElse("");
    }
  }
}
