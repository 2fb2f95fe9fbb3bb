package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.idea.IdeaDetail;
import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.process.FormProblem;
import fr.construisons.process.InvalidFormDataException;
import fr.construisons.process.Texts;
import fr.construisons.organisation.CurrentAgent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * Files an idea from the idea box exactly as Tasklist's start form does: the start form of the
 * latest idea-lifecycle is submitted by the engine, as the signed-in agent, so authorizations,
 * the initiator and the server-side validation are the same whichever page the agent used.
 */
@Service
class IdeaSubmission {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;

  public IdeaSubmission(FormService forms, RepositoryService repository, IdentityService identity) {
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
  }

  /** The outcome: the registered idea, or the French problems found in the draft. */
  public sealed interface Outcome {}

  public record Filed(String reference, String processInstanceId) implements Outcome {}

  /** Problems by form field ({@code null} key: about no single field), in the order found. */
  public record Refused(Map<String, List<String>> problemsByField, List<String> problems) implements Outcome {}

  public Outcome submit(CurrentAgent agent, IdeaDraft draft) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery()
        .processDefinitionKey(IdeaLifecycle.PROCESS_KEY).latestVersion().singleResult();
    Map<String, Object> variables = variables(draft);
    // As Tasklist does for a start form: the engine checks CREATE_INSTANCE for this user and
    // groups and records them as initiator; cleared whatever happens, threads are pooled.
    identity.setAuthentication(agent.id(), agent.groups());
    try {
      ProcessInstance instance = forms.submitStartForm(latest.getId(), variables);
      // Registration runs in the same transaction (it is not asynchronous): the business key is
      // the idea's reference when submitStartForm returns.
      return new Filed(instance.getBusinessKey(), instance.getId());
    } catch (InvalidFormDataException refused) {
      return refused(refused.fieldProblems());
    } finally {
      identity.clearAuthentication();
    }
  }

  static Map<String, Object> variables(IdeaDraft draft) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TITLE.name(), blankToNull(draft.getTitle()));
    variables.put(PROBLEM.name(), blankToNull(draft.getProblem()));
    variables.put(SOLUTION.name(), blankToNull(draft.getSolution()));
    variables.put(BENEFITS.name(), blankToNull(draft.getBenefits()));
    variables.put(IDEATOR_DIRECTORATE.name(), blankToNull(draft.getIdeatorDirectorate()));
    variables.put(IMPACTED_DIRECTORATES, SpinValues.jsonValue(toJson(draft.getImpactedDirectorates())).create());
    variables.put(WANTS_TO_CARRY.name(), draft.isWantsToCarry());
    variables.put(SHOW_IDEATOR_NAME.name(), draft.isShowIdeatorName());
    // Only the declared details: any other name a browser sends under details[...] is dropped.
    for (IdeaDetail detail : DETAILS) {
      String value = blankToNull(draft.getDetails().get(detail.name()));
      if (value != null) {
        variables.put(detail.name(), value);
      }
    }
    return variables;
  }

  private static String blankToNull(String value) {
    // An empty field is absent, as in Tasklist: "obligatoire" rather than "la direction «  »".
    return Texts.isBlank(value) ? null : value;
  }

  private static String toJson(List<String> codes) {
    try {
      return JSON.writeValueAsString(codes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Each problem is put next to the field the rules said it is about (see IdeaFormRules); one
   * about no single field stays in the summary only.
   */
  static Refused refused(List<FormProblem> problems) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (FormProblem problem : problems) {
      String message = problem.message();
      String sentence = Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
      byField.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(sentence);
    }
    List<String> all = byField.values().stream().flatMap(List::stream).toList();
    return new Refused(byField, all);
  }
}
