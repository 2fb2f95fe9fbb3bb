package fr.construisons.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The one HTTP client of the tests (and of the benchmarks and production tests): real HTTP against
 * the running application, so that a test sees exactly what a client sees (status, headers, body),
 * with no client library retrying, following redirects or hiding anything. One core,
 * {@link java.net.http.HttpClient} speaking HTTP/1.1 with redirects never followed, and four ways in:
 *
 * <ul>
 *   <li>{@link #anonymous(int)}, then {@link #as(String)}: the REST API, with HTTP Basic;
 *   <li>{@link #webappSession(String, String)} (or {@link #webappVisitor()}): the Camunda web
 *       applications' internal API, with a session cookie and the X-XSRF-TOKEN header, logged in
 *       the way Tasklist does;
 *   <li>{@link #browser(int)} and {@link #signedIn(int, String)}: our own pages (idea box,
 *       dashboard, login) as a browser without JavaScript sees them: a session cookie, HTML first,
 *       and the {@code _csrf} field of the last page shown sent back with every form post;
 *   <li>{@link #probe(int)}: what a scraper or a load balancer sends to the actuator, no Accept
 *       header at all.
 * </ul>
 *
 * <p>The escape hatch, {@link #rawGet(int, String, String, String...)}, writes one request byte for
 * byte on a socket, for what {@code HttpClient} refuses to send (a forged {@code Host} header).
 *
 * <p>Never log in with a wrong password for a real user: the engine then delays that user's next
 * login by a few seconds.
 */
public final class Http {

  public static final String DEMO_PASSWORD = "demo";
  public static final ObjectMapper JSON = new ObjectMapper();
  /** What the web applications' scripts and REST clients ask for. */
  public static final String API_ACCEPT = "application/json, text/plain, */*";
  /** What a browser asks for when following a link: HTML first, but a download (CSV) too. */
  public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  public static final String JSON_TYPE = "application/json";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** The client of every request without cookies; a client with a cookie jar is one session. */
  private static final HttpClient COOKIELESS = newClient(null);

  private final URI base;
  private final HttpClient client;
  private final CookieManager cookies;
  private final String authorization;
  private final String accept;
  private final boolean sendsXsrfHeader;
  private final Duration timeout;
  /** The {@code _csrf} field of the last page shown (our pages' forms). */
  private String formToken;

  private Http(URI base, HttpClient client, CookieManager cookies, String authorization, String accept,
      boolean sendsXsrfHeader, Duration timeout) {
    this.base = base;
    this.client = client;
    this.cookies = cookies;
    this.authorization = authorization;
    this.accept = accept;
    this.sendsXsrfHeader = sendsXsrfHeader;
    this.timeout = timeout;
  }

  /** A REST client without credentials, on localhost. */
  public static Http anonymous(int port) {
    return at(URI.create("http://localhost:" + port));
  }

  /** A REST client without credentials, on any base address. */
  public static Http at(URI base) {
    return new Http(base, COOKIELESS, null, null, API_ACCEPT, false, DEFAULT_TIMEOUT);
  }

  /** What a scraper or a load balancer sends: no Accept header, so the server picks its default. */
  public static Http probe(int port) {
    return anonymous(port).accepting(null);
  }

  /** A browser that has not signed in: a session cookie, redirects not followed. */
  public static Http browser(int port) {
    CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    return new Http(URI.create("http://localhost:" + port), newClient(jar), jar, null, BROWSER_ACCEPT, false,
        DEFAULT_TIMEOUT);
  }

  /** A browser signed in through /connexion with the demo password and the login form's CSRF token. */
  public static Http signedIn(int port, String user) {
    Http browser = browser(port);
    browser.get("/connexion");
    if (browser.formToken == null) {
      throw new AssertionError("No CSRF field on the login page");
    }
    Response login = browser.post("/connexion",
        Map.of("identifiant", user, "motDePasse", DEMO_PASSWORD, "suite", "/idees"));
    if (login.status() != 302 || !login.location().endsWith("/idees")) {
      throw new AssertionError("Login of " + user + " failed: " + login);
    }
    // Signing in renews the CSRF token: read a page so that the next post carries the new one.
    browser.get("/idees");
    return browser;
  }

  /** HTTP Basic with the demo password. */
  public Http as(String user) {
    return as(user, DEMO_PASSWORD);
  }

  public Http as(String user, String password) {
    String token = Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return copy("Basic " + token, accept, timeout);
  }

  /** The same client with another default Accept header ({@code null}: none). */
  public Http accepting(String accept) {
    return copy(authorization, accept, timeout);
  }

  /** The same client with another timeout for each request (60 seconds unless told). */
  public Http withTimeout(Duration timeout) {
    return copy(authorization, accept, timeout);
  }

  private Http copy(String authorization, String accept, Duration timeout) {
    Http copy = new Http(base, client, cookies, authorization, accept, sendsXsrfHeader, timeout);
    copy.formToken = formToken;
    return copy;
  }

  /**
   * Logs in to a web application ({@code tasklist}, {@code cockpit}, {@code admin}) the way its
   * login page does: a first page load hands out the session and the XSRF-TOKEN cookie, the login
   * form is posted with the token in the X-XSRF-TOKEN header, and every later request carries the
   * session cookie and the (possibly renewed) token.
   */
  public Http webappSession(String user, String app) {
    Http session = webappVisitor();
    Response login = session.post("/camunda/api/admin/auth/user/default/login/" + app, FORM_TYPE,
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

  /** An anonymous visitor of the web applications: it has loaded Tasklist, so it holds a session and the CSRF token. */
  public Http webappVisitor() {
    CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    Http session = new Http(base, newClient(jar), jar, null, API_ACCEPT, true, timeout);
    Response page = session.get("/camunda/app/tasklist/default/");
    if (session.csrfToken() == null) {
      throw new AssertionError("No XSRF-TOKEN cookie after loading Tasklist: " + page);
    }
    return session;
  }

  private static HttpClient newClient(CookieManager jar) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        // HTTP/1.1 as browsers and REST clients speak it to this server (chunked bodies included),
        // with no h2c upgrade attempt on each request.
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (jar != null) {
      builder.cookieHandler(jar);
    }
    return builder.build();
  }

  /** The XSRF-TOKEN cookie of the web applications' session, or null. */
  public String csrfToken() {
    if (cookies == null) {
      return null;
    }
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElse(null);
  }

  // ---- Requests ----

  public Response get(String path) {
    return get(path, accept);
  }

  /** A GET with this Accept header ({@code null}: none). */
  public Response get(String path, String accept) {
    return send(request(path, accept).GET());
  }

  /** JSON, as a page's script or the intranet's server asks for it. */
  public Response getJson(String path) {
    return get(path, JSON_TYPE);
  }

  /**
   * A page with a form, checked to carry its own CSRF field (a form without one could not be
   * posted by a browser): the next post sends that token.
   */
  public Response getForm(String path) {
    Response page = get(path);
    if (!CSRF_FIELD.matcher(page.body()).find()) {
      throw new AssertionError("No CSRF field on " + path + ": " + page);
    }
    return page;
  }

  public Response delete(String path) {
    return send(request(path, accept).DELETE());
  }

  public Response postJson(String path, Object body) {
    return post(path, JSON_TYPE, BodyPublishers.ofString(toJson(body)));
  }

  public Response postJson(String path, String rawJson) {
    return post(path, JSON_TYPE, BodyPublishers.ofString(rawJson));
  }

  public Response post(String path, String contentType, BodyPublisher body) {
    return send(request(path, accept).header("Content-Type", contentType).POST(body));
  }

  public Response put(String path, String contentType, BodyPublisher body) {
    return send(request(path, accept).header("Content-Type", contentType).PUT(body));
  }

  /** Any method, with a JSON body unless {@code body} is null. */
  public Response sendJson(String method, String path, Object body) {
    HttpRequest.Builder request = request(path, accept);
    if (body == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request.header("Content-Type", JSON_TYPE).method(method, BodyPublishers.ofString(toJson(body)));
    }
    return send(request);
  }

  /** A form post with the CSRF field of the last page shown (unless the fields carry one). */
  public Response post(String path, Map<String, String> fields) {
    return post(path, multiValued(fields));
  }

  /** The same for a form with fields of several values (checkboxes). */
  public Response post(String path, MultiValueMap<String, String> fields) {
    MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(fields);
    if (formToken != null) {
      withToken.putIfAbsent("_csrf", List.of(formToken));
    }
    return postRaw(path, withToken);
  }

  /** A form post exactly as given: no CSRF field added. */
  public Response postRaw(String path, Map<String, String> fields) {
    return postRaw(path, multiValued(fields));
  }

  public Response postRaw(String path, MultiValueMap<String, String> fields) {
    String form = fields.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
    return post(path, FORM_TYPE, BodyPublishers.ofString(form));
  }

  private HttpRequest.Builder request(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    String token = sendsXsrfHeader ? csrfToken() : null;
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return request;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      var answer = client.send(request.build(), BodyHandlers.ofByteArray());
      Response response = new Response(answer.statusCode(), answer.headers(), answer.body());
      Matcher token = CSRF_FIELD.matcher(response.body());
      if (token.find()) {
        formToken = token.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static MultiValueMap<String, String> multiValued(Map<String, String> fields) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    return form;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A response; the body is kept as bytes so that tests can check a byte-order mark. */
  public record Response(int status, HttpHeaders headers, byte[] bytes) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body(), e);
      }
    }

    /** The {@code message} of Camunda's error body (and of ours, which has the same shape). */
    public String message() {
      return json().path("message").asText();
    }

    /** The header's first value, or "" when the response has none. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public String location() {
      return header("Location");
    }

    /**
     * The value of one sample of the Prometheus text format: the metric {@code name} whose labels
     * include {@code labels}; NaN when no line matches.
     */
    public double sample(String name, Map<String, String> labels) {
      for (String line : body().split("\n")) {
        Matcher sample = SAMPLE.matcher(line.strip());
        if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
          continue;
        }
        Map<String, String> found = new HashMap<>();
        Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
        while (label.find()) {
          found.put(label.group(1), label.group(2));
        }
        if (found.entrySet().containsAll(labels.entrySet())) {
          return Double.parseDouble(sample.group(4));
        }
      }
      return Double.NaN;
    }

    /** Short enough for an assertion message or a failed login. */
    @Override
    public String toString() {
      String body = body();
      return status + (location().isEmpty() ? "" : " -> " + location()) + " "
          + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
  }

  // ---- The escape hatch: a request written byte for byte ----

  /**
   * One HTTP/1.1 GET written byte for byte on a socket: unlike {@link java.net.http.HttpClient}, it
   * sends any {@code Host} header, as an attacker's client would. Only the status and the headers
   * are read. {@code extraHeaders} are full header lines, e.g. {@code "X-Forwarded-Host: evil.example"}.
   */
  public static RawResponse rawGet(int port, String path, String host, String... extraHeaders) {
    StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append("\r\n");
    for (String header : extraHeaders) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return RawResponse.parse(readHead(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One request written exactly as given (request line and header lines, without the final blank
   * line), for what no client library sends (a URL that is not one, a header it refuses); the
   * whole answer is read, body included, until the server closes the connection.
   */
  public static RawResponse rawRequest(int port, String... lines) {
    String request = String.join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      RawResponse head = RawResponse.parse(readHead(in));
      return new RawResponse(head.status(), head.headers(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * The status and header lines of a {@link #rawGet raw} request's response, and its body when
   * {@link #rawRequest} read it ("" otherwise).
   */
  public record RawResponse(int status, List<String> headers, String body) {

    private static RawResponse parse(String head) {
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      List<String> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          headers.add(lines[i]);
        }
      }
      return new RawResponse(status, headers, "");
    }

    public Optional<String> header(String name) {
      return all(name).stream().findFirst();
    }

    public List<String> all(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).strip()).toList();
    }

    @Override
    public String toString() {
      return status + " " + headers;
    }
  }
}
