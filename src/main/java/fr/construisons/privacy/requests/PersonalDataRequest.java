package fr.construisons.privacy.requests;

import fr.construisons.process.ProcessVariable;
import static fr.construisons.process.ProcessVariable.string;

import fr.construisons.process.VariableDeclarations;

/**
 * The API of {@code processes/personal-data-request.bpmn}: an agent asks for a correction or the
 * erasure of their personal data, the innovation team answers in Tasklist, an accepted erasure is
 * carried out by the engine and the agent is told the answer.
 */
public final class PersonalDataRequest {

  public static final String PROCESS_KEY = "personal-data-request";
  /** Start form (Tasklist) and the team's task form, in {@code forms/}. */
  public static final String START_FORM = "request-personal-data";
  public static final String TASK_FORM = "process-personal-data-request";

  public static final class Elements {
    public static final String START_REQUEST_SUBMITTED = "StartEvent_RequestSubmitted";
    public static final String TASK_PROCESS_REQUEST = "Task_ProcessPersonalDataRequest";
    public static final String GATEWAY_ERASURE_ACCEPTED = "Gateway_ErasureAccepted";
    public static final String TASK_ERASE_AGENT_DATA = "Task_EraseAgentData";
    public static final String GATEWAY_ANSWER_READY = "Gateway_AnswerReady";
    public static final String TASK_ANSWER_REQUESTER = "Task_AnswerRequester";
    public static final String END_REQUEST_ANSWERED = "EndEvent_RequestAnswered";

    private Elements() {}
  }

  /** What the agent asks for. */
  public enum Kind {
    CORRECTION("rectification"),
    ERASURE("effacement");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** In French, lower case: « rectification », « effacement ». */
    public String label() {
      return label;
    }

    /** After « demande »: « de rectification », « d'effacement » (French elides « de » before a vowel). */
    public String afterDemande() {
      return de(label);
    }
  }

  /** What the innovation team answers. */
  public enum Answer {
    ACCEPTED("acceptée"),
    REFUSED("refusée");

    private final String label;

    Answer(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  // The request, from the start form (our page « Mes données » or Tasklist).
  /** The authenticated agent who made the request (camunda:initiator): the only person concerned. */
  public static final ProcessVariable<String> REQUESTER = string("requester");
  /** When the request was made (dd/MM/yyyy, Paris time): its reference for the agent. */
  public static final ProcessVariable<String> REQUESTED_ON = string("requestedOn");
  /** A {@link Kind} by name. */
  public static final ProcessVariable<String> REQUEST_KIND = string("requestKind");
  /** What is wrong, or why the agent wants their data erased. */
  public static final ProcessVariable<String> REQUEST_TEXT = string("requestText");

  // Set when the request is registered, for the team's form.
  /** The requester's name as the directory gives it. */
  public static final ProcessVariable<String> REQUESTER_NAME = string("requesterName");
  /** The kind in French, for the team's form. */
  public static final ProcessVariable<String> REQUEST_KIND_LABEL = string("requestKindLabel");
  /** For an erasure: the requester's ideas still open, which keep their name (text, French). */
  public static final ProcessVariable<String> OPEN_IDEAS_KEPT = string("openIdeasKept");

  // The team's answer.
  /** An {@link Answer} by name. */
  public static final ProcessVariable<String> ANSWER = string("requestAnswer");
  /** The answer to the agent, in the team's words: what was corrected, or why it is refused. */
  public static final ProcessVariable<String> ANSWER_TEXT = string("answerText");
  /** The team member who completed the task (authenticated user, else the assignee). */
  public static final ProcessVariable<String> PROCESSED_BY = string("processedBy");
  /** What the erasure did (AgentErasure.Report#summary), for the answer mail. */
  public static final ProcessVariable<String> ERASURE_SUMMARY = string("erasureSummary");

  /**
   * Everything about a request names or describes its requester: nothing is kept. The requester
   * variable has the same name as the closure requests' initiator, declared once in idea's
   * IdeaClosure (a name has one fate).
   */
  public static final VariableDeclarations VARIABLES = VariableDeclarations.of(PROCESS_KEY)
      .personIds(PROCESSED_BY)
      .erased(REQUESTED_ON, REQUEST_KIND, REQUEST_TEXT, REQUESTER_NAME, REQUEST_KIND_LABEL, OPEN_IDEAS_KEPT, ANSWER,
          ANSWER_TEXT, ERASURE_SUMMARY)
      .build();

  /** « de » before a word, elided before a vowel or a mute h: « de Camille », « d'Inès », « d'effacement ». */
  static String de(String word) {
    return (!word.isEmpty() && "aeiouyàâäéèêëîïôöùûüh".indexOf(Character.toLowerCase(word.charAt(0))) >= 0
        ? "d'" : "de ") + word;
  }

  /**
   * The team's task as its list shows it: the kind of request, who made it and when, e.g. « Traiter
   * la demande d'effacement d'Inès Garcia du 03/12/2026 », so two requests never look alike. The
   * model keeps its short label, the name of a task of an older request.
   */
  static String taskName(Kind kind, String requesterName, String requestedOn) {
    return "Traiter la demande " + kind.afterDemande() + " " + de(requesterName)
        + (requestedOn == null ? "" : " du " + requestedOn);
  }

  /** Lengths of the two free texts, as the forms say. */
  public static final int TEXT_MIN = 10;
  public static final int TEXT_MAX = 2000;

  private PersonalDataRequest() {}
}
