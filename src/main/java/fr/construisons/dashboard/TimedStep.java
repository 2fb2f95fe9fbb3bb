package fr.construisons.dashboard;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaLifecycle.Elements;
import fr.construisons.incubation.Incubation;
import fr.construisons.process.Deadlines;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The steps whose time the dashboard measures: the people's tasks of idea-lifecycle and
 * incubation (plus the incubation as a whole), each with the timer that watches it, if any. Each
 * label is the task's name in the model, so the dashboard and Tasklist say the same thing.
 */
public enum TimedStep {
  CLARIFICATION(IdeaLifecycle.PROCESS_KEY, Elements.TASK_CLARIFY_IDEA, "Mener l'appel de clarification",
      "clarification-reminder"),
  REFORMULATION(IdeaLifecycle.PROCESS_KEY, Elements.TASK_REFORMULATE_IDEA, "Reformuler l'idée", null),
  SCORING(IdeaLifecycle.PROCESS_KEY, Elements.TASK_SCORE_IDEA, "Évaluer l'idée", null),
  ORIENTATION(IdeaLifecycle.PROCESS_KEY, Elements.TASK_DECIDE_ORIENTATION, "Décider de l'orientation", null),
  EXPERIMENT(IdeaLifecycle.PROCESS_KEY, Elements.TASK_CONDUCT_EXPERIMENT, "Conduire l'expérimentation", null),
  EXPERIMENT_ASSESSMENT(IdeaLifecycle.PROCESS_KEY, Elements.TASK_ASSESS_EXPERIMENT, "Faire le bilan de l'expérimentation", null),
  FEASIBILITY_STUDY(IdeaLifecycle.PROCESS_KEY, Elements.TASK_STUDY_FEASIBILITY, "Mener l'étude de faisabilité", null),
  TAKE_UP(IdeaLifecycle.PROCESS_KEY, Elements.TASK_TAKE_UP_IDEA, "Prendre en charge l'idée (chaque direction)",
      "take-up-reminder"),
  INCUBATION(IdeaLifecycle.PROCESS_KEY, Elements.CALL_INCUBATION, "Incuber l'idée (toute l'incubation)", null),
  MANAGER_AGREEMENT(Incubation.PROCESS_KEY, Incubation.Elements.TASK_AGREE_ON_WORKING_TIME,
      "Donner l'accord sur le temps alloué", "manager-agreement-reminder"),
  AGREEMENT_MEDIATION(Incubation.PROCESS_KEY, Incubation.Elements.TASK_MEDIATE_AGREEMENT,
      "Arbitrer le temps alloué", null),
  PROJECT_TEAM(Incubation.PROCESS_KEY, Incubation.Elements.TASK_FORM_PROJECT_TEAM, "Constituer l'équipe projet", null),
  WORKSTREAM(Incubation.PROCESS_KEY, Incubation.Elements.TASK_CARRY_WORKSTREAM, "Mener un volet", null),
  WORKSTREAM_REVIEW(Incubation.PROCESS_KEY, Incubation.Elements.TASK_REVIEW_WORKSTREAM, "Revoir un volet (expert)", null),
  IMPLEMENTATION_DECISION(Incubation.PROCESS_KEY, Incubation.Elements.TASK_DECIDE_IMPLEMENTATION,
      "Décider de la mise en œuvre", null),
  IMPLEMENTATION(Incubation.PROCESS_KEY, Incubation.Elements.TASK_IMPLEMENT_IDEA, "Mettre en œuvre l'idée", null);

  private final String processKey;
  private final String activityId;
  private final String label;
  /** The deadline ({@code construisons.deadlines.*}) of the step's reminder timer, as the model names it. */
  private final String reminder;

  TimedStep(String processKey, String activityId, String label, String reminder) {
    this.processKey = processKey;
    this.activityId = activityId;
    this.label = label;
    this.reminder = reminder;
  }

  public String processKey() {
    return processKey;
  }

  public String activityId() {
    return activityId;
  }

  public String label() {
    return label;
  }

  /** Working days after which the step's reminder timer fires: past them, the step is late. */
  public OptionalInt reminderDays(Deadlines.Settings settings) {
    return reminder == null ? OptionalInt.empty() : OptionalInt.of(settings.days(reminder));
  }

  public boolean hasTimer() {
    return reminder != null;
  }

  static Optional<TimedStep> of(String processKey, String activityId) {
    return Arrays.stream(values())
        .filter(s -> s.processKey.equals(processKey) && s.activityId.equals(activityId))
        .findFirst();
  }
}
