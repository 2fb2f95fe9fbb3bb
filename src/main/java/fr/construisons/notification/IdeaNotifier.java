package fr.construisons.notification;

import fr.construisons.idea.Decisions.TakeUpDecision;
import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaStage;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import fr.construisons.organisation.OrganisationDirectory.Directorate;
import fr.construisons.process.Texts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Who is told what about an idea: recipients from the organisation, content from the idea. */
@Service
public class IdeaNotifier {

  private final NotificationService notifications;
  private final OrganisationDirectory organisation;
  private final String tasklistUrl;

  public IdeaNotifier(NotificationService notifications, OrganisationDirectory organisation,
      @Value("${construisons.base-url:http://localhost:8080}") String baseUrl) {
    this.notifications = notifications;
    this.organisation = organisation;
    this.tasklistUrl = baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/";
  }

  /** Tells the ideator that the idea moved to a stage, with the reason when there is one. */
  public void stageChanged(Idea idea, IdeaStage stage, String reason, Map<String, Object> extra) {
    Map<String, Object> model = model(idea, reason);
    model.put("directorateNames", directorateNames(idea.impactedDirectorates()));
    model.putAll(extra);
    notifications.send(MailTemplate.forStage(stage), ideatorMail(idea), idea.reference(), model);
  }

  public void newIdeaToTeam(Idea idea) {
    notifications.send(MailTemplate.NEW_IDEA, teamMails(), idea.reference(), model(idea, null));
  }

  public void clarificationReminder(Idea idea, int workingDays) {
    Map<String, Object> model = model(idea, null);
    model.put("workingDays", workingDays);
    notifications.send(MailTemplate.CLARIFICATION_REMINDER, teamMails(), idea.reference(), model);
  }

  /** Escalated to the team and to the directorate that runs the scheme. */
  public void clarificationEscalation(Idea idea, int workingDays) {
    Map<String, Object> model = model(idea, null);
    model.put("workingDays", workingDays);
    List<String> recipients = new java.util.ArrayList<>(teamMails());
    recipients.add(organisation.innovationDirectorate().mailbox());
    notifications.send(MailTemplate.CLARIFICATION_ESCALATION, recipients, idea.reference(), model);
  }

  public void forwardedToDirectorate(Idea idea, String directorateCode) {
    Directorate directorate = directorate(directorateCode);
    Map<String, Object> model = model(idea, null);
    model.put("directorateName", directorate.name());
    notifications.send(MailTemplate.IDEA_FORWARDED, List.of(directorate.mailbox()), idea.reference(), model);
  }

  public void takeUpReminder(Idea idea, String directorateCode, int workingDays) {
    Directorate directorate = directorate(directorateCode);
    Map<String, Object> model = model(idea, null);
    model.put("directorateName", directorate.name());
    model.put("workingDays", workingDays);
    notifications.send(MailTemplate.TAKE_UP_REMINDER, List.of(directorate.mailbox()), idea.reference(), model);
  }

  public void directorateAnswered(Idea idea, String directorateCode, TakeUpDecision decision, String reason) {
    Map<String, Object> model = model(idea, reason);
    model.put("directorateName", directorate(directorateCode).name());
    model.put("decisionLabel", decision.label());
    notifications.send(MailTemplate.DIRECTORATE_ANSWER, ideatorMail(idea), idea.reference(), model);
  }

  /** The model every idea mail starts from: the idea, its ideator's name, stage, Tasklist link. */
  public Map<String, Object> model(Idea idea, String reason) {
    Map<String, Object> model = new HashMap<>();
    model.put("idea", idea);
    model.put("ideatorName", organisation.agent(idea.ideator()).map(Agent::displayName).orElse(idea.ideator()));
    model.put("stageLabel", idea.stage().label());
    model.put("tasklistUrl", tasklistUrl);
    model.put("reason", Texts.isBlank(reason) ? null : Texts.clean(reason));
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
