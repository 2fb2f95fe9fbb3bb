package fr.construisons.idea;

import fr.construisons.process.ProcessVariable;
import static fr.construisons.process.ProcessVariable.bool;
import static fr.construisons.process.ProcessVariable.integer;
import static fr.construisons.process.ProcessVariable.string;

import fr.construisons.process.VariableDeclarations;

/**
 * The API of {@code processes/idea-lifecycle.bpmn}: everything the model and the code share is
 * named here once (process key, element ids, messages, variables, forms).
 */
public final class IdeaLifecycle {

  public static final String PROCESS_KEY = "idea-lifecycle";
  public static final String DECISION_ORIENTATION = "idea-orientation";

  /** Element ids of the model, for tests and monitoring. */
  public static final class Elements {
    public static final String START_IDEA_SUBMITTED = "StartEvent_IdeaSubmitted";
    public static final String TASK_REGISTER_IDEA = "Task_RegisterIdea";
    public static final String TASK_ACKNOWLEDGE_IDEA = "Task_AcknowledgeIdea";
    public static final String TASK_NOTIFY_TEAM = "Task_NotifyTeamOfNewIdea";
    public static final String SUBPROCESS_INSTRUCTION = "SubProcess_IdeaInstruction";
    public static final String TASK_CLARIFY_IDEA = "Task_ClarifyIdea";
    public static final String TIMER_CLARIFICATION_REMINDER = "BoundaryEvent_ClarificationReminder";
    public static final String TIMER_CLARIFICATION_ESCALATION = "BoundaryEvent_ClarificationEscalation";
    public static final String TASK_REMIND_TEAM = "Task_RemindTeamOfClarification";
    public static final String TASK_ESCALATE_CLARIFICATION = "Task_EscalateClarification";
    public static final String TASK_ASK_FOR_REFORMULATION = "Task_AskForReformulation";
    public static final String TASK_REFORMULATE_IDEA = "Task_ReformulateIdea";
    public static final String TASK_NOTIFY_TEAM_OF_REFORMULATION = "Task_NotifyTeamOfReformulation";
    public static final String TASK_ANNOUNCE_REVIEW = "Task_AnnounceReview";
    public static final String TASK_NOTIFY_GENERAL_MANAGEMENT = "Task_NotifyGeneralManagement";
    public static final String TASK_SCORE_IDEA = "Task_ScoreIdea";
    public static final String TASK_RECOMMEND_ORIENTATION = "Task_RecommendOrientation";
    public static final String TASK_DECIDE_ORIENTATION = "Task_DecideOrientation";
    public static final String TASK_ANNOUNCE_EXPERIMENT = "Task_AnnounceExperiment";
    public static final String TASK_CONDUCT_EXPERIMENT = "Task_ConductExperiment";
    public static final String TASK_ASSESS_EXPERIMENT = "Task_AssessExperiment";
    public static final String TASK_ANNOUNCE_STUDY = "Task_AnnounceStudy";
    public static final String TASK_STUDY_FEASIBILITY = "Task_StudyFeasibility";
    public static final String TASK_ANNOUNCE_FORWARDING = "Task_AnnounceForwarding";
    public static final String SUBPROCESS_DIRECTORATE_TAKE_UP = "SubProcess_DirectorateTakeUp";
    public static final String TASK_FORWARD_TO_DIRECTORATE = "Task_ForwardIdeaToDirectorate";
    public static final String TASK_TAKE_UP_IDEA = "Task_TakeUpIdea";
    public static final String TIMER_TAKE_UP_REMINDER = "BoundaryEvent_TakeUpReminder";
    public static final String TASK_REMIND_DIRECTORATE = "Task_RemindDirectorate";
    public static final String TASK_TELL_IDEATOR_ANSWER = "Task_TellIdeatorOfAnswer";
    public static final String TASK_ANNOUNCE_INCUBATION = "Task_AnnounceIncubation";
    public static final String CALL_INCUBATION = "CallActivity_Incubation";
    public static final String BOUNDARY_WITHDRAWN = "BoundaryEvent_IdeaWithdrawn";
    public static final String BOUNDARY_DUPLICATE = "BoundaryEvent_IdeaDuplicate";

    public static final String END_OUT_OF_SCOPE = "EndEvent_IdeaOutOfScope";
    public static final String END_EXPERIMENT_GENERALISED = "EndEvent_ExperimentGeneralised";
    public static final String END_EXPERIMENT_STOPPED = "EndEvent_ExperimentStopped";
    public static final String END_NOT_FEASIBLE = "EndEvent_IdeaNotFeasible";
    public static final String END_FORWARDED = "EndEvent_IdeaForwarded";
    public static final String END_READY_FOR_INCUBATION = "EndEvent_ReadyForIncubation";
    public static final String END_WITHDRAWN = "EndEvent_IdeaWithdrawn";
    public static final String END_DUPLICATE = "EndEvent_IdeaDuplicate";
    public static final String END_INSTRUCTION_CLOSED = "EndEvent_IdeaClosed";
    public static final String END_IMPLEMENTED_AFTER_INCUBATION = "EndEvent_IdeaImplemented";
    public static final String END_INCUBATION_ABANDONED = "EndEvent_IncubationAbandoned";
    public static final String END_INCUBATION_NOT_STARTED = "EndEvent_IncubationNotStarted";

    private Elements() {}
  }

  /** Messages correlated by the withdrawal and duplicate-closure processes. */
  public static final String MESSAGE_IDEA_WITHDRAWN = "Message_IdeaWithdrawn";
  public static final String MESSAGE_IDEA_DUPLICATE = "Message_IdeaDuplicate";

  // The idea as submitted (also kept in the catalogue table `idea`).
  public static final ProcessVariable<String> IDEA_REFERENCE = string("ideaReference");
  public static final ProcessVariable<String> IDEATOR = string("ideator");
  /**
   * The ideator's name as the directory gives it, for the forms that show her: a variable local to
   * the task, set when the task is created ({@link NameTheIdeatorListener}), never a process
   * variable (the id is the process's truth) and never writable by a form (a disabled field).
   */
  public static final ProcessVariable<String> IDEATOR_NAME = string("ideatorName");
  public static final ProcessVariable<String> TITLE = string("title");
  public static final ProcessVariable<String> PROBLEM = string("problem");
  public static final ProcessVariable<String> SOLUTION = string("solution");
  public static final ProcessVariable<String> BENEFITS = string("benefits");
  public static final ProcessVariable<String> IDEATOR_DIRECTORATE = string("ideatorDirectorate");
  /** JSON array of directorate codes (e.g. ["education","dsi"]), as the form's checklist sends it. */
  public static final String IMPACTED_DIRECTORATES = "impactedDirectorates";
  public static final ProcessVariable<Boolean> WANTS_TO_CARRY = bool("wantsToCarry");
  /** The ideator agreed to have their name shown with the idea in the idea box (default no). */
  public static final ProcessVariable<Boolean> SHOW_IDEATOR_NAME = bool("showIdeatorName");
  /** What the agent thinks the idea needs (time, budget, tools): helps general management judge feasibility. */
  public static final ProcessVariable<String> RESOURCES_NEEDED = string("resourcesNeeded");
  /**
   * The optional texts of an idea beyond its four required ones, in the order the pages show
   * them. A new one is declared here and added to the submission and reformulation forms (and
   * to the review forms that should show it); see docs/architecture.md, "A new idea field".
   */
  public static final java.util.List<IdeaDetail> DETAILS = java.util.List.of(
      new IdeaDetail(RESOURCES_NEEDED, "Moyens nécessaires (estimation)",
          "Temps, budget, outils, compétences : une estimation suffit, laissez vide si vous ne savez pas.", 1000));
  /** Current stage of the idea, mirrored in the catalogue; see {@link IdeaStage}. */
  public static final ProcessVariable<String> STAGE = string("stage");

  // Clarification call.
  public static final ProcessVariable<String> CLARIFICATION_OUTCOME = string("clarificationOutcome");
  public static final ProcessVariable<String> CLARIFICATION_NOTES = string("clarificationNotes");

  // Review by general management.
  public static final ProcessVariable<Integer> STRATEGIC_IMPACT = integer("strategicImpact");
  public static final ProcessVariable<Integer> FEASIBILITY = integer("feasibility");
  public static final ProcessVariable<String> REVIEW_COMMENT = string("reviewComment");
  public static final ProcessVariable<String> RECOMMENDED_ORIENTATION = string("recommendedOrientation");
  public static final ProcessVariable<String> ORIENTATION = string("orientation");
  public static final ProcessVariable<String> ORIENTATION_JUSTIFICATION = string("orientationJustification");

  // Experiment.
  public static final ProcessVariable<String> EXPERIMENT_REPORT = string("experimentReport");
  public static final ProcessVariable<String> EXPERIMENT_DECISION = string("experimentDecision");
  public static final ProcessVariable<String> EXPERIMENT_CONCLUSION = string("experimentConclusion");

  // Feasibility study.
  public static final ProcessVariable<String> STUDY_OUTCOME = string("studyOutcome");
  public static final ProcessVariable<String> STUDY_CONCLUSION = string("studyConclusion");

  // Forwarding: local to each instance of the multi-instance take-up sub-process.
  public static final ProcessVariable<String> DIRECTORATE = string("directorate");
  public static final ProcessVariable<String> TAKE_UP_DECISION = string("takeUpDecision");
  public static final ProcessVariable<String> TAKE_UP_REASON = string("takeUpReason");

  // Closing before incubation, from the withdrawal and duplicate-closure processes.
  public static final ProcessVariable<String> WITHDRAWAL_REASON = string("withdrawalReason");
  public static final ProcessVariable<String> DUPLICATE_OF = string("duplicateOf");

  // Incubation result (out mapping of the call activity).
  public static final ProcessVariable<String> INCUBATION_DECISION = string("incubationDecision");
  public static final ProcessVariable<String> INCUBATION_CONCLUSION = string("incubationConclusion");

  /**
   * What each variable of idea-lifecycle becomes when the idea's people are taken out
   * (privacy/EngineHistoryAnonymiser): kept are the idea's public content, its decisions, scores and
   * what the public timeline shows. The idea's reference, ideator, title and directorate are
   * declared here for every process that receives them (incubation, the closure requests, the
   * retention job). Keeping a variable is a decision written here.
   */
  public static final VariableDeclarations VARIABLES = VariableDeclarations.of(PROCESS_KEY)
      .kept(IDEA_REFERENCE, TITLE, PROBLEM, SOLUTION, BENEFITS, IDEATOR_DIRECTORATE, IMPACTED_DIRECTORATES,
          WANTS_TO_CARRY, STAGE, CLARIFICATION_OUTCOME, STRATEGIC_IMPACT, FEASIBILITY, RECOMMENDED_ORIENTATION,
          ORIENTATION, EXPERIMENT_DECISION, EXPERIMENT_CONCLUSION, STUDY_OUTCOME, STUDY_CONCLUSION, DIRECTORATE,
          TAKE_UP_DECISION, TAKE_UP_REASON, DUPLICATE_OF, INCUBATION_DECISION)
      // The details are the idea's public content, like its four texts.
      .kept(DETAILS.stream().map(IdeaDetail::variable).toArray())
      .personIds(IDEATOR)
      // Her name as the forms show it (idea-lifecycle and incubation, task-local): like a list of
      // candidates, it goes from every finished instance as soon as any agent's data is erased.
      .candidates(IDEATOR_NAME)
      .erased(SHOW_IDEATOR_NAME, CLARIFICATION_NOTES, REVIEW_COMMENT, ORIENTATION_JUSTIFICATION, EXPERIMENT_REPORT,
          WITHDRAWAL_REASON, INCUBATION_CONCLUSION,
          // Inputs of the stage-change service tasks: a reason may be a person's words.
          MoveIdeaToStageDelegate.TARGET_STAGE, MoveIdeaToStageDelegate.STAGE_REASON)
      .build();

  /**
   * The withdrawal and duplicate-closure processes' own variables: those processes are internal to
   * this module, their declarations part of its API.
   */
  public static final VariableDeclarations CLOSURE_VARIABLES = fr.construisons.idea.closure.IdeaClosure.VARIABLES;

  private IdeaLifecycle() {}
}
