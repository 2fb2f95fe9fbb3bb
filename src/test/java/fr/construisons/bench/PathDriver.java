package fr.construisons.bench;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.*;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.support.IdeaScenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one idea along a path, the same way on the bare engine and on the application: the
 * forms each person would submit (as that person, with their groups), and the jobs the job
 * executor would run executed at once by the driving thread, for this idea's instances only, so
 * several client threads never run each other's jobs.
 */
final class PathDriver {

  /** The paths measured: the three orientations' happy paths and incubation. */
  enum Path {
    EXPERIMENT, STUDY, FORWARD, INCUBATION;
  }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  /** The bare engine has no delegates: what they would have set is given at the start instead. */
  private final boolean bare;
  private final Map<String, List<String>> groups = new java.util.concurrent.ConcurrentHashMap<>();

  PathDriver(ProcessEngine engine, boolean bare) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
    this.bare = bare;
  }

  /** One idea from submission to the end of its path; returns the number of user tasks completed. */
  int drive(Path path, int sequence) {
    boolean carry = path == Path.INCUBATION;
    Map<String, Object> form = path == Path.FORWARD
        ? IdeaScenario.ideaForm(carry, "education", "mobilites")
        : IdeaScenario.ideaForm(carry, "education");
    if (bare) {
      // What RegisterIdeaDelegate, MoveIdeaToStageDelegate and ResolveLineManagerDelegate set in
      // the application; the gateways and assignments of the models read them.
      form.put(IDEA_REFERENCE.name(), "BENCH-" + sequence);
      form.put(IDEATOR.name(), IdeaScenario.AGENT);
      form.put(STAGE.name(), carry ? "INCUBATION" : "REVIEW");
      form.put("lineManager", IdeaScenario.MANAGER);
    }
    ProcessInstance idea = start(IdeaScenario.AGENT, form);
    int completed = 0;
    complete(idea, TASK_CLARIFY_IDEA, IdeaScenario.TEAM_MEMBER, IdeaScenario.clarification("FITS"));
    completed++;
    switch (path) {
      case EXPERIMENT -> {
        completed += orient(idea, 4, 4);
        complete(idea, TASK_CONDUCT_EXPERIMENT, IdeaScenario.AGENT, Map.of(EXPERIMENT_REPORT.name(),
            "Trois sites pilotes pendant deux mois, 240 colis livrés sans incident."));
        complete(idea, TASK_ASSESS_EXPERIMENT, IdeaScenario.TEAM_MEMBER, Map.of(EXPERIMENT_DECISION.name(),
            "GENERALISE", EXPERIMENT_CONCLUSION.name(), "Généralisé à toutes les implantations en 2027."));
        completed += 2;
      }
      case STUDY -> {
        completed += orient(idea, 2, 2);
        complete(idea, TASK_STUDY_FEASIBILITY, IdeaScenario.TEAM_MEMBER, Map.of(STUDY_OUTCOME.name(), "NOT_FEASIBLE",
            STUDY_CONCLUSION.name(), "Contraintes d'assurance incompatibles avec les locaux."));
        completed++;
      }
      case FORWARD -> {
        completed += orient(idea, 1, 3);
        for (String directorate : List.of("education", "mobilites")) {
          Task takeUp = tasks.createTaskQuery().processInstanceId(idea.getId())
              .taskDefinitionKey(TASK_TAKE_UP_IDEA).taskCandidateGroup("dir-" + directorate).singleResult();
          completeTask(idea, takeUp, "education".equals(directorate) ? "sophie" : "karim",
              Map.of(TAKE_UP_DECISION.name(), "TAKES_UP", TAKE_UP_REASON.name(), "Nous l'intégrons à notre plan 2027."));
          completed++;
        }
      }
      case INCUBATION -> {
        completed += orient(idea, 3, 3);
        complete(idea, TASK_STUDY_FEASIBILITY, IdeaScenario.TEAM_MEMBER, Map.of(STUDY_OUTCOME.name(), "FEASIBLE",
            STUDY_CONCLUSION.name(), "Faisable sur cinq sites avec une convention type.", WANTS_TO_CARRY.name(), true));
        completed++;
        ProcessInstance incubation = runtime.createProcessInstanceQuery().superProcessInstanceId(idea.getId()).singleResult();
        if (incubation == null) {
          throw new IllegalStateException("No incubation for idea " + sequence);
        }
        runJobs(incubation.getId());
        complete(incubation, "Task_AgreeOnWorkingTime", IdeaScenario.MANAGER, IdeaScenario.agreement("AGREE"));
        complete(incubation, "Task_FormProjectTeam", IdeaScenario.TEAM_MEMBER, IdeaScenario.projectTeam());
        completed += 2;
        for (Task carryTask : tasks.createTaskQuery().processInstanceId(incubation.getId()).taskDefinitionKey("Task_CarryWorkstream").list()) {
          completeTask(incubation, carryTask, IdeaScenario.AGENT,
              Map.of("deliverableSummary", "Livrable du volet : analyse détaillée et recommandations."));
          completed++;
        }
        for (Task review : tasks.createTaskQuery().processInstanceId(incubation.getId()).taskDefinitionKey("Task_ReviewWorkstream").list()) {
          String expert = review.getAssignee() != null ? review.getAssignee() : "jeanne";
          completeTask(incubation, review, expert,
              Map.of("workstreamConclusion", "FAVOURABLE", "expertComment", "Analyse solide, risques maîtrisés."));
          completed++;
        }
        complete(incubation, "Task_DecideImplementation", IdeaScenario.DG_MEMBER, IdeaScenario.decision("IMPLEMENT"));
        complete(incubation, "Task_ImplementIdea", "sophie", Map.of("implementationReport",
            "Relais-colis ouverts dans cinq collèges depuis le 1er septembre."));
        completed += 2;
        runJobs(idea.getId());
      }
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(idea.getId()).count() != 0) {
      throw new IllegalStateException("Idea " + sequence + " on path " + path + " has not ended");
    }
    return completed;
  }

  /** An idea submitted and registered, left waiting for its clarification call (an open task). */
  void submitOnly(String agent, String directorate, String title) {
    ProcessInstance instance = submit(agent, directorate, title);
    // No called instance yet: only this instance's jobs. (Looking for called instances by their
    // super process instance costs a query that grows with the open instances.)
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** An idea submitted, its jobs left to the job executor. */
  ProcessInstance submit(String agent, String directorate, String title) {
    Map<String, Object> form = IdeaScenario.ideaForm(false, directorate);
    form.put(TITLE.name(), title);
    form.put(IDEATOR_DIRECTORATE.name(), directorate);
    return as(agent, () -> runtime.createProcessInstanceByKey(IdeaLifecycle.PROCESS_KEY)
        .setVariables(new HashMap<>(form)).execute());
  }

  /** The bare engine's reference path: a process with one user task, started and completed. */
  void oneUserTask(String processKey) {
    ProcessInstance instance = runtime.startProcessInstanceByKey(processKey);
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    tasks.complete(task.getId());
  }

  private int orient(ProcessInstance idea, int impact, int feasibility) {
    complete(idea, TASK_SCORE_IDEA, IdeaScenario.DG_MEMBER, IdeaScenario.scores(impact, feasibility));
    String recommended = (String) runtime.getVariable(idea.getId(), RECOMMENDED_ORIENTATION.name());
    complete(idea, TASK_DECIDE_ORIENTATION, IdeaScenario.DG_MEMBER, IdeaScenario.orientation(recommended));
    return 2;
  }

  private ProcessInstance start(String user, Map<String, Object> form) {
    ProcessInstance instance = as(user, () -> runtime.createProcessInstanceByKey(IdeaLifecycle.PROCESS_KEY)
        .setVariables(new HashMap<>(form)).execute());
    runJobs(instance.getId());
    return instance;
  }

  private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("No open task " + taskKey + " in " + instance.getId());
    }
    completeTask(instance, task, user, form);
  }

  private void completeTask(ProcessInstance instance, Task task, String user, Map<String, Object> form) {
    as(user, () -> {
      tasks.complete(task.getId(), form);
      return null;
    });
    runJobs(instance.getId());
  }

  private <T> T as(String user, java.util.function.Supplier<T> action) {
    identity.setAuthentication(user, groups.computeIfAbsent(user,
        u -> identity.createGroupQuery().groupMember(u).list().stream().map(g -> g.getId()).toList()));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Every due job of these instances, until none is left. Only their own jobs: other client
   * threads run theirs, and the driver never queries what it already knows (its own queries
   * would add the same cost to both sides and hide the difference being measured).
   */
  private void runJobs(String... instanceIds) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = new ArrayList<>();
      for (String id : instanceIds) {
        jobs.addAll(management.createJobQuery().processInstanceId(id).executable().messages().list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        management.executeJob(job.getId());
      }
    }
    throw new IllegalStateException("Jobs keep coming for " + java.util.Arrays.toString(instanceIds));
  }
}
