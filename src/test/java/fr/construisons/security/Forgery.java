package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a forged request must leave as it found: the idea's row, every variable of the instances
 * concerned (all scopes), their history of variable updates, the open tasks and who holds them,
 * and how many ideas and process instances exist at all. Taken before the attack and compared
 * after it, so a refusal that still stored something fails.
 */
final class Forgery {

  private Forgery() {}

  record Snapshot(Optional<Idea> idea, Map<String, String> variables, long historicDetails,
      Map<String, String> openTasks, long ideas, long instances) {}

  static Snapshot take(ProcessEngine engine, IdeaService ideas, JdbcTemplate jdbc, String reference,
      String... processInstanceIds) {
    Map<String, String> variables = new TreeMap<>();
    Map<String, String> tasks = new TreeMap<>();
    long details = 0;
    for (String instance : processInstanceIds) {
      for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
          .processInstanceIdIn(instance).disableCustomObjectDeserialization().list()) {
        variables.put(variable.getName() + "@" + variable.getActivityInstanceId(),
            variable.getTypeName() + ":" + variable.getValue());
      }
      engine.getTaskService().createTaskQuery().processInstanceId(instance).list().forEach(task ->
          tasks.put(task.getId(), task.getTaskDefinitionKey() + " assignee=" + task.getAssignee()));
      details += engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).count();
    }
    return new Snapshot(reference == null ? Optional.empty() : ideas.find(reference), variables, details, tasks,
        jdbc.queryForObject("select count(*) from idea", Long.class),
        engine.getHistoryService().createHistoricProcessInstanceQuery().count());
  }

  static void assertUnchanged(Snapshot before, Snapshot after, String attack) {
    assertThat(after).as("what " + attack + " left behind").isEqualTo(before);
  }

  /** A variable as the REST API takes it: {@code {"value": …, "type": …}}. */
  static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    variable.put("type", type);
    return variable;
  }

  /** A valid « Déposer une idée » as the REST API takes it, with the title given. */
  static Map<String, Object> restIdea(String title) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(IdeaLifecycle.TITLE.name(), text(title));
    variables.put(IdeaLifecycle.PROBLEM.name(), text("Les agents des sites éloignés viennent seuls en voiture chaque jour."));
    variables.put(IdeaLifecycle.SOLUTION.name(), text("Une bourse de covoiturage interne, affichée dans chaque implantation."));
    variables.put(IdeaLifecycle.BENEFITS.name(), text("Moins de frais pour les agents et moins de CO2."));
    variables.put(IdeaLifecycle.IDEATOR_DIRECTORATE.name(), text("mobilites"));
    variables.put(IdeaLifecycle.IMPACTED_DIRECTORATES, typed("[\"mobilites\"]", "Json"));
    variables.put(IdeaLifecycle.WANTS_TO_CARRY.name(), typed(false, "Boolean"));
    return variables;
  }

  static Map<String, Object> text(String value) {
    return typed(value, "String");
  }

  /** The REST body of a form submission from pairs of name and typed value. */
  static Map<String, Object> formBody(Map<String, Object> variables) {
    return Map.of("variables", variables);
  }

  /** A form's fields as the REST API takes them, plain values turned into typed ones. */
  static Map<String, Object> restVariables(Map<String, Object> form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> {
      if (value instanceof org.camunda.spin.plugin.variable.value.JsonValue json) {
        variables.put(name, typed(json.getValueSerialized(), "Json"));
      } else if (value instanceof Map<?, ?> alreadyTyped) {
        variables.put(name, alreadyTyped);
      } else {
        variables.put(name, Map.of("value", value));
      }
    });
    return variables;
  }

  static Map<String, Object> with(Map<String, Object> variables, Object... nameAndValue) {
    Map<String, Object> result = new LinkedHashMap<>(variables);
    for (int i = 0; i < nameAndValue.length; i += 2) {
      result.put((String) nameAndValue[i], nameAndValue[i + 1]);
    }
    return result;
  }
}
