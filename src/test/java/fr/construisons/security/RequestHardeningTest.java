package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a client sends that must be refused whole: a Java-serialised variable, a body too large, a
 * body that is not JSON. Each answer is a 4xx with a message, and nothing is stored: no process
 * instance (not even a rolled-back one in history) and no row in the idea catalogue.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class RequestHardeningTest {

  private static final String START_FORM =
      "/engine-rest/process-definition/key/" + IdeaLifecycle.PROCESS_KEY + "/submit-form";
  private static final String TOO_LARGE =
      "La requête dépasse la taille maximale autorisée (1 Mo) : rien n'a été enregistré.";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired IdeaRepository catalogue;
  @Autowired IdeaScenario scenario;

  Http camille;
  long ideasBefore;
  long instancesBefore;

  @BeforeEach
  void setUp() {
    camille = Http.anonymous(port).as("camille");
    ideasBefore = catalogue.count();
    instancesBefore = history.createHistoricProcessInstanceQuery().count();
  }

  private void assertNothingSaved() {
    assertThat(catalogue.count()).as("no idea row").isEqualTo(ideasBefore);
    assertThat(history.createHistoricProcessInstanceQuery().count())
        .as("no process instance, not even a rolled-back one in history").isEqualTo(instancesBefore);
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static String javaSerialized(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  // Java serialisation.

  @Test
  void theEngineRefusesJavaSerialisationAndValidatesDeserialisedTypes() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
  }

  @Test
  void aJavaSerialisedVariableIsRefusedAndNothingIsStored() throws IOException {
    Map<String, Object> variables = Forgery.restIdea("Covoiturage entre sites du Département");
    variables.put("piece", Map.of("type", "Object",
        "value", javaSerialized(new ArrayList<>(List.of("x"))),
        "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
            "serializationDataFormat", "application/x-java-serialized-object")));

    // Before RequestBodyGuard: 500 "ENGINE-17007 Cannot set variable with name piece. Java
    // serialization format is prohibited" (refused by the engine, with a server error).
    Http.Response response = camille.postJson(START_FORM, Map.of("variables", variables));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).isEqualTo(RequestBodyGuard.JAVA_SERIALIZATION_MESSAGE);
    assertNothingSaved();
  }

  @Test
  void aJavaSerialisedVariableSpeltWithJsonEscapesIsRefusedToo() {
    String body = Http.toJson(Map.of("variables", Forgery.restIdea("Covoiturage entre sites du Département")))
        .replaceFirst("\\}\\}$", ",\"piece\":{\"type\":\"Object\",\"value\":\"rO0AB\","
            + "\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
            + "\"serializationDataFormat\":\"\\\\u0061pplication/x-java-serialized-object\"}}}}");
    assertThat(body).contains("\\u0061pplication");

    Http.Response response = camille.postJson(START_FORM, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).isEqualTo(RequestBodyGuard.JAVA_SERIALIZATION_MESSAGE);
    assertNothingSaved();
  }

  @Test
  void aJavaSerialisedMultipartPartIsRecognised() {
    String multipart = "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"blob\"\r\n"
        + "Content-Type:  Application/X-Java-Serialized-Object\r\n\r\n\u00ac\u00ed\u0000\u0005\r\n--b--\r\n";

    assertThat(RequestBodyGuard.carriesJavaSerialization("multipart/form-data; boundary=b",
        multipart.getBytes(StandardCharsets.ISO_8859_1))).isTrue();
    assertThat(RequestBodyGuard.carriesJavaSerialization("multipart/form-data; boundary=b",
        multipart.replace("Application/X-Java-Serialized-Object", "application/octet-stream")
            .getBytes(StandardCharsets.ISO_8859_1))).isFalse();
  }

  @Test
  void theApplicationsJsonVariablesStillWorkButAJsonObjectOfAnyClassIsNeverRebuilt() {
    ProcessInstance instance = scenario.startAs(IdeaScenario.AGENT, IdeaLifecycle.PROCESS_KEY,
        IdeaScenario.ideaForm(false, "dsi", "rh"));
    // A Spin JSON variable, as every form with a checklist stores one: read back as JSON.
    Http.Response impacted = Http.anonymous(port).as("admin").get("/engine-rest/process-instance/"
        + instance.getId() + "/variables/" + IdeaLifecycle.IMPACTED_DIRECTORATES
        + "?deserializeValue=false");
    assertThat(impacted.status()).as(impacted.toString()).isEqualTo(200);
    assertThat(impacted.json().path("type").asText()).isEqualTo("Json");
    assertThat(impacted.json().path("value").asText()).isEqualTo("[\"dsi\",\"rh\"]");

    // A JSON-serialised Object naming a class outside the allow-list is stored as text and never
    // turned into that class.
    ObjectValue gadget = Variables.serializedObjectValue("\"http://example.org/\"")
        .objectTypeName("java.net.URL").serializationDataFormat("application/json").create();
    runtime.setVariable(instance.getId(), "piece", gadget);

    assertThatThrownBy(() -> runtime.getVariable(instance.getId(), "piece"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("java.net.URL");
    ObjectValue stored = runtime.getVariableTyped(instance.getId(), "piece", false);
    assertThat(stored.isDeserialized()).isFalse();
    runtime.deleteProcessInstance(instance.getId(), "test");
  }

  // Size.

  @Test
  void aTitleOfAHundredKilobytesIsRefusedByTheFormRules() {
    Http.Response response = camille.postJson(START_FORM,
        Map.of("variables", Forgery.restIdea("x".repeat(100 * 1024))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« Titre de l'idée » ne doit pas dépasser 120 caractères");
    assertNothingSaved();
  }

  @Test
  void aTitleOfAMegabyteIsRefusedBeforeCamundaReadsIt() {
    // Before RequestBodyGuard: 400 from the form rules, after Camunda had parsed bodies of any
    // size (3 MB tried).
    Http.Response response = camille.postJson(START_FORM,
        Map.of("variables", Forgery.restIdea("x".repeat(1024 * 1024))));

    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.message()).isEqualTo(TOO_LARGE);
    assertNothingSaved();
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedToo() {
    byte[] body = Http.toJson(Map.of("variables", Forgery.restIdea("x".repeat(1024 * 1024 + 1))))
        .getBytes(StandardCharsets.UTF_8);

    // No Content-Length: the guard counts what it reads and stops at the limit.
    Http.Response response = camille.post(START_FORM, "application/json",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.message()).isEqualTo(TOO_LARGE);
    assertNothingSaved();
  }

  @Test
  void aChunkedBodyWithinTheLimitReachesCamunda() {
    byte[] body = Http.toJson(Map.of("variables", Forgery.restIdea("Oui"))).getBytes(StandardCharsets.UTF_8);

    Http.Response response = camille.post(START_FORM, "application/json",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« Titre de l'idée » doit contenir au moins 5 caractères");
    assertNothingSaved();
  }

  @Test
  void theWebApplicationsApiHasTheSameLimit() {
    Http tasklist = Http.anonymous(port).webappSession("camille", "tasklist");

    Http.Response response = tasklist.postJson(
        "/camunda/api/engine/engine/default/process-definition/key/" + IdeaLifecycle.PROCESS_KEY
            + "/submit-form",
        Map.of("variables", Forgery.restIdea("x".repeat(1024 * 1024))));

    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.message()).isEqualTo(TOO_LARGE);
    assertNothingSaved();
  }

  // Malformed JSON.

  @Test
  void aTruncatedJsonBodyIsRefusedInFrenchAndNothingIsStored() {
    // Before: 400 from Camunda, in English ("Unexpected end-of-input…").
    Http.Response response = camille.postJson(START_FORM,
        "{\"variables\": {\"title\": {\"value\": \"Covoiturage entre sites\", \"type\": \"String\"");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(response.message()).isEqualTo(RequestBodyGuard.MALFORMED_MESSAGE);
    assertNothingSaved();
  }

  @Test
  void trailingContentAfterTheJsonBodyIsRefused() {
    String body = Http.toJson(Map.of("variables", Forgery.restIdea("Covoiturage entre sites du Département"))) + " {\"x\": 1}";

    Http.Response response = camille.postJson(START_FORM, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).isEqualTo(RequestBodyGuard.MALFORMED_MESSAGE);
    assertNothingSaved();
  }

  // Nesting.

  private static String nested(int levels) {
    return "[".repeat(levels) + "]".repeat(levels);
  }

  @Test
  void aBodyNestedTenThousandLevelsDeepIsRefusedInFrench() {
    String body = Http.toJson(Map.of("variables", Forgery.restIdea("Covoiturage entre sites du Département")))
        .replaceFirst("\\}\\}$", ",\"deep\":{\"type\":\"String\",\"value\":" + nested(10_000) + "}}}");

    Http.Response response = camille.postJson(START_FORM, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).isEqualTo(RequestBodyGuard.TOO_DEEP_MESSAGE);
    assertNothingSaved();
  }

  @Test
  void aBodyAtTheNestingLimitStillReachesCamunda() {
    // 32 levels: the body's own 3 and 29 more in the value of a variable.
    // In a field of the form (the engine's API refuses any other variable): « Bénéfices attendus ».
    Map<String, Object> variables = Forgery.restIdea("Covoiturage entre sites du Département");
    variables.remove(IdeaLifecycle.BENEFITS.name());
    String body = Http.toJson(Map.of("variables", variables))
        .replaceFirst("\\}\\}$", ",\"benefits\":{\"type\":\"String\",\"value\":"
            + nested(RequestBodyGuard.MAX_DEPTH - 3) + "}}}");

    Http.Response response = camille.postJson(START_FORM, body);

    // Camunda accepts it (it stores the list as the text of a String variable): the guard does not
    // refuse what is within the limit.
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    scenario.runJobs();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Json", "json", "JSON"})
  void aJsonVariableNestedTenThousandLevelsDeepIsRefusedInFrench(String type) {
    Map<String, Object> variables = Forgery.restIdea("Covoiturage entre sites du Département");
    variables.put(IdeaLifecycle.IMPACTED_DIRECTORATES, Map.of("type", type, "value", nested(10_000)));

    // Before: 500 (Jackson's nesting limit, reached while the form rules read the directorates).
    Http.Response response = camille.postJson(START_FORM, Map.of("variables", variables));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(response.message()).isEqualTo("La valeur JSON de la variable « impactedDirectorates » imbrique plus de "
        + RequestBodyGuard.MAX_DEPTH + " niveaux d'objets ou de listes : rien n'a été enregistré.");
    assertNothingSaved();
  }

  @Test
  void aMalformedJsonVariableIsRefusedInFrench() {
    Map<String, Object> variables = Forgery.restIdea("Covoiturage entre sites du Département");
    variables.put(IdeaLifecycle.IMPACTED_DIRECTORATES, Map.of("type", "Json", "value", "[\"mobilites\", "));

    Http.Response response = camille.postJson(START_FORM, Map.of("variables", variables));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).isEqualTo(
        "La valeur de la variable « impactedDirectorates » n'est pas un JSON valide : rien n'a été enregistré.");
    assertNothingSaved();
  }

  @Test
  void anObjectVariableSerialisedAsDeepJsonIsRefusedToo() {
    Map<String, Object> variables = Forgery.restIdea("Covoiturage entre sites du Département");
    variables.put("piece", Map.of("type", "Object", "value", nested(10_000),
        "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")));

    Http.Response response = camille.postJson(START_FORM, Map.of("variables", variables));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« piece »", "imbrique plus de");
    assertNothingSaved();
  }

  @Test
  void aDeepJsonVariableSentToATaskLeavesTheTaskAndItsVariablesAsTheyWere() {
    ProcessInstance instance = scenario.submit(IdeaScenario.AGENT, IdeaScenario.ideaForm(false, "dsi"));
    Task call = scenario.task(instance, IdeaLifecycle.Elements.TASK_CLARIFY_IDEA);
    Http lea = Http.anonymous(port).as(IdeaScenario.TEAM_MEMBER);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(IdeaLifecycle.CLARIFICATION_OUTCOME.name(), string("FITS"));
    form.put(IdeaLifecycle.CLARIFICATION_NOTES.name(), string("Appel du 4 décembre : idée claire, à examiner."));
    form.put(IdeaLifecycle.IMPACTED_DIRECTORATES, Map.of("type", "Json", "value", nested(10_000)));

    // Through the REST API and through Tasklist's own API.
    for (Http.Response response : List.of(
        lea.postJson("/engine-rest/task/" + call.getId() + "/submit-form", Map.of("variables", form)),
        Http.anonymous(port).webappSession(IdeaScenario.TEAM_MEMBER, "tasklist").postJson(
            "/camunda/api/engine/engine/default/task/" + call.getId() + "/submit-form", Map.of("variables", form)))) {
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.message()).contains("« impactedDirectorates »", "imbrique plus de");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(call.getId()).count()).as("the call stays open").isEqualTo(1);
    JsonValue impacted = runtime.getVariableTyped(instance.getId(), IdeaLifecycle.IMPACTED_DIRECTORATES, false);
    assertThat(impacted.getValueSerialized()).isEqualTo("[\"dsi\"]");
    assertThat(runtime.getVariable(instance.getId(), IdeaLifecycle.CLARIFICATION_OUTCOME.name())).isNull();
  }

  @Test
  void aJsonBodyOfTheWrongShapeIsRefusedAndNothingIsStored() {
    Http.Response response = camille.postJson(START_FORM, "{\"variables\": [\"Covoiturage\", 42]}");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertNothingSaved();
  }

  @Test
  void aBodyThatIsNotJsonAtAllIsRefused() {
    Http.Response response = camille.post(START_FORM, "application/json",
        BodyPublishers.ofString("titre=Covoiturage&solution=<script>alert(1)</script>"));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).isEqualTo(RequestBodyGuard.MALFORMED_MESSAGE);
    assertNothingSaved();
  }
}
