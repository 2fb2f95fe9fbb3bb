package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.ProcessTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadlines the models name exist in the configuration: a timer naming a deadline that
 * {@code construisons.deadlines} lacks would only fail when an instance reaches it. The timers of
 * the older model versions still deployed (idea-lifecycle up to 1.1.0, incubation up to 1.2.0)
 * keep their dates.
 */
@ProcessTest
class ModelDeadlinesTest {

  private static final Pattern DEADLINE_CALL = Pattern.compile("deadlines\\.(\\w+)\\(([^)]*)\\)");
  private static final Pattern DUE = Pattern.compile("'([a-z0-9-]+)'");

  @Autowired Deadlines deadlines;
  @Autowired ProcessEngine engine;

  @AfterEach
  void resetTheEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void everyDeadlineTheModelsNameIsConfigured() throws IOException {
    List<String> named = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        Matcher call = DEADLINE_CALL.matcher(Files.readString(model, StandardCharsets.UTF_8));
        while (call.find()) {
          // The current models call due(name); the named methods are kept for older versions only.
          assertThat(call.group(1)).as("%s: %s", model, call.group()).isEqualTo("due");
          Matcher name = DUE.matcher(call.group(2));
          assertThat(name.matches()).as("%s: %s names its deadline in quotes", model, call.group()).isTrue();
          named.add(name.group(1));
        }
      }
    }
    assertThat(named).as("deadlines named in processes/*.bpmn").isNotEmpty();
    assertThat(named).allSatisfy(name -> assertThat(deadlines.settings().days()).containsKey(name));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "clarificationReminder,     clarification-reminder",
      "clarificationEscalation,   clarification-escalation",
      "takeUpReminder,            take-up-reminder",
      "managerAgreementReminder,  manager-agreement-reminder"})
  void theTimersOfOlderVersionsStillFallDueAsConfigured(String method, String deadline) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-07-06T07:30:00Z")));
    BpmnModelInstance model = Bpmn.createExecutableProcess("older-timer-" + method).camundaHistoryTimeToLive(1)
        .startEvent().intermediateCatchEvent().timerWithDate("${deadlines." + method + "()}").endEvent().done();
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("older-timer-" + method + ".bpmn", model).deploy();
    try {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("older-timer-" + method).getId();
      Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();

      assertThat(timer.getDuedate()).isEqualTo(deadlines.due(deadline));
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }
}
