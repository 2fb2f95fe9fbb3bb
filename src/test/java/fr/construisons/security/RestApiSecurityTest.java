package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.support.Http;
import fr.construisons.support.ProcessTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call what, over HTTP against the running application: the REST API wants HTTP Basic
 * credentials of an engine user and then applies the engine's authorizations to that user; only
 * the actuator's health endpoint answers anyone, and with nothing but the status.
 */
@ProcessTest
class RestApiSecurityTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;

  Http anonymous;

  @BeforeEach
  void setUp() {
    anonymous = Http.anonymous(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/engine-rest/task",
      "/engine-rest/process-definition",
      "/engine-rest/user",
      "/engine-rest/deployment",
      "/engine-rest/history/process-instance",
      "/engine-rest/engine/default/task",
      "/engine-rest/process-definition/key/idea-lifecycle/form-variables"})
  void anAnonymousCallerIsAskedToAuthenticate(String path) {
    Http.Response response = anonymous.get(path);

    assertThat(response.status()).as(path).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
  }

  @Test
  void anAnonymousStartOfAnIdeaIsRefusedBeforeTheEngineSeesIt() {
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().count();

    Http.Response response = anonymous.postJson(
        "/engine-rest/process-definition/key/idea-lifecycle/submit-form", "{\"variables\":{}}");

    assertThat(response.status()).isEqualTo(401);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .isEqualTo(instances);
  }

  @Test
  void anUnknownUserIsRefused() {
    // A user that does not exist: a wrong password of a real user would delay its next login.
    assertThat(anonymous.as("personne", "demo").get("/engine-rest/task").status()).isEqualTo(401);
  }

  @Test
  void anAgentWithHerPasswordIsServed() {
    Http.Response response = anonymous.as("camille").get("/engine-rest/task?maxResults=1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().isArray()).isTrue();
  }

  @Test
  void healthIsPublicAndTellsOnlyTheStatus() {
    Http.Response response = anonymous.get("/actuator/health");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().fieldNames()).toIterable().containsExactly("status");
    assertThat(response.json().path("status").asText()).isEqualTo("UP");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
      "/actuator/info", "/actuator/metrics", "/actuator/loggers", "/actuator/heapdump",
      "/actuator/threaddump", "/actuator/mappings"})
  void noOtherActuatorEndpointExists(String path) {
    assertThat(anonymous.get(path).status()).as(path).isEqualTo(404);
    assertThat(anonymous.as("admin").get(path).status()).as(path + " as admin").isEqualTo(404);
  }

  @Test
  void anAgentCannotDeploy() {
    String name = "intrusion-" + System.nanoTime();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="intrusion">
          <process id="intrusion" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
          </process>
        </definitions>
        """;
    String boundary = "----construisons" + System.nanoTime();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"intrusion.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
        + "--" + boundary + "--\r\n";

    Http.Response response;
    try (EngineAuthorization checks = EngineAuthorization.enabled(engine)) {
      response = anonymous.as("camille").post("/engine-rest/deployment/create",
          "multipart/form-data; boundary=" + boundary,
          BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.json().path("type").asText()).isEqualTo("AuthorizationException");
    // Refused before the engine (EngineApiGuard: deploying is the administrators'), in French.
    assertThat(response.message()).contains("POST /deployment/create", "réservée aux administrateurs");
    assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("intrusion").count())
        .isZero();
  }

  @Test
  void anAgentCannotDeleteAProcessDefinition() {
    ProcessDefinition withdrawal = repository.createProcessDefinitionQuery()
        .processDefinitionKey(IdeaClosure.WITHDRAWAL_PROCESS_KEY).latestVersion().singleResult();

    Http.Response response;
    try (EngineAuthorization checks = EngineAuthorization.enabled(engine)) {
      response = anonymous.as("camille")
          .delete("/engine-rest/process-definition/" + withdrawal.getId() + "?cascade=true");
    }

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.json().path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionId(withdrawal.getId())
        .count()).isEqualTo(1);
  }
}
