package fr.construisons.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Instances started on the model versions before {@code sendMailDelegate} (idea-lifecycle 1.0.0,
 * incubation 1.1.0, personal-data-request 1.0.0) still call the send-task beans of their time:
 * each of those names still sends its mail to the same people. A model that calls the old bean
 * name, as the old send task did, with the variables that task had in scope.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
class MailsOfOlderModelsTest {

  @Autowired ProcessEngine engine;
  @Autowired IdeaScenario scenario;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      notifyTeamOfNewIdeaDelegate        | lea.durand@departement.example          | Nouvelle idée %s à clarifier
      remindTeamOfClarificationDelegate  | lea.durand@departement.example          | Relance : appel de clarification de l'idée %s
      escalateClarificationDelegate      | lea.durand@departement.example+dpm@departement.example | Retard signalé : l'idée %s attend toujours son appel de clarification
      forwardIdeaToDirectorateDelegate   | direction.mobilites@departement.example | Idée %s transmise à votre direction
      remindDirectorateDelegate          | direction.mobilites@departement.example | Relance : l'idée %s attend la réponse de votre direction
      tellIdeatorOfAnswerDelegate        | camille.martin@departement.example      | Direction des mobilités : réponse sur votre idée %s
      notifyIncubationDelegate           | sophie.petit@departement.example        | Votre accord est demandé : temps alloué à l'idée %s
      answerRequesterDelegate            | camille.martin@departement.example      | Réponse à votre demande du %s sur vos données personnelles
      """)
  void theSendTaskBeansOfOlderVersionsStillSendTheirMail(String bean, String recipient, String subject) {
    String reference = scenario.reference(scenario.submit(IdeaScenario.AGENT, IdeaScenario.ideaForm(false, "mobilites")));
    MailServer.purge();
    Map<String, Object> scope = new HashMap<>();
    scope.put("ideaReference", reference);
    // What the old send tasks had in scope: the take-up's directorate and answer, the incubation's
    // manager and its inputs, the personal-data request.
    scope.put("directorate", "mobilites");
    scope.put("takeUpDecision", "TAKES_UP");
    scope.put("takeUpReason", "Nous l'intégrons au plan mobilité 2027.");
    scope.put("lineManager", IdeaScenario.MANAGER);
    scope.put("requester", IdeaScenario.AGENT);
    scope.put("requestedOn", "03/12/2026");
    scope.put("requestKind", "CORRECTION");
    scope.put("requestAnswer", "ACCEPTED");
    scope.put("answerText", "Votre nom est corrigé.");

    ServiceTaskBuilder task = Bpmn.createExecutableProcess("older-" + bean).camundaHistoryTimeToLive(1)
        .startEvent().serviceTask().camundaDelegateExpression("${" + bean + "}");
    if (bean.equals("notifyIncubationDelegate")) {
      task = task.camundaInputParameter("mailTemplate", "MANAGER_REQUEST").camundaInputParameter("recipients", "MANAGER");
    }
    BpmnModelInstance model = task.endEvent().done();
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("older-" + bean + ".bpmn", model).deploy();
    try {
      engine.getRuntimeService().startProcessInstanceByKey("older-" + bean, scope);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    // One mail, to exactly the people the old send task wrote to (the test server keeps one copy
    // per recipient's mailbox).
    String[] recipients = recipient.split("\\+");
    List<MimeMessage> mails = MailServer.received();
    assertThat(mails).as("mails of %s", bean).hasSize(recipients.length);
    for (MimeMessage mail : mails) {
      assertThat(MailServer.recipients(mail)).as("recipients of %s", bean).containsExactlyInAnyOrder(recipients);
    }
    String shownReference = bean.equals("answerRequesterDelegate") ? "03/12/2026" : reference;
    assertThat(MailServer.subject(mails.get(0))).isEqualTo("[Construisons!] " + subject.formatted(shownReference));
  }
}
