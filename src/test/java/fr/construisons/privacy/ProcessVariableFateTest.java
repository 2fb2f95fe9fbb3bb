package fr.construisons.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.ideabox.IdeaTimeline;
import fr.construisons.process.JsonStringList;
import fr.construisons.process.ProcessVariable;
import fr.construisons.process.VariableDeclarations;
import fr.construisons.process.VariableFate;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every process variable has one declared fate at anonymisation (kept, erased, a person's id, a
 * list of candidates), so a new form field or model variable cannot be kept or erased by
 * accident: the build fails until its process API declares it. The variables are read from what
 * can create one: the models in processes/ (initiator, result and element variables, input and
 * output parameters, call-activity mappings), the forms in forms/ (field keys, option lists) and
 * the {@link ProcessVariable} and {@link JsonStringList} constants the delegates write through.
 */
class ProcessVariableFateTest {

  /** Attributes and elements of the models that name a variable the engine creates. */
  private static final List<Pattern> MODEL_VARIABLES = List.of(
      Pattern.compile("camunda:initiator=\"([^\"]+)\""),
      Pattern.compile("camunda:resultVariable=\"([^\"]+)\""),
      Pattern.compile("camunda:elementVariable=\"([^\"]+)\""),
      Pattern.compile("<camunda:inputParameter name=\"([^\"]+)\""),
      Pattern.compile("<camunda:outputParameter name=\"([^\"]+)\""),
      Pattern.compile("<camunda:(?:in|out) [^>]*target=\"([^\"]+)\""));

  /** Camunda's own multi-instance counters, kept by the anonymiser itself. */
  private static final Set<String> ENGINE_VARIABLES =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  @Test
  void everyVariableOfTheModelsFormsAndCodeIsDeclaredExactlyOnce() throws Exception {
    Map<String, Set<String>> found = new TreeMap<>();
    modelVariables(found);
    formVariables(found);
    constants(found);
    Map<String, List<String>> declared = declaredNames();

    List<String> undeclared = found.keySet().stream()
        .filter(name -> !declared.containsKey(name) && !ENGINE_VARIABLES.contains(name))
        .map(name -> name + " (" + String.join(", ", found.get(name)) + ")")
        .toList();
    assertThat(undeclared)
        .as("variables neither kept nor erased: declare each in its process API's VARIABLES"
            + " (VariableDeclarations), else the anonymiser deletes it without anybody having decided")
        .isEmpty();
    assertThat(declared.entrySet().stream().filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + " in " + e.getValue()).toList())
        .as("variables declared by several process APIs: the anonymiser works by name, declare each once")
        .isEmpty();
    assertThat(declared.keySet().stream().filter(name -> !found.containsKey(name)).toList())
        .as("declared variables that no model, form or constant creates")
        .isEmpty();
  }

  @Test
  void theAnonymiserReadsEveryDeclaration() throws Exception {
    Set<VariableDeclarations> everywhere = Collections.newSetFromMap(new IdentityHashMap<>());
    everywhere.addAll(declarations());
    Set<VariableDeclarations> read = Collections.newSetFromMap(new IdentityHashMap<>());
    read.addAll(EngineHistoryAnonymiser.DECLARATIONS);
    assertThat(read).containsExactlyInAnyOrderElementsOf(everywhere);
  }

  @Test
  void theTimelineShowsOnlyKeptVariables() {
    // The public timeline must not change when an idea's people are taken out.
    assertThat(EngineHistoryAnonymiser.KEPT_VARIABLES).containsAll(IdeaTimeline.VARIABLES_SHOWN);
  }

  private static void modelVariables(Map<String, Set<String>> found) throws IOException {
    for (Path model : files(Path.of("processes"), ".bpmn")) {
      String xml = Files.readString(model);
      for (Pattern pattern : MODEL_VARIABLES) {
        Matcher m = pattern.matcher(xml);
        while (m.find()) {
          found.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(model.getFileName().toString());
        }
      }
    }
  }

  private static void formVariables(Map<String, Set<String>> found) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path form : files(Path.of("forms"), ".form")) {
      collectKeys(json.readTree(form.toFile()).path("components"), form.getFileName().toString(), found);
    }
  }

  private static void collectKeys(JsonNode node, String form, Map<String, Set<String>> found) {
    if (node.isObject()) {
      // A field's key is the variable it submits; valuesKey the variable its options come from.
      for (String attribute : List.of("key", "valuesKey")) {
        if (node.path(attribute).isTextual() && !"button".equals(node.path("type").asText())) {
          found.computeIfAbsent(node.path(attribute).asText(), k -> new TreeSet<>()).add(form);
        }
      }
    }
    node.forEach(child -> collectKeys(child, form, found));
  }

  /** The ProcessVariable and JsonStringList constants of the application's classes. */
  private static void constants(Map<String, Set<String>> found) throws Exception {
    for (Field field : staticFields()) {
      Object value = field.get(null);
      String name = value instanceof ProcessVariable<?> v ? v.name() : value instanceof JsonStringList l ? l.name() : null;
      if (name != null) {
        found.computeIfAbsent(name, k -> new TreeSet<>()).add(field.getDeclaringClass().getSimpleName());
      }
    }
  }

  /** Each declared name with the processes declaring it. */
  private static Map<String, List<String>> declaredNames() throws Exception {
    Map<String, List<String>> declared = new TreeMap<>();
    for (VariableDeclarations declarations : declarations()) {
      declarations.fates().keySet().forEach(name ->
          declared.computeIfAbsent(name, k -> new ArrayList<>()).add(declarations.process()));
    }
    return declared;
  }

  /** Every VariableDeclarations constant of the application, each once (an API may re-export one). */
  private static List<VariableDeclarations> declarations() throws Exception {
    Set<VariableDeclarations> all = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Field field : staticFields()) {
      if (field.get(null) instanceof VariableDeclarations declarations) {
        all.add(declarations);
      }
    }
    assertThat(all).isNotEmpty();
    assertThat(all.stream().flatMap(d -> d.fates().values().stream()))
        .contains(VariableFate.KEPT, VariableFate.ERASED, VariableFate.PERSON_ID, VariableFate.CANDIDATES);
    return List.copyOf(all);
  }

  private static List<Field> staticFields() throws Exception {
    Path classes = Path.of("target", "classes");
    List<Field> fields = new ArrayList<>();
    for (Path file : files(classes.resolve("fr/construisons"), ".class")) {
      String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
      Class<?> type = Class.forName(name, true, ProcessVariableFateTest.class.getClassLoader());
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()
            && (field.getType() == ProcessVariable.class || field.getType() == JsonStringList.class
                || field.getType() == VariableDeclarations.class)) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return fields;
  }

  private static List<Path> files(Path directory, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
