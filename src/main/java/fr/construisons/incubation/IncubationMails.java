package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.*;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaService;
import fr.construisons.idea.IdeaMails;
import fr.construisons.incubation.IncubationDecisions.ImplementationDecision;
import fr.construisons.notification.MailCatalogue;
import fr.construisons.notification.MailTemplate;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import fr.construisons.process.WatchedTask;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * Who is told what during an incubation (the templates of {@code mail/incubation/}), for the send
 * tasks of incubation.bpmn. Recipients are named by role in the model ({@link Recipient}); the
 * content comes from the incubation's variables.
 */
@Service
class IncubationMails implements MailCatalogue {

  public enum Recipient {
    IDEATOR, MANAGER, TEAM, COACH,
    /** Every member of the project team, one mail each telling their own role. */
    PROJECT_TEAM,
    SPONSOR,
    /** The expert of the workstream of this branch of the workstreams' multi-instance. */
    EXPERT,
    /** The experts of the workstreams a pivot re-opens, one mail each naming their workstream. */
    REOPENED_EXPERTS,
    /** General management (the committee's group), but the intrapreneur if she belongs to it. */
    GENERAL_MANAGEMENT,
    /** The directorate that runs the scheme: where the team's own late steps are escalated. */
    INNOVATION_DIRECTORATE,
    /** Whoever holds the task a deadline watches (its assignee, else its candidates). */
    TASK_HOLDERS
  }

  /** A workstream's latest review, as the intrapreneur reads it. */
  public record ReviewLine(String workstream, String conclusion, String comment) {}

  /** A member of the project team as the mails present them. */
  public record TeamMember(String role, String name) {}

  /** The mails whose model this class picks by name: the decision's, which state its reason. */
  static final Set<String> MAILS_WITH_THE_DECISION_REASON =
      Set.of("IMPLEMENTATION_DECISION", "INCUBATION_PIVOTED", "WORKSTREAM_REOPENED");
  /** The mail that lists the experts' conclusions to the intrapreneur (read from the table). */
  static final String REVIEWS_DONE_MAIL = "REVIEWS_DONE";
  /** The reminder and escalation of any incubation step, about the task their timer watches. */
  static final Set<String> DEADLINE_MAILS = Set.of("INCUBATION_STEP_REMINDER", "INCUBATION_STEP_ESCALATION");
  /** The label of « Mener le volet » in the model, which WorkstreamTaskName completes. */
  static final String CARRY_TASK_LABEL = "Mener le volet";

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

  private final IdeaMails ideaMails;
  private final IdeaService ideas;
  private final OrganisationDirectory organisation;
  private final IncubationCalendar calendar;
  private final IncubationTeam incubationTeam;
  private final WorkstreamReviewRepository reviews;

  public IncubationMails(IdeaMails ideaMails, IdeaService ideas, OrganisationDirectory organisation,
      IncubationCalendar calendar, IncubationTeam incubationTeam, WorkstreamReviewRepository reviews) {
    this.ideaMails = ideaMails;
    this.ideas = ideas;
    this.organisation = organisation;
    this.calendar = calendar;
    this.incubationTeam = incubationTeam;
    this.reviews = reviews;
  }

  @Override
  public List<String> recipientRoles() {
    return java.util.Arrays.stream(Recipient.values()).map(Enum::name).toList();
  }

  @Override
  public List<String> folders() {
    return List.of("incubation");
  }

  @Override
  public List<OutgoingMail> prepare(MailTemplate template, List<String> recipientRoles, DelegateExecution scope) {
    Idea idea = ideas.get(IDEA_REFERENCE.required(scope));
    Map<String, Object> model = model(template, idea, scope);
    Optional<WatchedTask> watched = WatchedTask.of(scope);
    if (watched.isEmpty() && (recipientRoles.contains(Recipient.TASK_HOLDERS.name())
        || DEADLINE_MAILS.contains(template.name()))) {
      // The step was done between its timer and this mail: nobody to chase.
      return List.of();
    }
    watched.ifPresent(task -> task.addTo(model));
    List<OutgoingMail> mails = new ArrayList<>();
    Set<String> addresses = new LinkedHashSet<>();
    for (Recipient recipient : recipientRoles.stream().map(Recipient::valueOf).toList()) {
      if (recipient == Recipient.PROJECT_TEAM) {
        // Each member is told their own role: one mail each.
        for (Map.Entry<String, String> member : projectTeamRoles(scope).entrySet()) {
          mailOf(member.getKey()).ifPresent(mail -> {
            Map<String, Object> personal = new java.util.HashMap<>(model);
            personal.put("workstreamLabel", member.getValue());
            mails.add(new OutgoingMail(template, List.of(mail), idea.reference(), personal));
          });
        }
      } else if (recipient == Recipient.REOPENED_EXPERTS) {
        // Each expert is told which of their workstreams re-opens: one mail each.
        for (Map.Entry<String, List<String>> expert : reopenedExperts(scope).entrySet()) {
          mailOf(expert.getKey()).ifPresent(mail -> {
            Map<String, Object> personal = new java.util.HashMap<>(model);
            personal.put("workstreamName", String.join(" et ", expert.getValue()));
            mails.add(new OutgoingMail(template, List.of(mail), idea.reference(), personal));
          });
        }
      } else if (recipient == Recipient.TASK_HOLDERS) {
        addresses.addAll(organisation.mailsOf(watched.orElseThrow()));
      } else {
        addresses.addAll(addresses(recipient, idea, scope));
      }
    }
    if (!addresses.isEmpty()) {
      mails.add(new OutgoingMail(template, List.copyOf(addresses), idea.reference(), model));
    }
    return mails;
  }

  private List<String> addresses(Recipient recipient, Idea idea, VariableScope scope) {
    return switch (recipient) {
      case IDEATOR -> ideaMails.ideatorMail(idea);
      case MANAGER -> LINE_MANAGER.from(scope).flatMap(this::mailOf).map(List::of).orElse(List.of());
      case TEAM -> ideaMails.teamMails();
      case COACH -> COACH.from(scope).flatMap(this::mailOf).map(List::of).orElse(List.of());
      case SPONSOR -> SPONSOR_DIRECTORATE.from(scope).flatMap(organisation::directorate)
          .map(d -> List.of(d.mailbox())).orElse(List.of());
      case EXPERT -> mailOf(incubationTeam.expertOf(scope)).map(List::of).orElse(List.of());
      case GENERAL_MANAGEMENT -> {
        // Never the intrapreneur: she does not decide on her own incubation.
        List<String> own = ideaMails.ideatorMail(idea);
        yield organisation.groupMails(OrganisationDirectory.GROUP_GENERAL_MANAGEMENT).stream()
            .filter(mail -> own.stream().noneMatch(mail::equalsIgnoreCase)).toList();
      }
      case INNOVATION_DIRECTORATE -> List.of(organisation.innovationDirectorate().mailbox());
      case PROJECT_TEAM, REOPENED_EXPERTS -> throw new IllegalArgumentException("sent one by one");
      case TASK_HOLDERS -> throw new IllegalArgumentException("the watched task's: see prepare");
    };
  }

  private Map<String, Object> model(MailTemplate template, Idea idea, VariableScope scope) {
    String reason = MAILS_WITH_THE_DECISION_REASON.contains(template.name())
        ? DECISION_REASON.from(scope).orElse(null) : null;
    Map<String, Object> model = ideaMails.model(idea, reason);
    model.put("managerName", LINE_MANAGER.from(scope).flatMap(organisation::agent).map(Agent::displayName).orElse(null));
    model.put("agreement", AgreementTerms.from(scope));
    model.put("mediationNote", MEDIATION_NOTE.from(scope).orElse(null));
    model.put("team", team(scope));
    model.put("milestones", MILESTONES.from(scope).orElse(null));
    if (START_DATE.from(scope).isPresent() && DURATION_MONTHS.from(scope).isPresent()) {
      model.put("timeboxEndLabel", FRENCH_DATE.format(calendar.endDate(scope)));
    }
    IMPLEMENTATION_DECISION.from(scope).map(ImplementationDecision::valueOf).ifPresent(decision -> {
      model.put("decisionLabel", decision.label());
      if (decision == ImplementationDecision.PIVOT) {
        model.put("pivotLabels", IncubationWorkstreams.PIVOT_WORKSTREAMS.required(scope).stream()
            .map(code -> "volet " + Workstream.valueOf(code).label()).toList());
      }
    });
    model.put("directorateName", SPONSOR_DIRECTORATE.from(scope).flatMap(organisation::directorate)
        .map(OrganisationDirectory.Directorate::name).orElse(null));
    model.put("workstreamReport", WORKSTREAM_REPORT.from(scope).orElse(null));
    // Inside a workstream's branch: which workstream (« juridique »).
    WORKSTREAM.from(scope).map(code -> Workstream.valueOf(code).label()).ifPresent(label -> model.put("workstreamName", label));
    // The intrapreneur's tasks, named as Tasklist names them.
    model.put("intrapreneurTasks", Arrays.stream(Workstream.values())
        .map(w -> WorkstreamTaskName.taskName(CARRY_TASK_LABEL, w.label())).toList());
    if (template.name().equals(REVIEWS_DONE_MAIL)) {
      model.put("reviews", reviews.latest(idea.reference()).stream()
          .map(r -> new ReviewLine(r.workstream().label(), r.conclusion().label(), r.expertComment())).toList());
    }
    model.put("implementationReport", IMPLEMENTATION_REPORT.from(scope).orElse(null));
    return model;
  }

  /** Members of the project team by user id, with the role each is told. */
  private Map<String, String> projectTeamRoles(VariableScope scope) {
    Map<String, String> roles = new java.util.LinkedHashMap<>();
    COACH.from(scope).ifPresent(coach -> roles.put(coach, "le coaching de l'incubation"));
    for (Workstream workstream : Workstream.values()) {
      workstream.expertVariable().from(scope).ifPresent(expert ->
          roles.merge(expert, "l'expertise du volet " + workstream.label(), (a, b) -> a + " et " + b));
    }
    return roles;
  }

  /** The experts of the workstreams a pivot re-opens, by user id, with their workstreams' labels. */
  private Map<String, List<String>> reopenedExperts(VariableScope scope) {
    Map<String, List<String>> experts = new java.util.LinkedHashMap<>();
    for (String code : IncubationWorkstreams.PIVOT_WORKSTREAMS.required(scope)) {
      Workstream workstream = Workstream.valueOf(code);
      workstream.expertVariable().from(scope).ifPresent(expert ->
          experts.computeIfAbsent(expert, k -> new ArrayList<>()).add(workstream.label()));
    }
    return experts;
  }

  private List<TeamMember> team(VariableScope scope) {
    List<TeamMember> team = new ArrayList<>();
    COACH.from(scope).ifPresent(coach -> team.add(new TeamMember("Coach", nameOf(coach))));
    for (Workstream workstream : Workstream.values()) {
      workstream.expertVariable().from(scope).ifPresent(expert ->
          team.add(new TeamMember("Expert du volet " + workstream.label(), nameOf(expert))));
    }
    return team.isEmpty() ? null : team;
  }

  private String nameOf(String userId) {
    return organisation.agent(userId).map(Agent::displayName).orElse(userId);
  }

  private Optional<String> mailOf(String userId) {
    return organisation.agent(userId).map(Agent::email).filter(mail -> mail != null && !mail.isBlank());
  }
}
