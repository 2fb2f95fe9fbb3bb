package fr.construisons.security;

import static fr.construisons.incubation.Incubation.Elements.TASK_AGREE_ON_WORKING_TIME;
import static fr.construisons.security.Forgery.formBody;
import static fr.construisons.security.Forgery.restVariables;
import static fr.construisons.security.Forgery.with;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.MANAGER;
import static fr.construisons.support.IdeaScenario.agreement;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.incubation.Incubation;
import fr.construisons.security.Forgery.Snapshot;
import fr.construisons.support.Http;
import java.net.http.HttpRequest.BodyPublishers;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The line manager (sophie) agrees on the working time of her agent's incubation. Her answer
 * cannot hand the agreement to somebody else, change the intrapreneur or form the project team.
 */
class ManagerForgeryTest extends ForgeryTest {

  @Test
  void herAnswerCannotChangeWhoDecidesNorWhoCarriesTheIdea() {
    ProcessInstance incubation = scenario.incubated(scenario.submit(AGENT, ideaForm(true, "education")));
    Task agreement = scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME);
    Snapshot before = snapshot(null, incubation.getId());

    Http.Response response = as(MANAGER).postJson(REST + "/task/" + agreement.getId() + "/submit-form",
        formBody(with(restVariables(agreement("AGREE")),
            Incubation.LINE_MANAGER.name(), Forgery.text("karim"),
            Incubation.IDEATOR.name(), Forgery.text(MANAGER),
            Incubation.COACH.name(), Forgery.text(MANAGER))));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains("« lineManager »", "« ideator »", "« coach »", "Donner l'accord sur le temps alloué");
    Forgery.assertUnchanged(before, snapshot(null, incubation.getId()), "the manager's forged answer");
  }

  @Test
  void sheCannotEditTheAgreementAfterTheFact() {
    ProcessInstance incubation = scenario.incubated(scenario.submit(AGENT, ideaForm(true, "education")));
    Task agreement = scenario.task(incubation, TASK_AGREE_ON_WORKING_TIME);
    Snapshot before = snapshot(null, incubation.getId());

    Http.Response response = as(MANAGER).put(REST + "/task/" + agreement.getId() + "/localVariables/timeShare",
        "application/json", BodyPublishers.ofString("{\"value\":100,\"type\":\"Integer\"}"));

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.message()).contains("réservée aux administrateurs");
    Forgery.assertUnchanged(before, snapshot(null, incubation.getId()), "a time share written directly");
  }
}
