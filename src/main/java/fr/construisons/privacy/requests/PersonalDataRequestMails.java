package fr.construisons.privacy.requests;

import static fr.construisons.privacy.requests.PersonalDataRequest.*;

import fr.construisons.notification.MailCatalogue;
import fr.construisons.notification.MailTemplate;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import fr.construisons.privacy.requests.PersonalDataRequest.Answer;
import fr.construisons.privacy.requests.PersonalDataRequest.Kind;
import fr.construisons.process.WatchedTask;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The answer to a personal-data request, mailed to the agent who made it (« Répondre à l'agent »). */
@Service
class PersonalDataRequestMails implements MailCatalogue {

  /**
   * The answer ({@code mail/privacy/personal-data-request-answered.html}), named here for the
   * send-task bean of older model versions; its subject carries the request's date, never user text.
   */
  static final String PERSONAL_DATA_REQUEST_ANSWERED = "PERSONAL_DATA_REQUEST_ANSWERED";

  /** The only person this process writes to. */
  enum Recipient {
    REQUESTER,
    /** The innovation team, which answers the requests. */
    TEAM,
    /** The directorate that runs the scheme: where a request about to miss the RGPD's month goes. */
    INNOVATION_DIRECTORATE,
    /** Whoever holds the request's task (its assignee, else the team): its reminder. */
    TASK_HOLDERS
  }

  /** The reminder and escalation of the request's task, before the RGPD's month runs out. */
  static final Set<String> DEADLINE_MAILS = Set.of("PERSONAL_DATA_REQUEST_REMINDER", "PERSONAL_DATA_REQUEST_ESCALATION");

  private final OrganisationDirectory organisation;
  private final String tasklistUrl;

  PersonalDataRequestMails(OrganisationDirectory organisation,
      @Value("${construisons.base-url:http://localhost:8080}") String baseUrl) {
    this.organisation = organisation;
    this.tasklistUrl = baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/";
  }

  @Override
  public List<String> recipientRoles() {
    return java.util.Arrays.stream(Recipient.values()).map(Enum::name).toList();
  }

  @Override
  public List<String> folders() {
    return List.of("privacy");
  }

  @Override
  public List<OutgoingMail> prepare(MailTemplate mail, List<String> recipientRoles, DelegateExecution execution) {
    String agent = REQUESTER.required(execution);
    if (DEADLINE_MAILS.contains(mail.name())) {
      return deadline(mail, recipientRoles, execution);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("requesterName", REQUESTER_NAME.from(execution).orElse(null));
    model.put("requestedOn", REQUESTED_ON.required(execution));
    model.put("kindLabel", Kind.valueOf(REQUEST_KIND.required(execution)).label());
    model.put("kindAfterDemande", Kind.valueOf(REQUEST_KIND.required(execution)).afterDemande());
    model.put("accepted", Answer.valueOf(ANSWER.required(execution)) == Answer.ACCEPTED);
    model.put("answerText", ANSWER_TEXT.required(execution));
    model.put("erasureSummary", ERASURE_SUMMARY.from(execution).orElse(null));
    model.put("tasklistUrl", tasklistUrl);
    List<String> to = organisation.agent(agent).map(Agent::email).filter(m -> m != null && !m.isBlank()).map(List::of)
        .orElse(List.of());
    return List.of(new OutgoingMail(mail, to, REQUESTED_ON.required(execution), model));
  }

  /**
   * A reminder or escalation of the request's task: which request (its kind and date, never its
   * text) and since when, to the roles named; nothing once the request was answered.
   */
  private List<OutgoingMail> deadline(MailTemplate mail, List<String> recipientRoles, DelegateExecution execution) {
    Optional<WatchedTask> watched = WatchedTask.of(execution);
    if (watched.isEmpty()) {
      return List.of();
    }
    Map<String, Object> model = new HashMap<>();
    watched.get().addTo(model);
    model.put("requestedOn", REQUESTED_ON.required(execution));
    model.put("kindAfterDemande", Kind.valueOf(REQUEST_KIND.required(execution)).afterDemande());
    model.put("tasklistUrl", tasklistUrl);
    Set<String> to = new LinkedHashSet<>();
    for (Recipient recipient : recipientRoles.stream().map(Recipient::valueOf).toList()) {
      to.addAll(switch (recipient) {
        case TASK_HOLDERS -> organisation.mailsOf(watched.get());
        case TEAM -> organisation.groupMails(OrganisationDirectory.GROUP_INNOVATION_TEAM);
        case INNOVATION_DIRECTORATE -> List.of(organisation.innovationDirectorate().mailbox());
        case REQUESTER -> throw new IllegalArgumentException("the requester is not told of the deadlines");
      });
    }
    return List.of(new OutgoingMail(mail, List.copyOf(to), REQUESTED_ON.required(execution), model));
  }
}
