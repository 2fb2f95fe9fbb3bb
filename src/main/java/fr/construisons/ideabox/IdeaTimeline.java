package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.DUPLICATE_OF;
import static fr.construisons.idea.IdeaLifecycle.EXPERIMENT_CONCLUSION;
import static fr.construisons.idea.IdeaLifecycle.EXPERIMENT_DECISION;
import static fr.construisons.idea.IdeaLifecycle.ORIENTATION;
import static fr.construisons.idea.IdeaLifecycle.STUDY_CONCLUSION;
import static fr.construisons.idea.IdeaLifecycle.STUDY_OUTCOME;
import static fr.construisons.idea.IdeaLifecycle.TAKE_UP_DECISION;
import static fr.construisons.idea.IdeaLifecycle.TAKE_UP_REASON;

import fr.construisons.idea.Decisions.TakeUpDecision;
import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaLifecycle.Elements;
import fr.construisons.idea.IdeaStage;
import fr.construisons.incubation.Incubation;
import fr.construisons.incubation.IncubationDecisions.ImplementationDecision;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.process.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The public steps of an idea, read from Camunda's history (the idea's process instance and the
 * incubation it called) and from the catalogue: the page keeps no second copy of process state.
 *
 * <p>Only what every agent may know leaves this class: which steps were taken, the orientation
 * decided, the directorates' answers, the results of experiments, studies and incubations, and the
 * closing reason. Never the notes of the clarification call, the committee's scores and comments,
 * the line manager's agreement or the experts' comments: those variables are not even read.
 */
@Component
public class IdeaTimeline {

  /**
   * One step as agents read it; {@code detail} is text written by a person, or null;
   * {@code relatedIdea} the reference of another idea the step names (the idea a duplicate joins),
   * which the page makes a link to that idea, or null.
   */
  public record Step(Instant at, String label, String detail, String relatedIdea) {
    public Step {
      // A person's words from the engine's history, possibly stored before texts were cleaned.
      detail = Texts.withoutBidiControls(detail);
    }

    public Step(Instant at, String label, String detail) {
      this(at, label, detail, null);
    }

    /** The detail around the related idea's reference, for the link; null when it does not name it. */
    public String[] detailAroundRelatedIdea() {
      if (detail == null || relatedIdea == null || !detail.contains(relatedIdea)) {
        return null;
      }
      int at = detail.indexOf(relatedIdea);
      return new String[] {detail.substring(0, at), detail.substring(at + relatedIdea.length())};
    }
  }

  /** The process variables of idea-lifecycle that are public answers or results. */
  private static final Set<String> PUBLIC_VARIABLES = Set.of(ORIENTATION.name(), EXPERIMENT_DECISION.name(),
      EXPERIMENT_CONCLUSION.name(), STUDY_OUTCOME.name(), STUDY_CONCLUSION.name(), DUPLICATE_OF.name());
  private static final String INCUBATION_DECISION = Incubation.IMPLEMENTATION_DECISION.name();

  /**
   * Every variable the timeline reads from history. Each is declared kept in its process API
   * (IdeaLifecycle.VARIABLES, Incubation.VARIABLES), so it stays when an idea's people are taken out
   * at the end of its retention period and the timeline does not change then;
   * privacy's ProcessVariableFateTest checks it.
   */
  public static final Set<String> VARIABLES_SHOWN = Set.of(ORIENTATION.name(), EXPERIMENT_DECISION.name(),
      EXPERIMENT_CONCLUSION.name(), STUDY_OUTCOME.name(), STUDY_CONCLUSION.name(), TAKE_UP_DECISION.name(),
      TAKE_UP_REASON.name(), INCUBATION_DECISION, DUPLICATE_OF.name());

  private final HistoryService history;
  private final OrganisationDirectory organisation;

  public IdeaTimeline(HistoryService history, OrganisationDirectory organisation) {
    this.history = history;
    this.organisation = organisation;
  }

  public List<Step> of(Idea idea) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(idea.submittedAt(), "Idée déposée", null));
    String instance = idea.processInstanceId();
    Map<String, Object> variables = publicVariables(instance, PUBLIC_VARIABLES);
    for (HistoricActivityInstance activity : activities(instance)) {
      switch (activity.getActivityId()) {
        case Elements.TASK_CLARIFY_IDEA -> finished(steps, activity, "Appel de clarification avec l'équipe Construisons!", null);
        case Elements.TASK_REFORMULATE_IDEA -> finished(steps, activity, "Idée reformulée par son auteur", null);
        case Elements.TASK_ANNOUNCE_REVIEW -> finished(steps, activity, "Présentée à la revue en direction générale", null);
        case Elements.TASK_DECIDE_ORIENTATION -> finished(steps, activity,
            "Revue en direction générale : orientation « " + orientation(variables.get(ORIENTATION.name())) + " »", null);
        case Elements.END_OUT_OF_SCOPE -> finished(steps, activity,
            "Orientée hors du dispositif après l'appel de clarification", null);
        case Elements.TASK_ASSESS_EXPERIMENT -> finished(steps, activity,
            "GENERALISE".equals(variables.get(EXPERIMENT_DECISION.name()))
                ? "Bilan de l'expérimentation : l'idée est généralisée"
                : "Bilan de l'expérimentation : l'expérimentation s'arrête",
            text(variables.get(EXPERIMENT_CONCLUSION.name())));
        case Elements.TASK_STUDY_FEASIBILITY -> finished(steps, activity,
            "FEASIBLE".equals(variables.get(STUDY_OUTCOME.name()))
                ? "Étude de faisabilité : l'idée est faisable"
                : "Étude de faisabilité : l'idée n'est pas faisable",
            text(variables.get(STUDY_CONCLUSION.name())));
        case Elements.TASK_ANNOUNCE_FORWARDING -> {
          finished(steps, activity, "Transmise aux directions : " + idea.impactedDirectorates().stream()
              .map(this::directorateName).collect(Collectors.joining(", ")), null);
          takeUpAnswers(steps, instance);
        }
        case Elements.CALL_INCUBATION -> incubation(steps, activity);
        default -> { }
      }
    }
    if (idea.stage().isClosed()) {
      // A duplicate names the idea it joins (the closing reason says so in words): the variable the
      // duplicate-closure process gave the idea's instance is the reference to link to.
      String relatedIdea = idea.stage() == IdeaStage.DUPLICATE ? text(variables.get(DUPLICATE_OF.name())) : null;
      steps.add(new Step(idea.closedAt(), "Idée close : " + idea.stage().label(), closingReason(idea, steps),
          relatedIdea));
    }
    return List.copyOf(steps);
  }

  /**
   * The reason the catalogue keeps for a closed idea, unless it comes from a private step: an
   * idea out of the scheme is explained by the notes of the clarification call, an incubation that
   * could not start by the team's note on the line manager's refusal. A reason already shown by
   * the previous step (the study's or the experiment's conclusion) is not repeated.
   */
  private static String closingReason(Idea idea, List<Step> before) {
    // The agent's own words when they withdraw stay between them and the team: they may be personal.
    if (idea.stage() == IdeaStage.OUT_OF_SCOPE || idea.stage() == IdeaStage.INCUBATION_NOT_STARTED
        || idea.stage() == IdeaStage.WITHDRAWN) {
      return null;
    }
    String reason = text(idea.closingReason());
    boolean alreadyShown = before.stream().anyMatch(step -> Objects.equals(step.detail(), reason));
    return alreadyShown ? null : reason;
  }

  private void incubation(List<Step> steps, HistoricActivityInstance call) {
    steps.add(new Step(call.getStartTime().toInstant(), "Incubation commencée : l'agent-idéateur devient agent-intrapreneur", null));
    if (call.getCalledProcessInstanceId() == null) {
      return;
    }
    String incubation = call.getCalledProcessInstanceId();
    HistoricProcessInstance called = history.createHistoricProcessInstanceQuery().processInstanceId(incubation).singleResult();
    if (called == null) {
      return;
    }
    Map<String, Object> variables = publicVariables(incubation, Set.of(INCUBATION_DECISION));
    for (HistoricActivityInstance activity : activities(incubation)) {
      switch (activity.getActivityId()) {
        case Incubation.Elements.TASK_FORM_PROJECT_TEAM -> finished(steps, activity, "Équipe projet constituée", null);
        case Incubation.Elements.TASK_DECIDE_IMPLEMENTATION -> finished(steps, activity,
            "Décision de la direction générale : " + implementationDecision(
                decidedAt(activity, INCUBATION_DECISION).orElse(variables.get(INCUBATION_DECISION))), null);
        case Incubation.Elements.TASK_IMPLEMENT_IDEA -> finished(steps, activity, "Mise en œuvre par la direction", null);
        default -> { }
      }
    }
  }

  /**
   * Each directorate's answer to a forwarded idea, in the order they came. The decision and reason
   * are local to the directorate's instance of the multi-instance sub-process (the execution of the
   * task's parent activity instance); the directorate is the task's candidate group.
   */
  private void takeUpAnswers(List<Step> steps, String processInstanceId) {
    for (HistoricActivityInstance task : history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .activityId(Elements.TASK_TAKE_UP_IDEA)
        .finished()
        .orderByHistoricActivityInstanceEndTime().asc()
        .orderPartiallyByOccurrence().asc()
        .list()) {
      if (!task.isCanceled()) {
        steps.add(takeUpAnswer(task));
      }
    }
  }

  private Step takeUpAnswer(HistoricActivityInstance task) {
    String directorate = history.createHistoricIdentityLinkLogQuery().taskId(task.getTaskId())
        .type(IdentityLinkType.CANDIDATE).list().stream()
        .map(HistoricIdentityLinkLog::getGroupId)
        .filter(g -> g != null && g.startsWith(OrganisationDirectory.DIRECTORATE_GROUP_PREFIX))
        .map(g -> g.substring(OrganisationDirectory.DIRECTORATE_GROUP_PREFIX.length()))
        .findFirst().map(this::directorateName).orElse("Une direction");
    HistoricActivityInstance takeUp = history.createHistoricActivityInstanceQuery()
        .activityInstanceId(task.getParentActivityInstanceId()).singleResult();
    Map<String, Object> answer = new HashMap<>();
    if (takeUp != null) {
      history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(task.getProcessInstanceId())
          .executionIdIn(takeUp.getExecutionId())
          .variableNameIn(TAKE_UP_DECISION.name(), TAKE_UP_REASON.name())
          .disableCustomObjectDeserialization()
          .list()
          .forEach(v -> answer.put(v.getName(), v.getValue()));
    }
    String decision = Arrays.stream(TakeUpDecision.values())
        .filter(d -> d.name().equals(answer.get(TAKE_UP_DECISION.name())))
        .map(TakeUpDecision::label).findFirst().orElse("a répondu");
    return new Step(task.getEndTime().toInstant(), directorate + " " + decision, text(answer.get(TAKE_UP_REASON.name())));
  }

  /**
   * The value a variable got when this task was completed: a decision taken several times (a pivot
   * then the implementation) shows each time what was decided then, not the last value.
   */
  private Optional<Object> decidedAt(HistoricActivityInstance task, String variable) {
    return history.createHistoricDetailQuery()
        .activityInstanceId(task.getId())
        .variableUpdates()
        .disableCustomObjectDeserialization()
        .orderPartiallyByOccurrence().asc()
        .list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> variable.equals(update.getVariableName()) && update.getValue() != null)
        .map(update -> (Object) update.getValue())
        .reduce((first, last) -> last);
  }

  private List<HistoricActivityInstance> activities(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc()
        .list();
  }

  /**
   * Only the named variables (private ones are never fetched), as the instance's own scope holds
   * them; a value held by an inner scope only if the instance has none.
   */
  private Map<String, Object> publicVariables(String processInstanceId, Set<String> names) {
    Map<String, Object> values = new HashMap<>();
    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableNameIn(names.toArray(String[]::new))
        .disableCustomObjectDeserialization()
        .list();
    variables.stream().filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
        .forEach(v -> values.put(v.getName(), v.getValue()));
    variables.forEach(v -> values.putIfAbsent(v.getName(), v.getValue()));
    return values;
  }

  private static void finished(List<Step> steps, HistoricActivityInstance activity, String label, String detail) {
    if (activity.getEndTime() != null && !activity.isCanceled()) {
      steps.add(new Step(activity.getEndTime().toInstant(), label, detail));
    }
  }

  static String orientation(Object value) {
    if (value == null) {
      return "décidée";
    }
    return switch (value.toString()) {
      case "EXPERIMENT" -> "expérimentation";
      case "STUDY" -> "étude de faisabilité";
      case "FORWARD" -> "transmise aux directions";
      default -> "décidée";
    };
  }

  private static String implementationDecision(Object value) {
    return Arrays.stream(ImplementationDecision.values()).filter(d -> d.name().equals(value))
        .map(ImplementationDecision::label).findFirst().orElse("rendue");
  }

  private String directorateName(String code) {
    return organisation.directorateName(code);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
