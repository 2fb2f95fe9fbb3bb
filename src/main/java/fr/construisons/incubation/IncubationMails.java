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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * tasks of incubation.bpmn. Recipients are named by role in the model
 * ({@code IDEATOR}, {@code MANAGER}, {@code TEAM}, {@code COACH}, {@code PROJECT_TEAM},
 * {@code SPONSOR}); the content comes from the incubation's variables.
 */
@Service
class IncubationMails implements MailCatalogue {

  public enum Recipient { IDEATOR, MANAGER, TEAM, COACH, PROJECT_TEAM, SPONSOR }

  /** A member of the project team as the mails present them. */
  public record TeamMember(String role, String name) {}

  /** The one mail whose model this class picks by name: the decision states its reason. */
  static final String IMPLEMENTATION_DECISION_MAIL = "IMPLEMENTATION_DECISION";

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

  private final IdeaMails ideaMails;
  private final IdeaService ideas;
  private final OrganisationDirectory organisation;
  private final IncubationCalendar calendar;

  public IncubationMails(IdeaMails ideaMails, IdeaService ideas, OrganisationDirectory organisation,
      IncubationCalendar calendar) {
    this.ideaMails = ideaMails;
    this.ideas = ideas;
    this.organisation = organisation;
    this.calendar = calendar;
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
      case PROJECT_TEAM -> throw new IllegalArgumentException("sent one by one");
    };
  }

  private Map<String, Object> model(MailTemplate template, Idea idea, VariableScope scope) {
    String reason = template.name().equals(IMPLEMENTATION_DECISION_MAIL)
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
