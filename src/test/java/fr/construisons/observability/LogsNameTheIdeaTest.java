package fr.construisons.observability;

import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a delegate logs while a job runs names the idea: the engine puts the business key (the
 * idea's reference) into the MDC as {@code ideaReference}, and {@code logging.pattern.level}
 * prints it after the level. Lines outside any idea carry nothing extra.
 */
@ProcessTest
@ExtendWith(OutputCaptureExtension.class)
class LogsNameTheIdeaTest {

  @Autowired IdeaScenario scenario;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void setUp() {
    MailServer.get();
  }

  @Test
  void theMailJobsOfAnIdeaLogItsReference(CapturedOutput output) {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "rh"));
    // Registration sets the business key after the start: read it from the engine.
    String reference = scenario.reference(refreshed(instance));
    assertThat(reference).startsWith("CONS-");
    LoggerFactory.getLogger(LogsNameTheIdeaTest.class).info("Ligne hors de toute idée");

    List<String> sent = output.getOut().lines()
        .filter(line -> line.contains("NotificationService") && line.contains("envoyé"))
        .toList();
    // The acknowledgement to the agent and the notice to the team, each in its own job.
    assertThat(sent).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(line -> assertThat(line).contains(" INFO [" + reference + "] "));
    assertThat(sent).anySatisfy(line -> assertThat(line).contains("STAGE_CLARIFICATION"));
    assertThat(output.getOut().lines().filter(line -> line.contains("Ligne hors de toute idée")))
        .singleElement().satisfies(line -> assertThat(line).contains(" INFO ").doesNotContain("[]")
            .doesNotContain("CONS-"));
  }

  private ProcessInstance refreshed(ProcessInstance instance) {
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
  }
}
