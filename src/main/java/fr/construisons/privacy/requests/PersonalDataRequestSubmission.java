package fr.construisons.privacy.requests;

import static fr.construisons.privacy.requests.PersonalDataRequest.*;

import fr.construisons.process.InvalidFormDataException;
import fr.construisons.process.Texts;
import fr.construisons.organisation.CurrentAgent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * « Demander une rectification ou l'effacement de mes données » from « Mes données »: the start
 * form of the latest personal-data-request is submitted by the engine as the signed-in agent, so
 * the authorizations, the initiator (the only person concerned) and the server-side checks are
 * those of Tasklist's start form. Also lists the agent's own requests, from the engine's history.
 */
@Service
public class PersonalDataRequestSubmission {

  /** How many of their requests the page lists, newest first. */
  static final int LISTED = 20;

  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final HistoryService history;

  public PersonalDataRequestSubmission(FormService forms, RepositoryService repository, IdentityService identity,
      HistoryService history) {
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
    this.history = history;
  }

  public sealed interface Outcome {}

  /** Started: the request's instance, its kind (French) and the day it was made (its reference for the agent). */
  /** {@code kindAfterDemande}: « de rectification », « d'effacement ». */
  public record Made(String processInstanceId, String kindAfterDemande, String requestedOn) implements Outcome {}

  /** Problems by form field ("kind", "text"; {@code null}: about no single field), in French. */
  public record Refused(Map<String, List<String>> problemsByField, List<String> problems) implements Outcome {}

  /** {@code kind} and {@code text} as posted; nothing else of the request is read. */
  public Outcome submit(CurrentAgent agent, String kind, String text) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUEST_KIND.name(), Texts.isBlank(kind) ? null : kind);
    variables.put(REQUEST_TEXT.name(), Texts.isBlank(text) ? null : text);
    ProcessInstance instance;
    // As Tasklist does for a start form: the engine checks CREATE_INSTANCE for this agent and
    // records them as initiator (the requester); cleared whatever happens, threads are pooled.
    identity.setAuthentication(agent.id(), agent.groups());
    try {
      instance = forms.submitStartForm(latest.getId(), variables);
    } catch (InvalidFormDataException refused) {
      return refused(refused.problems());
    } finally {
      identity.clearAuthentication();
    }
    // Read back as the application (the agent may start the process, not read its variables).
    String requestedOn = (String) history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(REQUESTED_ON.name()).singleResult().getValue();
    return new Made(instance.getId(), Kind.valueOf(kind).afterDemande(), requestedOn);
  }

  static Refused refused(List<String> problems) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (String problem : problems) {
      String sentence = Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
      String field = problem.contains("« " + PersonalDataRequests.KIND_LABEL + " »") ? "kind"
          : problem.contains("« " + PersonalDataRequests.TEXT_LABEL + " »") ? "text" : null;
      byField.computeIfAbsent(field, f -> new ArrayList<>()).add(sentence);
    }
    return new Refused(byField, byField.values().stream().flatMap(List::stream).toList());
  }

  /** One of the agent's requests, as the page lists it. */
  public record MadeRequest(Instant madeAt, String kindLabel, boolean answered, String answerLabel, Instant answeredAt) {}

  /** The agent's own requests, newest first (history by starter: nobody else's can be listed). */
  public List<MadeRequest> of(String agent) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).startedBy(agent)
        .orderByProcessInstanceStartTime().desc().listPage(0, LISTED);
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(REQUEST_KIND.name(), ANSWER.name())
        .list().stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId,
            Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b)));
    return instances.stream().map(instance -> {
      Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
      Object kind = values.get(REQUEST_KIND.name());
      Object answer = values.get(ANSWER.name());
      boolean answered = instance.getEndTime() != null;
      return new MadeRequest(instance.getStartTime().toInstant(),
          kind == null ? "demande" : Kind.valueOf((String) kind).label(),
          answered, answered && answer != null ? Answer.valueOf((String) answer).label() : null,
          answered ? instance.getEndTime().toInstant() : null);
    }).toList();
  }
}
