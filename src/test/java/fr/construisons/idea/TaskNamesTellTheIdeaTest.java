package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.TITLE;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_SCORE_IDEA;
import static fr.construisons.incubation.Incubation.Elements.TASK_AGREE_ON_WORKING_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task is named after its idea (reference and title), engine-side, while the models
 * keep their short labels; the agent's title is copied as text, never evaluated.
 */
@ProcessTest
class TaskNamesTellTheIdeaTest {

  @Autowired IdeaScenario scenario;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;

  @BeforeEach
  void mail() {
    MailServer.get();
    MailServer.purge();
  }

  private ProcessInstance submitted(String title) {
    Map<String, Object> form = IdeaScenario.ideaForm(true, "education");
    form.put(TITLE.name(), title);
    return scenario.submit(IdeaScenario.AGENT, form);
  }

  @Test
  void theClarificationCallAndTheLaterTasksNameTheIdeasReferenceAndTitle() {
    ProcessInstance idea = submitted("Covoiturage entre sites");
    String reference = scenario.reference(idea);
    assertThat(reference).matches("CONS-\\d{4}-\\d{4,}");

    Task call = scenario.task(idea, TASK_CLARIFY_IDEA);
    assertThat(call.getName()).isEqualTo("Mener l'appel de clarification — " + reference + " « Covoiturage entre sites »");
    assertThat(history.createHistoricTaskInstanceQuery().taskId(call.getId()).singleResult().getName())
        .as("the name in the history too").isEqualTo(call.getName());

    scenario.toReview(idea);
    assertThat(scenario.task(idea, TASK_SCORE_IDEA).getName())
        .isEqualTo("Évaluer l'idée — " + reference + " « Covoiturage entre sites »");

    // The models keep their short labels.
    String definitionId = idea.getProcessDefinitionId();
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    assertThat(model.getModelElementById(TASK_CLARIFY_IDEA).getAttributeValue("name"))
        .isEqualTo("Mener l'appel de clarification");
  }

  @Test
  void theIncubationsTasksNameTheIdeaToo() {
    ProcessInstance idea = submitted("Relais-colis dans nos implantations");
    ProcessInstance incubation = scenario.incubated(idea);
    scenario.runJobs();
    assertThat(scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME).getName()).isEqualTo(
        "Donner l'accord sur le temps alloué — " + scenario.reference(idea) + " « Relais-colis dans nos implantations »");
  }

  @Test
  void aHostileTitleStaysLiteralText() {
    String expression = "${execution.setVariable('pwned', true)} #{1+1}";
    ProcessInstance idea = submitted(expression);
    assertThat(scenario.task(idea, TASK_CLARIFY_IDEA).getName())
        .isEqualTo("Mener l'appel de clarification — " + scenario.reference(idea) + " « " + expression + " »");
    assertThat(runtime.getVariable(idea.getId(), "pwned")).as("the expression was never evaluated").isNull();

    String markup = "<b>gras</b> <script>alert('x')</script>";
    ProcessInstance other = submitted(markup);
    assertThat(scenario.task(other, TASK_CLARIFY_IDEA).getName()).endsWith("« " + markup + " »");
  }

  @Test
  void aLongTitleIsShortenedOnOneLine() {
    String longTitle = "Mutualiser les véhicules de service entre les directions\net les collèges du territoire isérois";
    ProcessInstance idea = submitted(longTitle);
    String name = scenario.task(idea, TASK_CLARIFY_IDEA).getName();
    String shown = name.substring(name.indexOf('«') + 2, name.lastIndexOf('»') - 1);
    assertThat(shown).hasSize(TaskNamesTellTheIdea.TITLE_MAX).endsWith("…").doesNotContain("\n")
        .startsWith("Mutualiser les véhicules de service entre les directions et");
  }

  @Test
  void aTaskOfAProcessWithoutAnIdeaKeepsItsLabel() {
    assertThat(TaskNamesTellTheIdea.taskName("Tâche", null, null)).isEqualTo("Tâche");
    assertThat(TaskNamesTellTheIdea.taskName("Tâche", "CONS-2026-0001", null)).isEqualTo("Tâche — CONS-2026-0001");
    assertThat(TaskNamesTellTheIdea.taskName("Tâche", null, 42)).isEqualTo("Tâche");
  }
}
