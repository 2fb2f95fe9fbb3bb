package fr.construisons.security;

import static fr.construisons.incubation.Incubation.Elements.TASK_CARRY_WORKSTREAM;
import static fr.construisons.incubation.Incubation.Elements.TASK_REVIEW_WORKSTREAM;
import static fr.construisons.security.Forgery.formBody;
import static fr.construisons.security.Forgery.text;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.incubation.Incubation;
import fr.construisons.security.Forgery.Snapshot;
import fr.construisons.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * An expert (jeanne, legal workstream) reviews the deliverable of one workstream. Her review
 * cannot rewrite the intrapreneur's deliverable (shown, not editable, on her form) nor name
 * another reviewer.
 */
class ExpertForgeryTest extends ForgeryTest {

  static final String EXPERT = "jeanne";

  @Test
  void herReviewCannotRewriteTheDeliverableNorTheTeam() {
    ProcessInstance incubation = scenario.incubated(scenario.submit(AGENT, ideaForm(true, "education")));
    scenario.startWorkstreams(incubation);
    for (Task carry : scenario.tasks(incubation, TASK_CARRY_WORKSTREAM)) {
      scenario.completeTask(carry, Map.of(Incubation.DELIVERABLE_SUMMARY.name(),
          "Livrable du volet : analyse détaillée et recommandations."));
    }
    Task review = scenario.tasks(incubation, TASK_REVIEW_WORKSTREAM).stream()
        .filter(task -> EXPERT.equals(task.getAssignee())).findFirst().orElseThrow();
    Snapshot before = snapshot(null, incubation.getId());

    Http.Response response = as(EXPERT).postJson(REST + "/task/" + review.getId() + "/submit-form", formBody(Map.of(
        Incubation.WORKSTREAM_CONCLUSION.name(), text("FAVOURABLE"),
        Incubation.EXPERT_COMMENT.name(), text("Analyse solide, risques maîtrisés."),
        Incubation.DELIVERABLE_SUMMARY.name(), text("Livrable réécrit par l'experte."),
        Incubation.FINANCE_EXPERT.name(), text(EXPERT))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« deliverableSummary »", "« financeExpert »", "Revoir le volet");
    Forgery.assertUnchanged(before, snapshot(null, incubation.getId()), "the expert's rewrite");
  }
}
