package fr.construisons.idea;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The people in the forms of the idea's processes and of the personal-data request are shown by
 * their name from the directory, never by their login id alone: a form that shows a person's id
 * (in a text view or a field) also shows the variable holding their name, and no text view
 * templates the id, but for the calls opened before their task had the name (idea-lifecycle
 * 1.2.0 and earlier, whose forms are the latest ones): a text view hidden whenever the name is there.
 */
class FormsShowPeopleByNameTest {

  /** A person's id, and the variable that holds their name for the forms. */
  private static final Map<String, String> NAME_OF = Map.of(
      IdeaLifecycle.IDEATOR.name(), IdeaLifecycle.IDEATOR_NAME.name(),
      "requester", "requesterName");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"idea-lifecycle", "idea-withdrawal", "idea-duplicate-closure", "personal-data-request"})
  void everyPersonInTheProcesssFormsIsShownByName(String process) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile());
    Set<String> forms = new LinkedHashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> forms.add(task.getCamundaFormRef()));
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
        .map(start -> start.getCamundaFormRef()).filter(ref -> ref != null).forEach(forms::add);
    List<String> findings = new ArrayList<>();
    for (String form : forms) {
      Set<String> keys = new LinkedHashSet<>();
      Set<String> templated = new LinkedHashSet<>();
      try (InputStream in = Files.newInputStream(Path.of("forms", form + ".form"))) {
        collect(JSON.readTree(in).path("components"), keys, templated);
      }
      for (Map.Entry<String, String> person : NAME_OF.entrySet()) {
        if (templated.contains(person.getKey())) {
          findings.add(form + ": a text view shows the login id « " + person.getKey() + " »");
        }
        if ((keys.contains(person.getKey()) || templated.contains(person.getKey())) && !keys.contains(person.getValue())) {
          findings.add(form + ": shows « " + person.getKey() + " » without the name « " + person.getValue() + " »");
        }
      }
    }
    assertThat(forms).as("forms of %s", process).isNotEmpty();
    assertThat(findings).isEmpty();
  }

  private static void collect(JsonNode components, Set<String> keys, Set<String> templated) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      Matcher template = TEMPLATE.matcher(component.path("text").asText());
      String hidden = component.path("conditional").path("hide").asText();
      boolean fallbackForTasksWithoutTheName = NAME_OF.values().stream()
          .anyMatch(name -> hidden.replace(" ", "").equals("=" + name + "!=null"));
      while (!fallbackForTasksWithoutTheName && template.find()) {
        Matcher name = NAME.matcher(template.group(1).replaceAll("\"[^\"]*\"", ""));
        while (name.find()) {
          templated.add(name.group());
        }
      }
      collect(component.path("components"), keys, templated);
    }
  }
}
