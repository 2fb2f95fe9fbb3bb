package fr.construisons.support;

import static fr.construisons.idea.IdeaLifecycle.*;

import fr.construisons.idea.IdeaLifecycle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Drives idea-lifecycle the way Tasklist does: an authenticated agent submits the start form,
 * people complete their tasks, and the jobs run as the job executor would run them.
 */
@Component
public class IdeaScenario {

  public static final String AGENT = "camille";
  public static final String TEAM_MEMBER = "lea";
  public static final String DG_MEMBER = "paul";
  public static final String AGENT_MAIL = "camille.martin@departement.example";
  public static final String TEAM_MAIL = "lea.durand@departement.example";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;

  public IdeaScenario(RuntimeService runtime, TaskService tasks, IdentityService identity,
      ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.management = management;
  }

  /** A valid "Déposer une idée" form. */
  public static Map<String, Object> ideaForm(boolean wantsToCarry, String... impactedDirectorates) {
    Map<String, Object> form = new HashMap<>();
    form.put(TITLE.name(), "Relais-colis dans nos implantations");
    form.put(PROBLEM.name(), "Les agents des sites éloignés perdent du temps pour récupérer leurs colis.");
    form.put(SOLUTION.name(), "Utiliser les accueils des implantations du Département comme relais-colis.");
    form.put(BENEFITS.name(), "Du temps gagné pour les agents et un service de proximité.");
    form.put(IDEATOR_DIRECTORATE.name(), "education");
    form.put(IMPACTED_DIRECTORATES, SpinValues.jsonValue(toJson(impactedDirectorates)).create());
    form.put(WANTS_TO_CARRY.name(), wantsToCarry);
    return form;
  }

  private static String toJson(String... codes) {
    return "[" + String.join(",", java.util.Arrays.stream(codes).map(c -> "\"" + c + "\"").toList()) + "]";
  }

  /** Starts the process as the agent would from Tasklist, then runs the registration jobs. */
  public ProcessInstance submit(String agent, Map<String, Object> form) {
    ProcessInstance instance = startAs(agent, IdeaLifecycle.PROCESS_KEY, form);
    runJobs();
    return instance;
  }

  public ProcessInstance startAs(String user, String processKey, Map<String, Object> form) {
    identity.setAuthenticatedUserId(user);
    try {
      return runtime.createProcessInstanceByKey(processKey).setVariables(form).execute();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The idea's reference, which registration makes the instance's business key. */
  public String reference(ProcessInstance instance) {
    return instance.getBusinessKey();
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  /** Completes the only open task with that key, as a form submission, then runs the jobs. */
  public void complete(ProcessInstance instance, String taskKey, Map<String, Object> form) {
    Task task = task(instance, taskKey);
    if (task == null) {
      throw new AssertionError("No open task " + taskKey + " in " + instance.getId());
    }
    completeTask(task, form);
  }

  public void completeTask(Task task, Map<String, Object> form) {
    tasks.complete(task.getId(), form);
    runJobs();
  }

  public void runJobs() {
    Jobs.runAsyncContinuations(management);
  }

  // Typical forms of each step.

  public static Map<String, Object> clarification(String outcome) {
    return Map.of(CLARIFICATION_OUTCOME.name(), outcome,
        CLARIFICATION_NOTES.name(), "Appel du 3 décembre : la solution répond au besoin des sites.");
  }

  public static Map<String, Object> scores(int impact, int feasibility) {
    return Map.of(STRATEGIC_IMPACT.name(), impact, FEASIBILITY.name(), feasibility,
        REVIEW_COMMENT.name(), "Idée utile à tous les sites.");
  }

  public static Map<String, Object> orientation(String orientation) {
    return Map.of(ORIENTATION.name(), orientation);
  }

  public void toReview(ProcessInstance instance) {
    complete(instance, Elements.TASK_CLARIFY_IDEA, clarification("FITS"));
  }

  /** From clarification to the committee's decision, following the recommendation of the scores. */
  public void orient(ProcessInstance instance, int impact, int feasibility) {
    toReview(instance);
    complete(instance, Elements.TASK_SCORE_IDEA, scores(impact, feasibility));
    String recommended = (String) runtime.getVariable(instance.getId(), RECOMMENDED_ORIENTATION.name());
    complete(instance, Elements.TASK_DECIDE_ORIENTATION, orientation(recommended));
  }
}
