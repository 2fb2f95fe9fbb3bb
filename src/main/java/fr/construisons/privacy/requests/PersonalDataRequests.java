package fr.construisons.privacy.requests;

import static fr.construisons.privacy.requests.PersonalDataRequest.*;

import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import fr.construisons.privacy.AgentErasure;
import fr.construisons.privacy.PersonalDataLog;
import fr.construisons.privacy.PersonalDataLog.Action;
import fr.construisons.process.FormCheck;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the personal-data-request process does at each step; its listeners and delegates only call
 * these methods. The requester is always the authenticated agent who started the process: no
 * field of the form names a person, and a request naming somebody else is refused.
 */
@Service
class PersonalDataRequests {

  /** Labels of the start form's fields, as the page and Tasklist show them. */
  public static final String KIND_LABEL = "Votre demande";
  public static final String TEXT_LABEL = "Précisez votre demande";
  /** Labels of the team's form. */
  public static final String ANSWER_LABEL = "Décision";
  public static final String ANSWER_TEXT_LABEL = "Réponse à l'agent";

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));

  private final PersonalDataLog log;
  private final AgentErasure erasure;
  private final OrganisationDirectory organisation;

  public PersonalDataRequests(PersonalDataLog log, AgentErasure erasure, OrganisationDirectory organisation) {
    this.log = log;
    this.erasure = erasure;
    this.organisation = organisation;
  }

  /**
   * Start of the process: the form is valid, the requester is the authenticated agent (a variable
   * "requester" sent with the form cannot name somebody else), then the request is registered for
   * the team's task and logged. Refused requests start nothing.
   */
  public void register(DelegateExecution execution) {
    FormCheck check = FormCheck.of(execution);
    Optional<Kind> kind = check.choice(REQUEST_KIND, KIND_LABEL, Kind.class);
    check.requiredText(REQUEST_TEXT, TEXT_LABEL, TEXT_MIN, TEXT_MAX);
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String agent = authentication == null ? null : authentication.getUserId();
    String requester = REQUESTER.from(execution).orElse(null);
    check.rule(agent != null && agent.equals(requester),
        "une demande ne peut être faite que par l'agent connecté, pour ses propres données");
    check.orRefuse();

    // The form rules stored the request text back cleaned (see Texts).
    REQUESTED_ON.set(execution, DAY.format(ClockUtil.getCurrentTime().toInstant()));
    REQUESTER_NAME.set(execution, organisation.agent(agent).map(Agent::displayName).orElse(agent));
    REQUEST_KIND_LABEL.set(execution, kind.orElseThrow().label());
    if (kind.get() == Kind.ERASURE) {
      List<String> open = erasure.openIdeasOf(agent);
      OPEN_IDEAS_KEPT.set(execution, open.isEmpty() ? "aucune" : String.join(", ", open));
    }
    // The log says what happened, never the agent's words: the request's instance points to them.
    log.record(agent, agent, kind.get() == Kind.ERASURE ? Action.ERASURE_REQUESTED : Action.CORRECTION_REQUESTED,
        "demande " + execution.getProcessInstanceId());
  }

  /** Completion of the team's task: who completed it (Tasklist signs them in; else the assignee). */
  public void recordProcessor(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String processor = authentication != null && authentication.getUserId() != null
        ? authentication.getUserId() : task.getAssignee();
    if (processor != null) {
      PROCESSED_BY.set(task.getExecution(), processor);
    }
  }

  /** The team's form: a decision, an answer in words, and a known team member behind it. */
  public void checkAnswer(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(ANSWER, ANSWER_LABEL, Answer.class);
    check.requiredText(ANSWER_TEXT, ANSWER_TEXT_LABEL, TEXT_MIN, TEXT_MAX);
    check.rule(PROCESSED_BY.from(scope).isPresent(), "prenez la tâche (« Claim ») avant de la terminer");
    // On success the answer is stored back cleaned (see Texts).
    check.orRefuse();
  }

  /**
   * The team's answer in the log. An accepted erasure is logged by the erasure itself
   * (DATA_ERASED, with what was done), once it has happened.
   */
  public void logAnswer(DelegateExecution execution) {
    String agent = REQUESTER.required(execution);
    String processor = PROCESSED_BY.required(execution);
    Kind kind = Kind.valueOf(REQUEST_KIND.required(execution));
    String detail = "demande " + execution.getProcessInstanceId() + " (" + kind.label() + ")";
    if (Answer.valueOf(ANSWER.required(execution)) == Answer.REFUSED) {
      log.record(processor, agent, Action.REQUEST_REFUSED, detail);
    } else if (kind == Kind.CORRECTION) {
      log.record(processor, agent, Action.CORRECTION_ANSWERED, detail);
    }
  }

  /** Accepted erasure: runs in its own job, where no user is signed in (see AgentErasure). */
  public void erase(DelegateExecution execution) {
    AgentErasure.Report report = erasure.erase(REQUESTER.required(execution), PROCESSED_BY.required(execution));
    ERASURE_SUMMARY.set(execution, report.summary());
  }
}
