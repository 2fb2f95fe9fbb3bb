package fr.construisons.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What a task's variables are called in its Camunda Form, for « Mes données »: the label of the
 * field of each key and, for a choice (radio, select, checklist), the label of each option; a
 * checkbox reads « oui » or « non ». The form is the one the engine gives that task's definition:
 * its {@code camunda:formRef}, binding and version in the BPMN of the task's process definition,
 * resolved by the engine's own command as for rendering the form (binding {@code deployment}: the
 * process's deployment; {@code latest}; {@code version}), read from the deployment. The public API
 * has no query for Camunda Form definitions; {@link GetCamundaFormDefinitionCmd} is the engine's
 * way, run through its command executor like any service call. A variable no form declares (one a
 * listener sets) keeps its name and raw value.
 */
@Component
class TaskFormLabels {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The labels of one form: a field's label by key, an option's label by key and value. */
  record Form(Map<String, String> labels, Map<String, Map<String, String>> options, Map<String, Boolean> checkboxes) {

    static final Form NONE = new Form(Map.of(), Map.of(), Map.of());

    String label(String key) {
      return labels.getOrDefault(key, key);
    }

    /** The value as the form showed it: an option's label, several for a checklist, oui / non. */
    String value(String key, Object value) {
      String text = value == null ? "" : value.toString();
      if (checkboxes.containsKey(key) && (text.equals("true") || text.equals("false"))) {
        return text.equals("true") ? "oui" : "non";
      }
      Map<String, String> choices = options.get(key);
      if (choices == null) {
        return text;
      }
      if (text.startsWith("[")) {
        try {
          List<String> labelled = new ArrayList<>();
          for (JsonNode item : JSON.readTree(text)) {
            labelled.add(choices.getOrDefault(item.asText(), item.asText()));
          }
          return String.join(", ", labelled);
        } catch (IOException notAList) {
          return choices.getOrDefault(text, text);
        }
      }
      return choices.getOrDefault(text, text);
    }
  }

  private final ProcessEngine engine;
  private final RepositoryService repository;
  /** Deployed forms never change: one read per task definition of a process definition. */
  private final Map<String, Form> forms = new ConcurrentHashMap<>();

  TaskFormLabels(ProcessEngine engine, RepositoryService repository) {
    this.engine = engine;
    this.repository = repository;
  }

  /** Deployed models never change: one read per task definition of a process definition. */
  private final Map<String, String> taskLabels = new ConcurrentHashMap<>();

  /** The task's label in its deployed model; {@code fallback} for a task no model names. */
  String taskLabel(String processDefinitionId, String taskDefinitionKey, String fallback) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return fallback;
    }
    String label = taskLabels.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, k -> {
      var element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
      return element instanceof UserTask task && task.getName() != null ? task.getName() : "";
    });
    return label.isEmpty() ? fallback : label;
  }

  /** The form of that task of that process definition; {@link Form#NONE} when it has none. */
  Form of(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return Form.NONE;
    }
    return forms.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey,
        k -> read(processDefinitionId, taskDefinitionKey));
  }

  private Form read(String processDefinitionId, String taskDefinitionKey) {
    if (!(repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey)
        instanceof UserTask task) || task.getCamundaFormRef() == null) {
      return Form.NONE;
    }
    CamundaFormRefImpl reference = new CamundaFormRefImpl(task.getCamundaFormRef(),
        task.getCamundaFormRefBinding() == null ? "latest" : task.getCamundaFormRefBinding());
    if (task.getCamundaFormRefVersion() != null) {
      reference.setVersion(Integer.valueOf(task.getCamundaFormRefVersion()));
    }
    ProcessDefinition process = repository.getProcessDefinition(processDefinitionId);
    CamundaFormDefinition definition = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(new GetCamundaFormDefinitionCmd(reference, process.getDeploymentId()));
    if (definition == null) {
      return Form.NONE;
    }
    try (InputStream form = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      Form read = new Form(new HashMap<>(), new HashMap<>(), new HashMap<>());
      collect(JSON.readTree(form).path("components"), read);
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, Form form) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null && component.hasNonNull("label")) {
        form.labels().putIfAbsent(key, component.get("label").asText());
        if ("checkbox".equals(component.path("type").asText())) {
          form.checkboxes().put(key, true);
        }
        Map<String, String> options = new HashMap<>();
        for (JsonNode option : component.path("values")) {
          options.put(option.path("value").asText(), option.path("label").asText());
        }
        if (!options.isEmpty()) {
          form.options().putIfAbsent(key, options);
        }
      }
      // Groups and dynamic lists hold fields of their own.
      collect(component.path("components"), form);
    }
  }
}
