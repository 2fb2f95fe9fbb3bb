package fr.construisons.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo users at work: each step goes through the engine's API as the signed-in user, with
 * their groups, exactly as Tasklist submits it (start form, claim, task form), so the
 * authorizations, the forms' server-side rules and the separation of duties apply and the
 * history says who did what.
 */
@Component
class DemoActors {

  /** How long one step may take to appear: the job executor runs the mails in between. */
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final FormService forms;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  DemoActors(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.forms = engine.getFormService();
    this.tasks = engine.getTaskService();
    this.runtime = engine.getRuntimeService();
    this.management = engine.getManagementService();
  }

  /** Submits the start form of the latest version of a process; returns the business key. */
  String start(String user, String processKey, Map<String, Object> form) {
    ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    // Registration is synchronous: the idea's reference is the business key when this returns.
    String businessKey = as(user, () -> forms.submitStartForm(latest.getId(), form).getBusinessKey());
    settle();
    return businessKey;
  }

  /** The user claims the idea's open task (the one of that directorate or workstream, if given) and submits its form. */
  void complete(String user, String reference, String taskKey, Map<String, Object> form) {
    complete(user, reference, taskKey, null, null, form);
  }

  void complete(String user, String reference, String taskKey, String localName, String localValue,
      Map<String, Object> form) {
    Task task = await(reference, taskKey, localName, localValue);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      forms.submitTaskForm(task.getId(), form);
      return null;
    });
    settle();
  }

  /** Waits until the idea's process (or its incubation) reaches that task. */
  Task await(String reference, String taskKey, String localName, String localValue) {
    Task[] found = new Task[1];
    waitUntil(reference + " at " + taskKey, () -> {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).list();
      found[0] = open.stream()
          .filter(task -> localName == null || localValue.equals(tasks.getVariable(task.getId(), localName)))
          .findFirst().orElse(null);
      return found[0] != null;
    });
    return found[0];
  }

  /** A variable as the task sees it (its own scope, then the process's). */
  Object variable(Task task, String name) {
    return tasks.getVariable(task.getId(), name);
  }

  /** Waits until no process of this idea runs any more. */
  void awaitEnd(String reference) {
    waitUntil(reference + " closed",
        () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() == 0);
  }

  /**
   * Lets the asynchronous continuations run (mails, registrations). With the job executor on
   * (the demo run) they run by themselves and the next {@link #await} waits for them; with it off
   * (the tests) they are run here, as the executor would, until none is due.
   */
  void settle() {
    if (jobExecutorActive()) {
      return;
    }
    for (int round = 0; round < 500; round++) {
      List<Job> due = management.createJobQuery().executable().messages().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException concurrent) {
          // Another thread ran it first: what matters is that it ran.
        }
      }
    }
    throw new IllegalStateException("Living demo: jobs keep coming");
  }

  private void waitUntil(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Living demo: " + what + " not reached within " + STEP_TIMEOUT.toSeconds() + " s");
      }
      settle();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Living demo interrupted while waiting for " + what, e);
      }
    }
  }

  private boolean jobExecutorActive() {
    var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    return executor != null && executor.isActive();
  }

  private <T> T as(String user, Supplier<T> action) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
