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
  public static final String DG_MAIL = "paul.bernard@departement.example";

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

  /**
   * The body of « Déposer une idée » as Tasklist posts it to {@code …/submit-form} over REST
   * (typed values), for the tests and benchmarks that drive a node from outside.
   */
  public static Map<String, Object> restStartForm(String title) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put(TITLE.name(), restString(title));
    variables.put(PROBLEM.name(), restString("Les agents des sites éloignés perdent du temps chaque semaine."));
    variables.put(SOLUTION.name(), restString("Mutualiser les accueils des implantations du Département."));
    variables.put(BENEFITS.name(), restString("Du temps gagné pour les agents et un service de proximité."));
    variables.put(IDEATOR_DIRECTORATE.name(), restString("education"));
    variables.put(IMPACTED_DIRECTORATES, Map.of("value", "[\"dsi\"]", "type", "Json"));
    variables.put(WANTS_TO_CARRY.name(), Map.of("value", false, "type", "Boolean"));
    return Map.of("variables", variables);
  }

  private static Map<String, Object> restString(String value) {
    return Map.of("value", value, "type", "String");
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
    // With the user's groups, as Tasklist does: authorization checks apply as in production.
    identity.setAuthentication(user, groupsOf(user));
    try {
      return runtime.createProcessInstanceByKey(processKey).setVariables(form).execute();
    } finally {
      identity.clearAuthentication();
    }
  }

  public List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
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

  // Incubation: the real process called by idea-lifecycle.

  public static final String MANAGER = "sophie";
  public static final String MANAGER_MAIL = "sophie.petit@departement.example";

  /** From submission to the incubation's first task: a feasible idea with a volunteer. */
  public ProcessInstance incubated(ProcessInstance idea) {
    orient(idea, 3, 3);
    complete(idea, Elements.TASK_STUDY_FEASIBILITY, Map.of(STUDY_OUTCOME.name(), "FEASIBLE",
        STUDY_CONCLUSION.name(), "Faisable sur cinq sites avec une convention type.", WANTS_TO_CARRY.name(), true));
    ProcessInstance incubation = runtime.createProcessInstanceQuery().superProcessInstanceId(idea.getId()).singleResult();
    if (incubation == null) {
      throw new AssertionError("No incubation started for " + idea.getBusinessKey());
    }
    return incubation;
  }

  public static Map<String, Object> agreement(String decision) {
    Map<String, Object> form = new HashMap<>();
    form.put("timeShareUnit", "PERCENT");
    form.put("timeShare", 20);
    form.put("durationMonths", 6);
    form.put("startDate", "2027-01-04");
    form.put("agreementConditions", "Hors période de rentrée scolaire.");
    form.put("agreementDecision", decision);
    if (!"AGREE".equals(decision)) {
      form.put("agreementComment", "Le service est en sous-effectif jusqu'en mars.");
    }
    return form;
  }

  public static Map<String, Object> projectTeam() {
    return Map.of("coach", TEAM_MEMBER, "legalExpert", "jeanne", "financeExpert", "marc", "marketExpert", "ines",
        "userJourneyExpert", "hugo", "milestones", "Janvier : cadrage.\nMars : synthèse des volets.",
        "sponsorDirectorate", "education");
  }

  /** The manager agrees and the team is formed: the four workstreams are open. */
  public void startWorkstreams(ProcessInstance incubation) {
    complete(incubation, "Task_AgreeOnWorkingTime", agreement("AGREE"));
    complete(incubation, "Task_FormProjectTeam", projectTeam());
  }

  /** Every open workstream carried by the intrapreneur then reviewed by its expert. */
  public void carryAndReviewWorkstreams(ProcessInstance incubation, String conclusion) {
    for (Task carry : tasks(incubation, "Task_CarryWorkstream")) {
      completeTask(carry, Map.of("deliverableSummary", "Livrable du volet : analyse détaillée et recommandations."));
    }
    for (Task review : tasks(incubation, "Task_ReviewWorkstream")) {
      completeTask(review, Map.of("workstreamConclusion", conclusion, "expertComment", "Analyse solide, risques maîtrisés."));
    }
  }

  public void decide(ProcessInstance incubation, Map<String, Object> decision) {
    complete(incubation, "Task_DecideImplementation", decision);
  }

  public static Map<String, Object> decision(String decision) {
    return Map.of("implementationDecision", decision, "decisionReason", "Les quatre volets sont concluants.");
  }

  /** From the incubation's start to its implementation reported by the sponsoring directorate. */
  public void implement(ProcessInstance incubation) {
    startWorkstreams(incubation);
    carryAndReviewWorkstreams(incubation, "FAVOURABLE");
    decide(incubation, decision("IMPLEMENT"));
    complete(incubation, "Task_ImplementIdea", Map.of("implementationReport",
        "Relais-colis ouverts dans cinq collèges depuis le 1er septembre."));
  }

  /** From clarification to the committee's decision, following the recommendation of the scores. */
  public void orient(ProcessInstance instance, int impact, int feasibility) {
    toReview(instance);
    complete(instance, Elements.TASK_SCORE_IDEA, scores(impact, feasibility));
    String recommended = (String) runtime.getVariable(instance.getId(), RECOMMENDED_ORIENTATION.name());
    complete(instance, Elements.TASK_DECIDE_ORIENTATION, orientation(recommended));
  }
}
