package fr.construisons.dashboard;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.IdeaLifecycle.Elements;
import fr.construisons.incubation.Incubation;
import java.util.List;

/**
 * The steps of the funnel, read from Camunda's history of idea-lifecycle and of the incubation it
 * calls (its root is the idea's instance): an idea counts at a step once its instance reached (or,
 * for a task that must be done, completed) one of the step's activities. "Déposées" comes from the
 * catalogue instead, which holds every idea.
 */
public enum FunnelStep {
  SUBMITTED("Déposées", List.of(), false),
  CLARIFIED("Appel de clarification fait", List.of(Elements.TASK_CLARIFY_IDEA), true),
  REVIEWED("Orientées par la direction générale", List.of(Elements.TASK_DECIDE_ORIENTATION), true),
  EXPERIMENTED("Expérimentées", List.of(Elements.TASK_CONDUCT_EXPERIMENT), false),
  STUDIED("Étudiées (faisabilité)", List.of(Elements.TASK_STUDY_FEASIBILITY), false),
  FORWARDED("Transmises aux directions", List.of(Elements.SUBPROCESS_DIRECTORATE_TAKE_UP), false),
  /**
   * An incubation that started: its workstreams opened. One that ended before, for lack of an
   * agreement on working time, was asked for, not incubated.
   */
  INCUBATED("Incubées", Incubation.PROCESS_KEY, List.of(Incubation.Elements.SUBPROCESS_WORKSTREAMS), false),
  // Both ways an idea gets implemented: a generalised experiment, or after incubation.
  IMPLEMENTED("Mises en œuvre",
      List.of(Elements.END_EXPERIMENT_GENERALISED, Elements.END_IMPLEMENTED_AFTER_INCUBATION), false);

  /** The process of the steps that name none. */
  public static final String PROCESS_KEY = IdeaLifecycle.PROCESS_KEY;

  private final String label;
  private final String processKey;
  private final List<String> activityIds;
  private final boolean mustBeCompleted;

  FunnelStep(String label, List<String> activityIds, boolean mustBeCompleted) {
    this(label, PROCESS_KEY, activityIds, mustBeCompleted);
  }

  FunnelStep(String label, String processKey, List<String> activityIds, boolean mustBeCompleted) {
    this.label = label;
    this.processKey = processKey;
    this.activityIds = activityIds;
    this.mustBeCompleted = mustBeCompleted;
  }

  public String label() {
    return label;
  }

  /** The process whose activities these are. */
  String processKey() {
    return processKey;
  }

  List<String> activityIds() {
    return activityIds;
  }

  /** A clarification call cancelled by a withdrawal was not made: only completed tasks count. */
  boolean mustBeCompleted() {
    return mustBeCompleted;
  }
}
