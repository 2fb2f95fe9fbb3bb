package fr.construisons.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.privacy.PersonalDataLog.Action;
import fr.construisons.privacy.requests.PersonalDataRequest;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.ProcessTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * « Demander une rectification ou l'effacement de mes données » on « Mes données », over real HTTP:
 * the request starts personal-data-request for the signed-in agent and nobody else, a refused form
 * comes back with French errors and the agent's text, and the form cannot be posted from elsewhere.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class PersonalDataRequestWebTest {

  private static final String FORM = "/mes-donnees";
  private static final String POST = "/mes-donnees/demande";
  private static final String TEXT = "Ma direction est fausse : je suis à la DSI depuis janvier, <b>pas</b> à l'éducation.";

  @LocalServerPort int port;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired PersonalDataLog log;

  private List<HistoricProcessInstance> requestsOf(String agent) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PersonalDataRequest.PROCESS_KEY)
        .startedBy(agent).orderByProcessInstanceStartTime().asc().list();
  }

  private long requestCount() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PersonalDataRequest.PROCESS_KEY).count();
  }

  @Test
  void anAgentAsksForACorrectionAndSeesItOnThePage() {
    int before = requestsOf("camille").size();
    Http camille = Http.signedIn(port, "camille");
    String form = camille.getForm(FORM).body();
    assertThat(form).contains("Demander une rectification ou l'effacement de mes données", "<legend>Votre demande</legend>",
        "<label for=\"text\">Précisez votre demande</label>", "aria-describedby=\"text-hint\"");

    Http.Response sent = camille.post(POST, Map.of("kind", "CORRECTION", "text", TEXT));

    assertThat(sent.status()).as(sent.toString()).isEqualTo(302);
    assertThat(sent.location()).endsWith("/mes-donnees#mes-demandes");
    List<HistoricProcessInstance> requests = requestsOf("camille");
    assertThat(requests).hasSize(before + 1);
    String id = requests.get(requests.size() - 1).getId();
    assertThat(runtime.getVariable(id, PersonalDataRequest.REQUESTER.name())).isEqualTo("camille");
    assertThat(runtime.getVariable(id, PersonalDataRequest.REQUEST_TEXT.name())).isEqualTo(TEXT);
    assertThat(log.of("camille").get(log.of("camille").size() - 1).action()).isEqualTo(Action.CORRECTION_REQUESTED);

    String page = camille.get(FORM).body();
    assertThat(page).contains("role=\"status\"", "Votre demande de rectification du ",
        "a bien été transmise à l&#39;équipe Construisons!", "Mes demandes", "en cours de traitement");
    // The confirmation is shown once (flash), not on the next visit.
    assertThat(camille.get(FORM).body()).doesNotContain("a bien été transmise");
  }

  @Test
  void aRefusedRequestComesBackWithFrenchErrorsAndTheTextKept() {
    long before = requestCount();
    Http camille = Http.signedIn(port, "camille");
    camille.getForm(FORM);

    Http.Response refused = camille.post(POST, Map.of("text", "Court <i>"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("<title>Erreur : Mes données — Construisons!</title>",
        "Le formulaire contient 2 erreurs",
        "<a href=\"#kind-CORRECTION\">Le champ « Votre demande » est obligatoire.</a>",
        "Le champ « Précisez votre demande » doit contenir au moins 10 caractères.",
        // the text is kept, escaped, and the fields say they are wrong
        ">Court &lt;i&gt;</textarea>", "aria-invalid=\"true\"", "aria-describedby=\"text-hint text-error\"");
    assertThat(requestCount()).isEqualTo(before);
  }

  @Test
  void theFormCannotBePostedWithoutItsCsrfTokenNorAnonymously() {
    long before = requestCount();
    Http camille = Http.signedIn(port, "camille");
    camille.getForm(FORM);
    Http.Response forged = camille.postRaw(POST, Map.of("kind", "ERASURE", "text", "Effacez tout, demandé par un autre site."));
    assertThat(forged.status()).isEqualTo(403);

    Http anonymous = Http.browser(port);
    anonymous.get("/connexion");
    Http.Response notSignedIn = anonymous.post(POST, Map.of("kind", "ERASURE", "text", "Effacez les données de Camille."));
    assertThat(notSignedIn.status()).isEqualTo(302);
    assertThat(notSignedIn.location()).contains("/connexion");
    assertThat(requestCount()).isEqualTo(before);
  }

  @Test
  void aPostNamingAnotherAgentMakesARequestForTheSignedInAgentOnly() {
    int karimsRequests = requestsOf("karim").size();
    int karimsEntries = log.of("karim").size();
    int camillesRequests = requestsOf("camille").size();
    Http camille = Http.signedIn(port, "camille");
    camille.getForm(FORM);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("kind", "ERASURE");
    fields.put("text", "Effacez les données de Karim Roux, s'il vous plaît.");
    fields.put("requester", "karim");
    fields.put("agent", "karim");
    fields.put("utilisateur", "karim");

    Http.Response sent = camille.post(POST, fields);

    assertThat(sent.status()).isEqualTo(302);
    assertThat(camille.get(FORM).body()).contains("Votre demande d&#39;effacement du ");
    List<HistoricProcessInstance> camilles = requestsOf("camille");
    assertThat(camilles).hasSize(camillesRequests + 1);
    assertThat(runtime.getVariable(camilles.get(camilles.size() - 1).getId(), PersonalDataRequest.REQUESTER.name()))
        .isEqualTo("camille");
    assertThat(requestsOf("karim")).hasSize(karimsRequests);
    assertThat(log.of("karim")).hasSize(karimsEntries);
    // Karim's page lists none of Camille's requests.
    assertThat(Http.signedIn(port, "karim").get(FORM).body()).doesNotContain("en cours de traitement");
  }
}
