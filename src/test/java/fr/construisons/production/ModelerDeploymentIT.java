package fr.construisons.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 19, item 4: a process owner changes a label in Camunda Modeler and deploys the model to
 * the running application through the REST API, as {@code camunda-admin} (docs/modeler.md).
 *
 * <p>On the default run (H2 file), as a newcomer runs it: the idea submitted before the deployment
 * keeps its model version; the ideas submitted after it use the changed model. Then the application
 * restarts as a new release that brings one more model: the changed idea-lifecycle is still the one
 * new ideas use, because the application deploys only its files that changed
 * (process/DeployChangedModelsOnly), not its unchanged {@code processes/idea-lifecycle.bpmn}.
 */
class ModelerDeploymentIT {

  static final String CHANGED_LABEL = "Mener l'appel de clarification (version du Modeler)";
  static final String CHANGED_TAG = "modeler-1";

  @Test
  void aModelDeployedFromTheModelerIsUsedByNewIdeasAndSurvivesARestart() throws Exception {
    Path directory = Paths.get("target", "production-tests", "modeler").toAbsolutePath();
    FileSystemUtils.deleteRecursively(directory);
    String before;
    String firstAfter;
    try (ApplicationNode node = ApplicationNode.launchDefaultRun("modeler", directory, ApplicationNode.LOCK_TIME)) {
      node.awaitUp();
      Rest rest = node.rest;
      String shipped = latestDefinition(rest).path("id").asText();
      before = submit(rest, 1);
      assertThat(clarificationCall(rest, before).path("name").asText()).startsWith("Mener l'appel de clarification —");

      Rest.Response deployed = rest.deployFromModeler(Rest.ADMIN, "idea-lifecycle", "idea-lifecycle.bpmn",
          changedModel());
      Rest.expect(deployed, 200);
      assertThat(deployed.json().path("deployedProcessDefinitions").size()).isEqualTo(1);
      JsonNode latest = latestDefinition(rest);
      assertThat(latest.path("id").asText()).isNotEqualTo(shipped);
      assertThat(latest.path("versionTag").asText()).isEqualTo(CHANGED_TAG);

      // A running idea keeps the version it started with; a new one uses the changed model.
      assertThat(instance(rest, before).path("definitionId").asText()).isEqualTo(shipped);
      assertThat(clarificationCall(rest, before).path("name").asText()).startsWith("Mener l'appel de clarification —");
      firstAfter = submit(rest, 2);
      assertThat(clarificationCall(rest, firstAfter).path("name").asText()).startsWith(CHANGED_LABEL + " —");
      node.stop();
    }

    Path release = directory.resolve("release");
    Files.createDirectories(release);
    Files.writeString(release.resolve("release-note.bpmn"), RELEASE_MODEL, StandardCharsets.UTF_8);
    try (ApplicationNode restarted = ApplicationNode.launchDefaultRun("modeler-restarted", directory,
        ApplicationNode.LOCK_TIME, List.of("--camunda.bpm.deployment-resource-pattern="
            + "classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form,"
            + "file:" + release + "/*.bpmn"))) {
      restarted.awaitUp();
      Rest rest = restarted.rest;
      // The release deployed its one new file, not again the unchanged files of processes/.
      assertThat(deploymentNames(rest))
          .containsExactlyInAnyOrder("SpringAutoDeployment", "idea-lifecycle", "SpringAutoDeployment");
      assertThat(resourcesOfLatestAutoDeployment(rest)).containsExactly("release-note.bpmn");
      assertThat(latestDefinition(rest).path("versionTag").asText()).isEqualTo(CHANGED_TAG);
      String afterRestart = submit(rest, 3);
      assertThat(clarificationCall(rest, afterRestart).path("name").asText()).startsWith(CHANGED_LABEL + " —");
      // The ideas of before the restart are where they were, each on its own version.
      assertThat(clarificationCall(rest, before).path("name").asText()).startsWith("Mener l'appel de clarification —");
      assertThat(clarificationCall(rest, firstAfter).path("name").asText()).startsWith(CHANGED_LABEL + " —");

      // The process owner moves the idea of before onto the changed version (docs/modeler.md: the
      // community edition's migration is the REST API's, Cockpit's page is the enterprise one's).
      String shipped = instance(rest, before).path("definitionId").asText();
      String changed = latestDefinition(rest).path("id").asText();
      Rest.Response plan = rest.send(Rest.ADMIN, "POST", "/engine-rest/migration/generate", java.util.Map.of(
          "sourceProcessDefinitionId", shipped, "targetProcessDefinitionId", changed, "updateEventTriggers", true));
      Rest.expect(plan, 200);
      Rest.Response migrated = rest.send(Rest.ADMIN, "POST", "/engine-rest/migration/execute", java.util.Map.of(
          "migrationPlan", Rest.JSON.convertValue(plan.json(), java.util.Map.class),
          "processInstanceIds", List.of(before)));
      Rest.expect(migrated, 204);
      assertThat(instance(rest, before).path("definitionId").asText()).isEqualTo(changed);
      assertThat(clarificationCall(rest, before).path("processDefinitionId").asText()).isEqualTo(changed);
      restarted.stop();
    }
  }

  /** A model the next release adds (any change to the application's files would do). */
  static final String RELEASE_MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ReleaseNote"
          targetNamespace="http://construisons.fr/test">
        <bpmn:process id="release-note" name="Note de version" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Release" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  /** The shipped model with one label changed, as a process owner would in the Modeler. */
  static byte[] changedModel() throws IOException {
    String model = Files.readString(Paths.get("processes", "idea-lifecycle.bpmn"), StandardCharsets.UTF_8);
    String label = "id=\"Task_ClarifyIdea\" name=\"Mener l'appel de clarification\"";
    assertThat(model).containsOnlyOnce(label);
    String changed = model.replace(label, "id=\"Task_ClarifyIdea\" name=\"" + CHANGED_LABEL + "\"")
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + CHANGED_TAG + "\"");
    assertThat(changed).contains("camunda:versionTag=\"" + CHANGED_TAG + "\"");
    return changed.getBytes(StandardCharsets.UTF_8);
  }

  static String submit(Rest rest, int number) throws IOException {
    Rest.Ack ack = Rest.ack(rest.submitIdea(Rest.AGENT, number));
    assertThat(ack).as("idea %d acknowledged", number).isNotNull();
    return ack.processInstanceId();
  }

  static JsonNode latestDefinition(Rest rest) throws IOException {
    Rest.Response definition = rest.send(Rest.ADMIN, "GET", "/engine-rest/process-definition/key/idea-lifecycle", null);
    Rest.expect(definition, 200);
    return definition.json();
  }

  static JsonNode instance(Rest rest, String id) throws IOException {
    Rest.Response instance = rest.send(Rest.ADMIN, "GET", "/engine-rest/process-instance/" + id, null);
    Rest.expect(instance, 200);
    return instance.json();
  }

  /** The idea's clarification call, once its registration (asynchronous) has run. */
  static JsonNode clarificationCall(Rest rest, String instanceId) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
      Rest.Response tasks = rest.send(Rest.ADMIN, "GET", "/engine-rest/task?processInstanceId=" + instanceId
          + "&taskDefinitionKey=Task_ClarifyIdea&maxResults=10", null);
      Rest.expect(tasks, 200);
      found[0] = tasks.json().size() == 1 ? tasks.json().get(0) : null;
      return found[0] != null;
    });
    return found[0];
  }

  static List<String> resourcesOfLatestAutoDeployment(Rest rest) throws IOException {
    Rest.Response deployments = rest.send(Rest.ADMIN, "GET",
        "/engine-rest/deployment?name=SpringAutoDeployment&sortBy=deploymentTime&sortOrder=desc&maxResults=1", null);
    Rest.expect(deployments, 200);
    String id = deployments.json().get(0).path("id").asText();
    Rest.Response resources = rest.send(Rest.ADMIN, "GET", "/engine-rest/deployment/" + id + "/resources", null);
    Rest.expect(resources, 200);
    List<String> names = new ArrayList<>();
    resources.json().forEach(r -> names.add(Paths.get(r.path("name").asText()).getFileName().toString()));
    return names;
  }

  static List<String> deploymentNames(Rest rest) throws IOException {
    Rest.Response deployments = rest.send(Rest.ADMIN, "GET", "/engine-rest/deployment?maxResults=100", null);
    Rest.expect(deployments, 200);
    List<String> names = new ArrayList<>();
    deployments.json().forEach(d -> names.add(d.path("name").asText()));
    return names;
  }
}
