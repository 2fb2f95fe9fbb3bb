package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.CLARIFICATION_NOTES;
import static fr.construisons.idea.IdeaLifecycle.DIRECTORATE;
import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;
import static fr.construisons.idea.IdeaLifecycle.TAKE_UP_DECISION;
import static fr.construisons.idea.IdeaLifecycle.TAKE_UP_REASON;

import fr.construisons.idea.Decisions.TakeUpDecision;
import fr.construisons.notification.MailCatalogue;
import fr.construisons.notification.MailTemplate;
import fr.construisons.notification.MailTemplates;
import fr.construisons.notification.NotificationService;
import fr.construisons.organisation.ExpertGroups;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import fr.construisons.organisation.OrganisationDirectory.Directorate;
import fr.construisons.process.Texts;
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

/**
 * Who is told what about an idea: its mails are the templates of {@code mail/ideator/} (to its
 * author), {@code mail/team/} (to the innovation team), {@code mail/general-management/} (to
 * general management) and {@code mail/directorate/} (to a directorate's mailbox); recipients come
 * from the organisation, content from the idea. The send
 * tasks of idea-lifecycle name a mail and roles ({@link Recipient}); the stage changes tell the
 * author through {@link #stageChanged}, with the mail {@code STAGE_<stage>}. The incubation's
 * mails start from the same {@link #model} and addresses.
 */
@Service
public class IdeaMails implements MailCatalogue {

  /** Who a send task of idea-lifecycle may address. */
  public enum Recipient {
    IDEATOR,
    TEAM,
    /** The directorate that runs the scheme (organisation file: innovation-directorate). */
    INNOVATION_DIRECTORATE,
    /**
     * The members of {@code direction-generale}, who score the idea. One mail per idea reaching its
     * review, rather than a daily digest: a scheme receives a few ideas a week (the Isère's: about
     * one), so this is no flood; the mail leaves when the idea starts waiting, not up to a day
     * later; it is a send task of the model (retried, an incident in Cockpit when it cannot go);
     * and its subject names the idea's reference, so the mails of two ideas are told apart.
     */
    GENERAL_MANAGEMENT,
    /** The directorate of the current take-up (the multi-instance's {@code directorate}). */
    DIRECTORATE,
    /**
     * Whoever holds the task a deadline watches (its assignee, else its candidates): the reminder
     * at the end of a timer's path ({@link WatchedTask}).
     */
    TASK_HOLDERS
  }

  // The mails Java code picks itself (the models name theirs): the answer's model, and the send-task
  // beans of older model versions (IdeaMailsOfOlderModels).
  static final String NEW_IDEA = "NEW_IDEA";
  static final String CLARIFICATION_REMINDER = "CLARIFICATION_REMINDER";
  static final String CLARIFICATION_ESCALATION = "CLARIFICATION_ESCALATION";
  static final String IDEA_FORWARDED = "IDEA_FORWARDED";
  static final String TAKE_UP_REMINDER = "TAKE_UP_REMINDER";
  static final String DIRECTORATE_ANSWER = "DIRECTORATE_ANSWER";
  /** The reminder and escalation of any step (mail/deadlines/), about the task their timer watches. */
  static final Set<String> DEADLINE_MAILS = Set.of("STEP_REMINDER", "STEP_ESCALATION");

  private final NotificationService notifications;
  private final MailTemplates templates;
  private final IdeaService ideas;
  private final OrganisationDirectory organisation;
  private final String tasklistUrl;

  public IdeaMails(NotificationService notifications, MailTemplates templates, IdeaService ideas,
      OrganisationDirectory organisation, @Value("${construisons.base-url:http://localhost:8080}") String baseUrl) {
    this.notifications = notifications;
    this.templates = templates;
    this.ideas = ideas;
    this.organisation = organisation;
    this.tasklistUrl = baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/";
  }

  /** The mail that tells the author their idea moved to that stage: {@code mail/ideator/stage-<stage>.html}. */
  public static String forStage(IdeaStage stage) {
    return "STAGE_" + stage.name();
  }

  @Override
  public List<String> recipientRoles() {
    return java.util.Arrays.stream(Recipient.values()).map(Enum::name).toList();
  }

  @Override
  public List<String> folders() {
    return List.of("ideator", "team", "general-management", "directorate", "deadlines");
  }

  @Override
  public List<OutgoingMail> prepare(MailTemplate mail, List<String> recipientRoles, DelegateExecution execution) {
    Idea idea = ideas.get(IDEA_REFERENCE.required(execution));
    TakeUp takeUp = new TakeUp(DIRECTORATE.from(execution).orElse(null),
        TAKE_UP_DECISION.from(execution).map(TakeUpDecision::valueOf).orElse(null),
        TAKE_UP_REASON.from(execution).orElse(null));
    Optional<WatchedTask> watched = WatchedTask.of(execution);
    List<Recipient> recipients = recipientRoles.stream().map(Recipient::valueOf).toList();
    OutgoingMail composed = compose(mail, idea, takeUp, recipients.stream()
        .filter(r -> r != Recipient.TASK_HOLDERS).toList(), CLARIFICATION_NOTES.from(execution).orElse(null));
    if (watched.isEmpty()) {
      if (recipients.contains(Recipient.TASK_HOLDERS) || DEADLINE_MAILS.contains(mail.name())) {
        // The step was done between its timer and this mail: nobody to chase.
        return List.of();
      }
      return List.of(composed);
    }
    return List.of(withWatchedTask(composed, watched.get(), recipients.contains(Recipient.TASK_HOLDERS)));
  }

  /**
   * A deadline's mail: the step it watches in its model, and its holders among the recipients when
   * the model names them.
   */
  public OutgoingMail withWatchedTask(OutgoingMail mail, WatchedTask watched, boolean toHolders) {
    Map<String, Object> model = new HashMap<>(mail.model());
    watched.addTo(model);
    Set<String> to = new LinkedHashSet<>(mail.to());
    if (toHolders) {
      to.addAll(organisation.mailsOf(watched));
    }
    return new OutgoingMail(mail.template(), List.copyOf(to), mail.reference(), model);
  }

  /**
   * Where a mail stands in the directorates' take-up: the directorate of the current take-up, and
   * its answer once given; all null outside the take-up.
   */
  public record TakeUp(String directorate, TakeUpDecision decision, String reason) {
    public static final TakeUp NONE = new TakeUp(null, null, null);
  }

  /** One mail about an idea, addressed to the roles given. */
  public OutgoingMail compose(MailTemplate mail, Idea idea, TakeUp takeUp, List<Recipient> recipients) {
    return compose(mail, idea, takeUp, recipients, null);
  }

  /**
   * The same, with the team's notes of the last clarification call when there are some: what the
   * ideator is asked to rework, what general management reads before scoring.
   */
  public OutgoingMail compose(MailTemplate mail, Idea idea, TakeUp takeUp, List<Recipient> recipients,
      String clarificationNotes) {
    boolean answer = mail.name().equals(DIRECTORATE_ANSWER);
    Map<String, Object> model = model(idea, answer ? takeUp.reason() : null);
    model.put("clarificationNotes", Texts.isBlank(clarificationNotes) ? null : Texts.clean(clarificationNotes));
    if (takeUp.directorate() != null) {
      model.put("directorateName", directorate(takeUp.directorate()).name());
    }
    if (answer) {
      model.put("decisionLabel", java.util.Objects.requireNonNull(takeUp.decision(),
          "Variable 'takeUpDecision' is missing for " + mail.name()).label());
    }
    Set<String> to = new LinkedHashSet<>();
    for (Recipient recipient : recipients) {
      to.addAll(switch (recipient) {
        case IDEATOR -> ideatorMail(idea);
        case TEAM -> teamMails();
        case INNOVATION_DIRECTORATE -> List.of(organisation.innovationDirectorate().mailbox());
        case GENERAL_MANAGEMENT -> organisation.groupMails(OrganisationDirectory.GROUP_GENERAL_MANAGEMENT);
        case DIRECTORATE -> List.of(directorate(Optional.ofNullable(takeUp.directorate()).orElseThrow(() ->
            new IllegalStateException("No directorate in scope for " + mail.name()))).mailbox());
        case TASK_HOLDERS -> throw new IllegalArgumentException("TASK_HOLDERS are the watched task's: see prepare");
      });
    }
    return new OutgoingMail(mail, List.copyOf(to), idea.reference(), model);
  }

  /** Tells the ideator that the idea moved to a stage, with the reason when there is one. */
  public void stageChanged(Idea idea, IdeaStage stage, String reason, Map<String, Object> extra) {
    Map<String, Object> model = model(idea, reason);
    model.put("directorateNames", directorateNames(idea.impactedDirectorates()));
    model.putAll(extra);
    notifications.send(templates.get(forStage(stage)), ideatorMail(idea), idea.reference(), model);
  }

  /** The model every idea mail starts from: the idea, its ideator's name, stage, Tasklist link. */
  public Map<String, Object> model(Idea idea, String reason) {
    Map<String, Object> model = new HashMap<>();
    model.put("idea", idea);
    model.put("ideatorName", organisation.agent(idea.ideator()).map(Agent::displayName).orElse(idea.ideator()));
    model.put("stageLabel", idea.stage().label());
    model.put("tasklistUrl", tasklistUrl);
    model.put("reason", Texts.isBlank(reason) ? null : Texts.clean(reason));
    // The incubation's workstreams, for the mails that list them (one list: a new workstream
    // changes no mail).
    model.put("workstreamLabels", ExpertGroups.workstreamList());
    return model;
  }

  public List<String> ideatorMail(Idea idea) {
    return organisation.agent(idea.ideator())
        .map(Agent::email)
        .filter(mail -> mail != null && !mail.isBlank())
        .map(List::of)
        .orElse(List.of());
  }

  public List<String> teamMails() {
    return organisation.groupMails(OrganisationDirectory.GROUP_INNOVATION_TEAM);
  }

  private Directorate directorate(String code) {
    return organisation.directorate(code)
        .orElseThrow(() -> new IllegalStateException("Unknown directorate " + code));
  }

  private List<String> directorateNames(List<String> codes) {
    return codes.stream().map(organisation::directorateName).toList();
  }
}
