package fr.construisons.notification;

import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_OUTCOME;
import static fr.construisons.idea.IdeaLifecycle.PROCESS_KEY;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_ACKNOWLEDGE_IDEA;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_ANNOUNCE_REVIEW;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_SCORE_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.AGENT_MAIL;
import static fr.construisons.support.IdeaScenario.TEAM_MAIL;
import static fr.construisons.support.IdeaScenario.clarification;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;

/**
 * A technical failure never loses an idea: with the SMTP server down, the submission and the task
 * completions still commit, and the mail waits in a job that the engine retries (R3/PT5M), then
 * raises an incident, until the server is back.
 */
@ProcessTest
class MailFailureTest {

  private static final Duration RETRY_INTERVAL = Duration.ofMinutes(5);

  @Autowired IdeaScenario scenario;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdeaRepository catalogue;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    MailServer.get();
    MailServer.purge();
  }

  @AfterEach
  void bringTheSmtpServerBack() {
    ClockUtil.reset();
    MailServer.get(); // starts it again if a test left it stopped
  }

  private Job job(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }

  private Idea idea(String reference) {
    return catalogue.find(reference).orElseThrow(() -> new AssertionError("No idea " + reference + " in the catalogue"));
  }

  private static boolean causedByAMailFailure(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof MailException) {
        return true;
      }
    }
    return false;
  }

  /** Runs the job while SMTP is down: it must fail because of the mail, and be scheduled again. */
  private Job failOnce(Job job) {
    Date before = ClockUtil.getCurrentTime();
    assertThatThrownBy(() -> management.executeJob(job.getId()))
        .satisfies(thrown -> assertThat(causedByAMailFailure(thrown)).as("caused by the mail: " + thrown).isTrue());
    Date after = ClockUtil.getCurrentTime();
    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed).as("the job is kept").isNotNull();
    assertThat(failed.getExceptionMessage()).isNotBlank();
    if (failed.getRetries() > 0) {
      assertThat(failed.getDuedate()).as("next attempt in 5 minutes")
          .isBetween(Date.from(before.toInstant().plus(RETRY_INTERVAL).minusSeconds(1)),
              Date.from(after.toInstant().plus(RETRY_INTERVAL).plusSeconds(1)));
    }
    return failed;
  }

  @Test
  void anIdeaSubmittedDuringAnSmtpOutageIsKeptAndAcknowledgedOnceTheServerIsBack() {
    MailServer.stop();

    ProcessInstance instance = scenario.startAs(AGENT, PROCESS_KEY, ideaForm(false, "dsi"));

    String reference = instance.getBusinessKey();
    assertThat(reference).matches("CONS-\\d{4}-\\d{4}");
    assertThat(idea(reference).stage()).isEqualTo(IdeaStage.SUBMITTED);
    Job acknowledgement = job(instance, TASK_ACKNOWLEDGE_IDEA);
    assertThat(acknowledgement).as("the acknowledgement waits in a job").isNotNull();
    assertThat(acknowledgement.getRetries()).isEqualTo(3);

    Job failed = failOnce(acknowledgement);

    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(management.getJobExceptionStacktrace(failed.getId())).contains("MailSendException");
    assertThat(idea(reference).stage()).as("the stage change rolled back with its mail").isEqualTo(IdeaStage.SUBMITTED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).executable().list())
        .as("not retried before its due date").isEmpty();

    assertThat(failOnce(failed).getRetries()).isEqualTo(1);
    assertThat(failOnce(failed).getRetries()).isZero();

    List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instance.getId()).list();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo(TASK_ACKNOWLEDGE_IDEA);
      assertThat(incident.getConfiguration()).isEqualTo(acknowledgement.getId());
    });
    assertThat(idea(reference).stage()).isEqualTo(IdeaStage.SUBMITTED);

    MailServer.start();
    management.setJobRetries(acknowledgement.getId(), 1);
    management.executeJob(acknowledgement.getId());
    scenario.runJobs();

    assertThat(instance).isWaitingAt(TASK_CLARIFY_IDEA).hasPassed(TASK_ACKNOWLEDGE_IDEA);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(idea(reference).stage()).isEqualTo(IdeaStage.CLARIFICATION);
    assertThat(MailServer.to(AGENT_MAIL)).extracting(MailServer::subject)
        .containsExactly("[Construisons!] Votre idée " + reference + " a bien été déposée");
    assertThat(MailServer.to(TEAM_MAIL)).extracting(MailServer::subject)
        .containsExactly("[Construisons!] Nouvelle idée " + reference + " à clarifier");
  }

  @Test
  void aCompletedTaskStaysCompletedWhenItsFollowUpMailFails() {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "rh"));
    String reference = scenario.reference(instance);
    Task call = scenario.task(instance, TASK_CLARIFY_IDEA);
    MailServer.purge();
    MailServer.stop();

    tasks.complete(call.getId(), clarification("FITS"));

    assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("the call is recorded").isZero();
    assertThat(history.createHistoricTaskInstanceQuery().taskId(call.getId()).finished().count()).isEqualTo(1);
    assertThat(runtime.getVariable(instance.getId(), CLARIFICATION_OUTCOME.name())).isEqualTo("FITS");
    Job announcement = job(instance, TASK_ANNOUNCE_REVIEW);
    assertThat(announcement).as("the announcement waits in a job").isNotNull();

    Job failed = failOnce(announcement);

    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("still completed").isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(idea(reference).stage()).isEqualTo(IdeaStage.CLARIFICATION);

    MailServer.start();
    management.executeJob(announcement.getId());
    scenario.runJobs();

    assertThat(instance).hasPassed(TASK_ANNOUNCE_REVIEW).isWaitingAt(TASK_SCORE_IDEA);
    assertThat(idea(reference).stage()).isEqualTo(IdeaStage.REVIEW);
    assertThat(MailServer.to(AGENT_MAIL)).extracting(MailServer::subject)
        .containsExactly("[Construisons!] Votre idée " + reference + " passe en revue en direction générale");
  }
}
