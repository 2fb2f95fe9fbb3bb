package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_DECIDE_ORIENTATION;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_SCORE_IDEA;
import static fr.construisons.security.Forgery.formBody;
import static fr.construisons.security.Forgery.restVariables;
import static fr.construisons.security.Forgery.text;
import static fr.construisons.security.Forgery.with;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.DG_MEMBER;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static fr.construisons.support.IdeaScenario.orientation;
import static fr.construisons.support.IdeaScenario.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.security.Forgery.Snapshot;
import fr.construisons.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A member of general management (paul) scores ideas and decides their orientation. He never does
 * either for an idea he authored (conflict of interest: the task stays open for the other members,
 * and he is told why), and the scoring form cannot carry the decision that follows it.
 */
class GeneralManagementForgeryTest extends ForgeryTest {

  @Test
  void heNeverScoresAnIdeaHeAuthored() {
    ProcessInstance own = scenario.submit(DG_MEMBER, ideaForm(false, "education"));
    scenario.toReview(own);
    Task review = scenario.task(own, TASK_SCORE_IDEA);
    Snapshot before = snapshot(own.getBusinessKey(), own.getId());

    Http.Response claim = tasklistAs(DG_MEMBER).postJson(TASKLIST_API + "/task/" + review.getId() + "/claim",
        Map.of("userId", DG_MEMBER));
    Http.Response completion = as(DG_MEMBER).postJson(REST + "/task/" + review.getId() + "/submit-form",
        formBody(restVariables(scores(4, 4))));

    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
    assertThat(claim.message()).contains("Vous ne pouvez pas prendre la tâche « Évaluer l'idée",
        "vous êtes l'auteur de cette idée", "un autre membre de votre groupe");
    assertThat(completion.status()).as(completion.toString()).isEqualTo(400);
    assertThat(completion.message()).contains("vous êtes l'auteur de cette idée", "conflit d'intérêts");
    Forgery.assertUnchanged(before, snapshot(own.getBusinessKey(), own.getId()), "paul scoring his own idea");
    assertThat(scenario.task(own, TASK_SCORE_IDEA).getAssignee()).as("left for the other members").isNull();
  }

  /**
   * An LDAP directory authenticates « PAUL » as paul and the engine keeps the id as typed: the
   * author is still recognised, whatever the case of the login.
   */
  @Test
  void theAuthorIsRecognisedWhateverTheCaseOfHisLogin() {
    ProcessInstance own = scenario.submit(DG_MEMBER, ideaForm(false, "education"));
    scenario.toReview(own);
    Task review = scenario.task(own, TASK_SCORE_IDEA);
    Snapshot before = snapshot(own.getBusinessKey(), own.getId());

    engine.getIdentityService().setAuthentication("PAUL", scenario.groupsOf(DG_MEMBER));
    try {
      assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), scores(4, 4)))
          .hasMessageContaining("vous êtes l'auteur de cette idée");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    Forgery.assertUnchanged(before, snapshot(own.getBusinessKey(), own.getId()), "PAUL scoring paul's idea");
  }

  @Test
  void heNeverDecidesTheOrientationOfAnIdeaHeAuthored() {
    ProcessInstance own = scenario.submit(DG_MEMBER, ideaForm(false, "education"));
    scenario.toReview(own);
    scenario.complete(own, TASK_SCORE_IDEA, scores(3, 4));
    Task decision = scenario.task(own, TASK_DECIDE_ORIENTATION);
    Snapshot before = snapshot(own.getBusinessKey(), own.getId());

    Http.Response completion = as(DG_MEMBER).postJson(REST + "/task/" + decision.getId() + "/submit-form",
        formBody(restVariables(orientation("EXPERIMENT"))));

    assertThat(completion.status()).as(completion.toString()).isEqualTo(400);
    assertThat(completion.message()).contains("vous êtes l'auteur de cette idée");
    Forgery.assertUnchanged(before, snapshot(own.getBusinessKey(), own.getId()), "paul orienting his own idea");
  }

  @Test
  void theScoresCannotCarryTheOrientation() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "education"));
    scenario.toReview(idea);
    Task review = scenario.task(idea, TASK_SCORE_IDEA);
    Snapshot before = snapshot(idea.getBusinessKey(), idea.getId());

    Http.Response response = as(DG_MEMBER).postJson(REST + "/task/" + review.getId() + "/submit-form",
        formBody(with(restVariables(scores(1, 1)), IdeaLifecycle.RECOMMENDED_ORIENTATION.name(), text("EXPERIMENT"),
            IdeaLifecycle.ORIENTATION.name(), text("EXPERIMENT"))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« recommendedOrientation »", "« orientation »", "Évaluer l'idée");
    Forgery.assertUnchanged(before, snapshot(idea.getBusinessKey(), idea.getId()), "a decision slipped into the scores");
  }
}
