package fr.construisons.observability;

import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_NOTES;
import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_OUTCOME;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.incubation.Incubation;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's history cleanup runs every night (22:00–05:00) and removes the history of a finished
 * process instance once its model's historyTimeToLive (ten years) has passed since its end; the
 * catalogue of ideas is not history and stays.
 */
@ProcessTest
class HistoryCleanupTest {

  static final int TEN_YEARS_IN_DAYS = 3650;

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdeaScenario scenario;
  @Autowired IdeaRepository catalogue;

  @BeforeEach
  void setUp() {
    MailServer.get();
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void theCleanupRunsEveryNightAndDeletesByRemovalTime() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    // The engine schedules its cleanup job at start-up, for the next window.
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
  }

  @Test
  void everyModelKeepsItsHistoryTenYears() {
    for (String key : List.of(IdeaLifecycle.PROCESS_KEY, Incubation.PROCESS_KEY,
        IdeaClosure.WITHDRAWAL_PROCESS_KEY, IdeaClosure.DUPLICATE_PROCESS_KEY)) {
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult().getHistoryTimeToLive()).as(key).isEqualTo(TEN_YEARS_IN_DAYS);
    }
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("idea-orientation")
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(TEN_YEARS_IN_DAYS);
  }

  @Test
  void theHistoryOfAFinishedIdeaIsRemovedOnceItsTimeToLiveIsOver() {
    ClockUtil.setCurrentTime(new Date());
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "rh"));
    scenario.complete(instance, TASK_CLARIFY_IDEA, Map.of(CLARIFICATION_OUTCOME.name(), "OUT_OF_SCOPE",
        CLARIFICATION_NOTES.name(), "Relève du règlement intérieur."));
    HistoricProcessInstance finished = historicInstance(instance);
    assertThat(finished.getEndTime()).as("the idea is closed").isNotNull();
    String reference = finished.getBusinessKey();
    Instant removal = finished.getEndTime().toInstant().plus(Duration.ofDays(TEN_YEARS_IN_DAYS));
    assertThat(finished.getRemovalTime()).isEqualTo(Date.from(removal));
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isPositive();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count()).isPositive();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isPositive();

    // A day before the end of its time to live, the cleanup leaves it alone.
    ClockUtil.setCurrentTime(Date.from(removal.minus(Duration.ofDays(1))));
    runCleanup();
    assertThat(historicInstance(instance)).isNotNull();

    // A day after, it is gone, with its activities, tasks and variables.
    ClockUtil.setCurrentTime(Date.from(removal.plus(Duration.ofDays(1))));
    // 500 rows per table and run: other tests' finished instances go too, so the instance's row
    // may go a run before the last of its activities or variables (each table is its own batch).
    for (int run = 0; run < 40 && historyRowsOf(instance) > 0; run++) {
      runCleanup();
    }
    assertThat(historicInstance(instance)).isNull();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    // The catalogue is not history.
    assertThat(catalogue.find(reference)).isPresent();
  }

  /** Runs the cleanup now, as the job executor would in the window. */
  private void runCleanup() {
    Job job = history.cleanUpHistoryAsync(true);
    management.executeJob(job.getId());
  }

  private long historyRowsOf(ProcessInstance instance) {
    String id = instance.getId();
    return history.createHistoricProcessInstanceQuery().processInstanceId(id).count()
        + history.createHistoricActivityInstanceQuery().processInstanceId(id).count()
        + history.createHistoricTaskInstanceQuery().processInstanceId(id).count()
        + history.createHistoricVariableInstanceQuery().processInstanceId(id).count();
  }

  private HistoricProcessInstance historicInstance(ProcessInstance instance) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
  }
}
