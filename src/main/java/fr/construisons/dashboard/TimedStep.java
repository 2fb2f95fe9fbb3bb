package fr.construisons.dashboard;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaLifecycle.Elements;
import fr.construisons.incubation.Incubation;
import java.util.Arrays;
import java.util.Optional;

/**
 * The steps whose time the dashboard measures: the people's tasks of idea-lifecycle and
 * incubation (plus the incubation as a whole). Which of them are late is the models' timers' to
 * say ({@link WatchedSteps}), not a copy of the deadlines here.
 */
public enum TimedStep {
  CLARIFICATION(IdeaLifecycle.PROCESS_KEY, Elements.TASK_CLARIFY_IDEA, "Mener l'appel de clarification"),
  REFORMULATION(IdeaLifecycle.PROCESS_KEY, Elements.TASK_REFORMULATE_IDEA, "Reformuler l'idée"),
  SCORING(IdeaLifecycle.PROCESS_KEY, Elements.TASK_SCORE_IDEA, "Évaluer l'idée"),
  ORIENTATION(IdeaLifecycle.PROCESS_KEY, Elements.TASK_DECIDE_ORIENTATION, "Décider de l'orientation"),
  EXPERIMENT(IdeaLifecycle.PROCESS_KEY, Elements.TASK_CONDUCT_EXPERIMENT, "Conduire l'expérimentation"),
  EXPERIMENT_ASSESSMENT(IdeaLifecycle.PROCESS_KEY, Elements.TASK_ASSESS_EXPERIMENT, "Faire le bilan de l'expérimentation"),
  FEASIBILITY_STUDY(IdeaLifecycle.PROCESS_KEY, Elements.TASK_STUDY_FEASIBILITY, "Mener l'étude de faisabilité"),
  TAKE_UP(IdeaLifecycle.PROCESS_KEY, Elements.TASK_TAKE_UP_IDEA, "Prendre en charge l'idée (chaque direction)"),
  INCUBATION(IdeaLifecycle.PROCESS_KEY, Elements.CALL_INCUBATION, "Incuber l'idée (toute l'incubation)"),
  MANAGER_AGREEMENT(Incubation.PROCESS_KEY, Incubation.Elements.TASK_AGREE_ON_WORKING_TIME,
      "Donner l'accord sur le temps alloué"),
  AGREEMENT_MEDIATION(Incubation.PROCESS_KEY, Incubation.Elements.TASK_MEDIATE_AGREEMENT,
      "Arbitrer le temps alloué"),
  PROJECT_TEAM(Incubation.PROCESS_KEY, Incubation.Elements.TASK_FORM_PROJECT_TEAM, "Constituer l'équipe projet"),
  WORKSTREAM(Incubation.PROCESS_KEY, Incubation.Elements.TASK_CARRY_WORKSTREAM, "Mener un volet"),
  WORKSTREAM_REVIEW(Incubation.PROCESS_KEY, Incubation.Elements.TASK_REVIEW_WORKSTREAM, "Revoir un volet (expert)"),
  IMPLEMENTATION_DECISION(Incubation.PROCESS_KEY, Incubation.Elements.TASK_DECIDE_IMPLEMENTATION,
      "Décider de la mise en œuvre"),
  IMPLEMENTATION(Incubation.PROCESS_KEY, Incubation.Elements.TASK_IMPLEMENT_IDEA, "Mettre en œuvre l'idée");

  private final String processKey;
  private final String activityId;
  private final String label;

  TimedStep(String processKey, String activityId, String label) {
    this.processKey = processKey;
    this.activityId = activityId;
    this.label = label;
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

  public static Optional<TimedStep> of(String processKey, String activityId) {
    return Arrays.stream(values())
        .filter(s -> s.processKey.equals(processKey) && s.activityId.equals(activityId))
        .findFirst();
  }
}
