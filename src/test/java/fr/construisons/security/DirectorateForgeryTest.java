package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_TAKE_UP_IDEA;
import static fr.construisons.security.Forgery.formBody;
import static fr.construisons.security.Forgery.text;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.security.Forgery.Snapshot;
import fr.construisons.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A directorate (karim, direction des mobilités) answers for the ideas forwarded to it. Its answer
 * cannot rewrite the idea, add directorates or close it by a message.
 */
class DirectorateForgeryTest extends ForgeryTest {

  static final String DIRECTORATE_MEMBER = "karim";

  private ProcessInstance forwardedToMobilities() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "mobilites"));
    // Low impact: the committee follows the recommendation to forward it.
    scenario.orient(idea, 1, 2);
    return idea;
  }

  @Test
  void itsAnswerCannotRewriteTheIdeaNorAddDirectorates() {
    ProcessInstance idea = forwardedToMobilities();
    Task takeUp = scenario.task(idea, TASK_TAKE_UP_IDEA);
    Snapshot before = snapshot(idea.getBusinessKey(), idea.getId());

    Http.Response response = as(DIRECTORATE_MEMBER).postJson(REST + "/task/" + takeUp.getId() + "/submit-form",
        formBody(Map.of(
            IdeaLifecycle.TAKE_UP_DECISION.name(), text("DECLINES"),
            IdeaLifecycle.TAKE_UP_REASON.name(), text("Nous n'avons pas le budget cette année."),
            IdeaLifecycle.TITLE.name(), text("Une idée sans intérêt"),
            IdeaLifecycle.IMPACTED_DIRECTORATES, Forgery.typed("[\"mobilites\",\"dsi\"]", "Json"))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« title »", "« impactedDirectorates »", "Prendre en charge l'idée");
    Forgery.assertUnchanged(before, snapshot(idea.getBusinessKey(), idea.getId()), "the directorate's rewrite");
  }

  @Test
  void itCannotCloseAnIdeaByAMessage() {
    ProcessInstance idea = forwardedToMobilities();
    Snapshot before = snapshot(idea.getBusinessKey(), idea.getId());

    Http.Response response = as(DIRECTORATE_MEMBER).postJson(REST + "/message", Map.of(
        "messageName", IdeaLifecycle.MESSAGE_IDEA_DUPLICATE, "businessKey", idea.getBusinessKey(),
        "processVariables", Map.of(IdeaLifecycle.DUPLICATE_OF.name(), text("CONS-2026-0001"))));

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.message()).contains("réservée aux administrateurs");
    Forgery.assertUnchanged(before, snapshot(idea.getBusinessKey(), idea.getId()), "a duplicate message");
  }
}
