package fr.construisons.incubation;

import static fr.construisons.process.ProcessVariable.integer;
import static fr.construisons.process.ProcessVariable.string;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.process.ProcessVariable;
import fr.construisons.process.VariableDeclarations;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The API of {@code processes/incubation.bpmn}, called by idea-lifecycle when a feasible idea has
 * a volunteer: everything the model and the code share is named here once.
 */
public final class Incubation {

  public static final String PROCESS_KEY = "incubation";

  /** Element ids of the model, for tests and monitoring. */
  public static final class Elements {
    public static final String START_INCUBATION_REQUESTED = "StartEvent_IncubationRequested";
    public static final String TASK_RESOLVE_LINE_MANAGER = "Task_ResolveLineManager";
    /**
     * The manager's agreement, its mediation and the first forming of the project team: the
     * terms and the mediation are its local variables, out of sight of the experts' tasks.
     */
    public static final String SUBPROCESS_AGREE_ON_WORKING_TIME = "SubProcess_AgreeOnWorkingTime";
    public static final String TASK_REQUEST_TIME_AGREEMENT = "Task_RequestTimeAgreement";
    public static final String TASK_AGREE_ON_WORKING_TIME = "Task_AgreeOnWorkingTime";
    public static final String TIMER_MANAGER_REMINDER = "BoundaryEvent_ManagerReminder";
    public static final String TASK_REMIND_MANAGER = "Task_RemindManager";
    public static final String TASK_ANNOUNCE_AGREEMENT = "Task_AnnounceAgreement";
    public static final String TASK_REPORT_REFUSAL = "Task_ReportAgreementRefusal";
    public static final String TASK_MEDIATE_AGREEMENT = "Task_MediateAgreement";
    public static final String TASK_LIST_TEAM_CANDIDATES = "Task_ListProjectTeamCandidates";
    public static final String TASK_FORM_PROJECT_TEAM = "Task_FormProjectTeam";
    public static final String TASK_NOTIFY_PROJECT_TEAM = "Task_NotifyProjectTeam";
    public static final String TASK_TELL_INTRAPRENEUR_OF_TEAM = "Task_TellIntrapreneurOfTeam";
    public static final String TASK_ANNOUNCE_EXTENSION = "Task_AnnounceExtension";
    public static final String TASK_TELL_INTRAPRENEUR_OF_PROPOSAL = "Task_TellIntrapreneurOfProposal";
    public static final String TASK_TELL_MANAGER_NOT_STARTED = "Task_TellManagerNotStarted";
    public static final String END_AGREEMENT_NOT_REACHED = "EndEvent_AgreementNotReached";
    public static final String GATEWAY_INCUBATION_STARTED = "Gateway_IncubationStarted";
    public static final String SUBPROCESS_WORKSTREAMS = "SubProcess_Workstreams";
    public static final String TASK_CARRY_WORKSTREAM = "Task_CarryWorkstream";
    public static final String TASK_ASK_EXPERT_FOR_REVIEW = "Task_AskExpertForReview";
    public static final String TASK_REVIEW_WORKSTREAM = "Task_ReviewWorkstream";
    public static final String TASK_TELL_INTRAPRENEUR_REVIEWS_DONE = "Task_TellIntrapreneurReviewsDone";
    public static final String TASK_RECORD_WORKSTREAM = "Task_RecordWorkstream";
    public static final String TIMER_TIMEBOX_REMINDER = "BoundaryEvent_TimeboxReminder";
    public static final String TASK_REMIND_TIMEBOX = "Task_RemindTimeboxEnd";
    public static final String TASK_REPORT_TIMEBOX_END = "Task_ReportTimeboxEnd";
    public static final String TIMER_TIMEBOX_END = "BoundaryEvent_TimeboxEnd";
    public static final String TASK_TELL_INTRAPRENEUR_PERIOD_ENDED = "Task_TellIntrapreneurPeriodEnded";
    public static final String TASK_DECIDE_ON_TIMEBOX = "Task_DecideOnTimebox";
    public static final String TASK_GATHER_CONCLUSIONS = "Task_GatherConclusions";
    public static final String TASK_ASK_FOR_DECISION = "Task_AskForDecision";
    public static final String TASK_DECIDE_IMPLEMENTATION = "Task_DecideImplementation";
    /** The decision to implement, to the intrapreneur, her manager and the team. */
    public static final String TASK_ANNOUNCE_DECISION = "Task_AnnounceDecision";
    public static final String TASK_ANNOUNCE_PIVOT = "Task_AnnouncePivot";
    public static final String TASK_TELL_EXPERTS_OF_REOPENING = "Task_TellExpertsOfReopening";
    /** The decision to stop, to her manager and the team: the intrapreneur hears it from idea-lifecycle. */
    public static final String TASK_ANNOUNCE_STOP = "Task_AnnounceStop";
    public static final String TASK_REQUEST_IMPLEMENTATION = "Task_RequestImplementation";
    public static final String TASK_IMPLEMENT_IDEA = "Task_ImplementIdea";
    public static final String TASK_ANNOUNCE_IMPLEMENTATION = "Task_AnnounceImplementation";
    public static final String END_IMPLEMENTED = "EndEvent_IdeaImplemented";
    public static final String END_STOPPED = "EndEvent_IncubationStopped";
    public static final String END_NOT_STARTED = "EndEvent_IncubationNotStarted";

    private Elements() {}
  }

  // Given by idea-lifecycle (explicit in-mappings of its call activity): declared by the idea's
  // process API, named here too so that the incubation's code reads its own API only.
  public static final ProcessVariable<String> IDEA_REFERENCE = IdeaLifecycle.IDEA_REFERENCE;
  public static final ProcessVariable<String> IDEATOR = IdeaLifecycle.IDEATOR;
  public static final ProcessVariable<String> TITLE = IdeaLifecycle.TITLE;
  public static final ProcessVariable<String> IDEATOR_DIRECTORATE = IdeaLifecycle.IDEATOR_DIRECTORATE;

  // The line manager and the time agreement. Every variable of the agreement and of its mediation
  // is local to SUBPROCESS_AGREE_ON_WORKING_TIME; only the period (START_DATE, DURATION_MONTHS)
  // and, when the incubation does not start, MEDIATION_DECISION and MEDIATION_NOTE leave it.
  public static final ProcessVariable<String> LINE_MANAGER = string("lineManager");
  public static final ProcessVariable<String> TIME_SHARE_UNIT = string("timeShareUnit");
  /** Number: a percentage (5–100) or days per week (0.5–5), as {@link #TIME_SHARE_UNIT} says. */
  public static final String TIME_SHARE = "timeShare";
  public static final ProcessVariable<Integer> DURATION_MONTHS = integer("durationMonths");
  /** ISO date (yyyy-MM-dd), as the form's date picker sends it. */
  public static final ProcessVariable<String> START_DATE = string("startDate");
  public static final ProcessVariable<String> AGREEMENT_CONDITIONS = string("agreementConditions");
  public static final ProcessVariable<String> AGREEMENT_DECISION = string("agreementDecision");
  public static final ProcessVariable<String> AGREEMENT_COMMENT = string("agreementComment");

  // Mediation by the innovation team after a refusal or a counter-proposal.
  public static final ProcessVariable<String> MEDIATION_DECISION = string("mediationDecision");
  public static final ProcessVariable<String> MEDIATION_NOTE = string("mediationNote");

  // The project team. The *Options variables are JSON lists [{label, value}] for the form's selects.
  public static final ProcessVariable<String> COACH = string("coach");
  public static final ProcessVariable<String> MILESTONES = string("milestones");
  public static final ProcessVariable<String> SPONSOR_DIRECTORATE = string("sponsorDirectorate");
  public static final String COACH_OPTIONS = "coachOptions";
  // One expert and one list of candidates per workstream, declared by Workstream; named here for
  // the code and tests that mean one of them. A new workstream needs no line here.
  public static final ProcessVariable<String> LEGAL_EXPERT = Workstream.LEGAL.expertVariable();
  public static final ProcessVariable<String> FINANCE_EXPERT = Workstream.FINANCIAL.expertVariable();
  public static final ProcessVariable<String> MARKET_EXPERT = Workstream.MARKET_STUDY.expertVariable();
  public static final ProcessVariable<String> USER_JOURNEY_EXPERT = Workstream.USER_JOURNEY.expertVariable();
  public static final String LEGAL_EXPERT_OPTIONS = Workstream.LEGAL.optionsVariable();
  public static final String FINANCE_EXPERT_OPTIONS = Workstream.FINANCIAL.optionsVariable();
  public static final String MARKET_EXPERT_OPTIONS = Workstream.MARKET_STUDY.optionsVariable();
  public static final String USER_JOURNEY_EXPERT_OPTIONS = Workstream.USER_JOURNEY.optionsVariable();
  /** Every expert chosen for the project team, one per workstream (user ids). */
  public static final List<ProcessVariable<String>> EXPERTS =
      Arrays.stream(Workstream.values()).map(Workstream::expertVariable).toList();
  /** Every list of candidates the project-team form offers: the coaches, then each workstream's experts. */
  public static final List<String> CANDIDATE_LISTS = Stream.concat(Stream.of(COACH_OPTIONS),
      Arrays.stream(Workstream.values()).map(Workstream::optionsVariable)).toList();

  // One workstream (local to each instance of the multi-instance sub-process).
  public static final ProcessVariable<String> WORKSTREAM = string("workstream");
  /**
   * The workstream's French label and hints, input variables of its two tasks so that the forms
   * show them from {@link Workstream} (forms cannot read Java); the forms fall back to their own
   * text for tasks opened before these variables existed.
   */
  public static final ProcessVariable<String> WORKSTREAM_LABEL = string("workstreamLabel");
  public static final ProcessVariable<String> WORKSTREAM_HINTS = string("workstreamHints");
  public static final ProcessVariable<String> DELIVERABLE_SUMMARY = string("deliverableSummary");
  public static final ProcessVariable<String> WORKSTREAM_CONCLUSION = string("workstreamConclusion");
  public static final ProcessVariable<String> EXPERT_COMMENT = string("expertComment");
  /** Markdown summary of the latest conclusion of each workstream, shown to the committee. */
  public static final ProcessVariable<String> WORKSTREAM_REPORT = string("workstreamReport");

  // End of the timebox.
  public static final ProcessVariable<String> TIMEBOX_DECISION = string("timeboxDecision");
  public static final ProcessVariable<String> TIMEBOX_NOTE = string("timeboxNote");

  /**
   * The agreed period's last day in French (« dimanche 4 juillet 2027 »), an input of the
   * workstream tasks: the intrapreneur sees until when she carries them.
   */
  public static final ProcessVariable<String> TIMEBOX_END_LABEL = string("timeboxEndLabel");
  /**
   * On a workstream re-opened by a pivot: the expert's previous conclusion and opinion, an input
   * of « Mener le volet » (the branch's own variables start empty).
   */
  public static final ProcessVariable<String> PREVIOUS_REVIEW = string("previousReview");

  // People by their names, for the forms: inputs of the user tasks (local to each task), computed
  // from the directory when the task opens and shown in disabled fields, so that no form submits
  // them (FormContract) and no caller may write them (security/EngineApiGuard). They name people,
  // like the candidate lists: deleted from every finished instance as soon as any agent's data is
  // erased.
  /** The same variable as idea-lifecycle's, declared there (the anonymiser works by name). */
  public static final ProcessVariable<String> IDEATOR_NAME = IdeaLifecycle.IDEATOR_NAME;
  public static final ProcessVariable<String> LINE_MANAGER_NAME = string("lineManagerName");
  public static final ProcessVariable<String> COACH_NAME = string("coachName");
  /** The expert of the workstream of this branch. */
  public static final ProcessVariable<String> EXPERT_NAME = string("expertName");
  public static final List<ProcessVariable<String>> DISPLAY_NAMES =
      List.of(IDEATOR_NAME, LINE_MANAGER_NAME, COACH_NAME, EXPERT_NAME);

  // Decision by general management.
  public static final ProcessVariable<String> IMPLEMENTATION_DECISION = string("implementationDecision");
  /** JSON array of workstream codes to run again on a pivot. */
  public static final String PIVOT_WORKSTREAMS = "pivotWorkstreams";
  public static final ProcessVariable<String> DECISION_REASON = string("decisionReason");

  // Implementation by the sponsoring directorate.
  public static final ProcessVariable<String> IMPLEMENTATION_REPORT = string("implementationReport");

  /**
   * What each variable of the incubation becomes when the idea's people are taken out: kept are
   * the workstreams, their conclusions and the decisions; the agreement, the experts' and team's
   * texts and the people go. The variables given by idea-lifecycle are declared in IdeaLifecycle.
   */
  public static final VariableDeclarations VARIABLES = VariableDeclarations.of(PROCESS_KEY)
      .kept(WORKSTREAM, WORKSTREAM_LABEL, WORKSTREAM_HINTS, WORKSTREAM_CONCLUSION, TIMEBOX_DECISION,
          SPONSOR_DIRECTORATE, IMPLEMENTATION_DECISION, PIVOT_WORKSTREAMS)
      .personIds(LINE_MANAGER, COACH)
      // Derived from Workstream: a new workstream's expert and candidates follow by construction.
      .personIds(EXPERTS.toArray())
      .candidates(CANDIDATE_LISTS.toArray())
      .candidates(DISPLAY_NAMES.stream().filter(name -> name != IDEATOR_NAME).toArray())
      .erased(TIME_SHARE_UNIT, TIME_SHARE, DURATION_MONTHS, START_DATE, AGREEMENT_CONDITIONS, AGREEMENT_DECISION,
          AGREEMENT_COMMENT, MEDIATION_DECISION, MEDIATION_NOTE, MILESTONES, DELIVERABLE_SUMMARY, EXPERT_COMMENT,
          WORKSTREAM_REPORT, TIMEBOX_END_LABEL, PREVIOUS_REVIEW, TIMEBOX_NOTE, DECISION_REASON, IMPLEMENTATION_REPORT,
          // The mail input of the send tasks of incubation 1.0.0 and 1.1.0.
          IncubationMailsOfOlderModels.MAIL_TEMPLATE)
      .build();

  private Incubation() {}
}
