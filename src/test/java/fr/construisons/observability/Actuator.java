package fr.construisons.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw GETs on the actuator, so the tests see the status and body a scraper or balancer sees. */
final class Actuator {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final int port;
  private final String authorization;

  private Actuator(int port, String authorization) {
    this.port = port;
    this.authorization = authorization;
  }

  static Actuator anonymous(int port) {
    return new Actuator(port, null);
  }

  Actuator as(String user, String password) {
    return new Actuator(port, "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  record Response(int status, String body, java.net.http.HttpHeaders headers) {

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }

    /**
     * The value of one sample of the Prometheus text format: the metric {@code name} whose labels
     * include {@code labels}; NaN when no line matches.
     */
    double sample(String name, Map<String, String> labels) {
      for (String line : body.split("\n")) {
        Matcher sample = SAMPLE.matcher(line.strip());
        if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
          continue;
        }
        Map<String, String> found = new java.util.HashMap<>();
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

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  Response get(String rawPath) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
        .timeout(Duration.ofSeconds(60)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
