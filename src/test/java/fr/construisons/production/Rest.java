package fr.construisons.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The REST API of one node, as its clients use it: HTTP Basic with the demo users, over the tests'
 * one HTTP client ({@link Http}); a connection failure is an {@link IOException} here, so that the
 * fault tests can count the submissions a node never answered.
 */
final class Rest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String AGENT = "camille";
  static final String AGENT_MAIL = "camille.martin@departement.example";
  static final String TEAM_MEMBER = "lea";
  static final String TEAM_MAIL = "lea.durand@departement.example";
  static final String ADMIN = "admin";

  private final Http http;

  Rest(int port) {
    this.http = Http.anonymous(port).accepting("application/json");
  }

  /** What a client got back for a submission the server acknowledged (HTTP 200). */
  record Ack(String processInstanceId, String reference) {}

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  boolean healthy() {
    try {
      Http.Response response = http.accepting(null).withTimeout(Duration.ofSeconds(5)).get("/actuator/health");
      return response.status() == 200 && response.body().contains("UP");
    } catch (UncheckedIOException e) {
      return false;
    } catch (IllegalStateException interrupted) {
      return false;
    }
  }

  /**
   * What Camunda Modeler's « Deploy » dialog sends to a Camunda 7 REST endpoint: one multipart
   * request with the deployment's name, its source and the diagram file.
   */
  Response deployFromModeler(String user, String deploymentName, String fileName, byte[] diagram) throws IOException {
    String boundary = "----ConstruisonsModeler" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    for (Map.Entry<String, String> field : Map.of("deployment-name", deploymentName,
        "deployment-source", "Camunda Modeler", "deploy-changed-only", "true").entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
          + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(utf8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
    body.writeBytes(diagram);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
    try {
      Http.Response response = http.as(user, Http.DEMO_PASSWORD).post("/engine-rest/deployment/create",
          "multipart/form-data; boundary=" + boundary,
          java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
      return new Response(response.status(), response.body());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** "Déposer une idée" as Tasklist submits it; throws on a connection failure. */
  Response submitIdea(String agent, int number) throws IOException {
    return send(agent, "POST", "/engine-rest/process-definition/key/idea-lifecycle/submit-form",
        fr.construisons.support.IdeaScenario.restStartForm("Idée de test n° " + number));
  }

  static Ack ack(Response response) {
    if (response.status() != 200) {
      return null;
    }
    JsonNode body = response.json();
    return new Ack(body.path("id").asText(), body.path("businessKey").asText(null));
  }

  /** The open clarification call of one instance, completed by the team member: "FITS". */
  void completeClarification(String processInstanceId) throws IOException {
    Response tasks = send(TEAM_MEMBER, "GET", "/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=Task_ClarifyIdea&maxResults=10", null);
    expect(tasks, 200);
    JsonNode list = tasks.json();
    if (list.size() != 1) {
      throw new AssertionError("Expected one clarification call in " + processInstanceId + ": " + tasks.body());
    }
    String taskId = list.get(0).path("id").asText();
    Response done = send(TEAM_MEMBER, "POST", "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of(
            "clarificationOutcome", string("FITS"),
            "clarificationNotes", string("Appel du jour : la solution répond au problème posé."))));
    expect(done, 204);
  }

  /** Failed async jobs (as the administrator, who sees them all). */
  List<JsonNode> failedJobs() throws IOException {
    Response jobs = send(ADMIN, "GET", "/engine-rest/job?withException=true&messages=true&maxResults=2000", null);
    expect(jobs, 200);
    return toList(jobs.json());
  }

  /** Moves a job's due date to now: what waiting out the model's PT5M retry interval would do. */
  void dueNow(String jobId) throws IOException {
    String now = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date());
    expect(send(ADMIN, "PUT", "/engine-rest/job/" + jobId + "/duedate", Map.of("duedate", now)), 204);
  }

  /**
   * "Relancer" in Cockpit: gives the job of an incident one more try, due now. Setting the retries
   * alone keeps the due date of the last failure plus the retry interval (5 minutes here): the
   * engine does not run a job whose retries were raised before that date.
   */
  void retry(String jobId) throws IOException {
    expect(send(ADMIN, "PUT", "/engine-rest/job/" + jobId + "/retries", Map.of("retries", 1)), 204);
    dueNow(jobId);
  }

  /**
   * Where a node's work stands, read over REST as the administrator (who sees every job, task and
   * instance): what a test waits on while the node holds its embedded database.
   */
  record Progress(long messageJobs, long clarificationCalls, long ideaInstances) {
    /** Every async continuation done and every idea waiting at its clarification call. */
    boolean settled() {
      return messageJobs == 0 && ideaInstances > 0 && clarificationCalls == ideaInstances;
    }
  }

  Progress progress() throws IOException {
    return new Progress(count("/engine-rest/job/count?messages=true"),
        count("/engine-rest/task/count?processDefinitionKey=idea-lifecycle&taskDefinitionKey=Task_ClarifyIdea"),
        count("/engine-rest/process-instance/count?processDefinitionKey=idea-lifecycle"));
  }

  /** Async continuations a job executor holds right now (locked, lock not expired). */
  long acquiredJobs() throws IOException {
    return count("/engine-rest/job/count?messages=true&acquired=true");
  }

  private long count(String path) throws IOException {
    Response count = send(ADMIN, "GET", path, null);
    expect(count, 200);
    return count.json().path("count").asLong();
  }

  long incidentCount() throws IOException {
    Response count = send(ADMIN, "GET", "/engine-rest/incident/count", null);
    expect(count, 200);
    return count.json().path("count").asLong();
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new java.util.ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  static void expect(Response response, int status) {
    if (response.status() != status) {
      throw new AssertionError("Expected HTTP " + status + ", got " + response.status() + ": " + response.body());
    }
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  Response send(String user, String method, String path, Object body) throws IOException {
    try {
      Http.Response response = http.as(user, Http.DEMO_PASSWORD).sendJson(method, path, body);
      return new Response(response.status(), response.body());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException e) {
      throw new IOException("interrupted", e);
    }
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
