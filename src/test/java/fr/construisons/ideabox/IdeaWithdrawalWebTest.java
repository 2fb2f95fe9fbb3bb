package fr.construisons.ideabox;

import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * « Retirer mon idée » on the idea's page, over real HTTP: the author confirms with a reason and
 * the idea is withdrawn by the same process as from Tasklist (idea-withdrawal, its requester the
 * signed-in agent); nobody else sees it or gets through, a forged post changes nothing, an idea
 * already withdrawn cannot be withdrawn again.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class IdeaWithdrawalWebTest {

  private static final String REASON = "Un autre service porte déjà un projet équivalent.";

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired IdeaRepository catalogue;
  @Autowired HistoryService history;

  private String submitted() {
    return scenario.submit(AGENT, ideaForm(false, "dsi")).getBusinessKey();
  }

  private IdeaStage stage(String reference) {
    return catalogue.find(reference).orElseThrow().stage();
  }

  private long withdrawalsOf(String reference) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(IdeaClosure.WITHDRAWAL_PROCESS_KEY)
        .variableValueEquals(IdeaLifecycle.IDEA_REFERENCE.name(), reference).count();
  }

  @Test
  void theAuthorConfirmsWithAReasonAndTheIdeaIsWithdrawnByTheWithdrawalProcess() {
    String reference = submitted();
    Http camille = Http.signedIn(port, AGENT);

    Http.Response page = camille.get("/idees/" + reference);
    assertThat(page.body()).contains("id=\"lien-retrait\"", "/idees/" + reference + "/retrait");
    Http.Response confirmation = camille.getForm("/idees/" + reference + "/retrait");
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.body()).contains("Retirer mon idée", "Pourquoi retirez-vous votre idée ?",
        "Confirmer le retrait de mon idée");
    assertThat(stage(reference)).as("nothing happens before the confirmation").isEqualTo(IdeaStage.CLARIFICATION);

    Http.Response done = camille.post("/idees/" + reference + "/retrait", Map.of("motif", REASON));
    scenario.runJobs();

    assertThat(done.status()).as(done.toString()).isEqualTo(302);
    assertThat(done.location()).endsWith("/idees/" + reference);
    assertThat(camille.get(done.location()).body())
        .contains("Votre idée " + reference + " est retirée : son instruction s&#39;arrête.")
        .doesNotContain("id=\"lien-retrait\"");
    assertThat(stage(reference)).isEqualTo(IdeaStage.WITHDRAWN);
    HistoricProcessInstance withdrawal = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(IdeaClosure.WITHDRAWAL_PROCESS_KEY)
        .variableValueEquals(IdeaLifecycle.IDEA_REFERENCE.name(), reference).singleResult();
    assertThat(withdrawal.getStartUserId()).isEqualTo(AGENT);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(withdrawal.getId())
        .variableName(IdeaLifecycle.WITHDRAWAL_REASON.name()).singleResult().getValue()).isEqualTo(REASON);
  }

  @Test
  void aReasonTooShortComesBackInFrenchWithTheTextKept() {
    String reference = submitted();
    Http camille = Http.signedIn(port, AGENT);
    camille.getForm("/idees/" + reference + "/retrait");

    Http.Response refused = camille.post("/idees/" + reference + "/retrait", Map.of("motif", "Bof"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Votre idée n'a pas été retirée",
        "Le champ « Pourquoi retirez-vous votre idée ? » doit contenir au moins 10 caractères.", ">Bof</textarea>");
    assertThat(stage(reference)).isEqualTo(IdeaStage.CLARIFICATION);
    assertThat(withdrawalsOf(reference)).isZero();
  }

  @Test
  void anotherAgentNeverSeesItAndIsRefused() {
    String reference = submitted();
    Http karim = Http.signedIn(port, "karim");

    assertThat(karim.get("/idees/" + reference).body()).doesNotContain("lien-retrait", "/retrait");
    assertThat(karim.get("/idees/" + reference + "/retrait").status()).isEqualTo(403);
    // His own page's CSRF token is valid: only the authorship stops him.
    Http.Response forged = karim.post("/idees/" + reference + "/retrait", Map.of("motif", REASON));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(stage(reference)).isEqualTo(IdeaStage.CLARIFICATION);
    assertThat(withdrawalsOf(reference)).isZero();
  }

  @Test
  void aPostWithoutTheFormsCsrfTokenOrAnonymousChangesNothing() {
    String reference = submitted();
    Http camille = Http.signedIn(port, AGENT);

    Http.Response withoutToken = camille.postRaw("/idees/" + reference + "/retrait", Map.of("motif", REASON));
    Http.Response forgedToken = camille.postRaw("/idees/" + reference + "/retrait",
        Map.of("motif", REASON, "_csrf", "jeton-contrefait"));
    Http.Response anonymous = Http.browser(port).postRaw("/idees/" + reference + "/retrait", Map.of("motif", REASON));

    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(forgedToken.status()).isEqualTo(403);
    assertThat(anonymous.status()).isIn(302, 403);
    assertThat(stage(reference)).isEqualTo(IdeaStage.CLARIFICATION);
    assertThat(withdrawalsOf(reference)).isZero();
  }

  @Test
  void anIdeaAlreadyWithdrawnCannotBeWithdrawnAgain() {
    String reference = submitted();
    Http camille = Http.signedIn(port, AGENT);
    camille.getForm("/idees/" + reference + "/retrait");
    camille.post("/idees/" + reference + "/retrait", Map.of("motif", REASON));
    scenario.runJobs();

    Http.Response confirmation = camille.get("/idees/" + reference + "/retrait");
    Http.Response again = camille.post("/idees/" + reference + "/retrait", Map.of("motif", REASON));

    assertThat(confirmation.status()).as("back to the idea's page").isEqualTo(302);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("L&#39;idée " + reference + " est déjà close (Retirée par l&#39;agent).");
    assertThat(withdrawalsOf(reference)).isEqualTo(1);
  }
}
