package fr.construisons.idea.closure;

import fr.construisons.process.ProcessVariable;
import fr.construisons.process.VariableDeclarations;

/**
 * The API of the two small processes that close an idea before incubation from Tasklist:
 * {@code processes/idea-withdrawal.bpmn} (the ideator withdraws it) and
 * {@code processes/idea-duplicate-closure.bpmn} (the innovation team closes it as a duplicate).
 * They correlate a message to the idea's process; their start forms carry the reference.
 */
public final class IdeaClosure {

  public static final String WITHDRAWAL_PROCESS_KEY = "idea-withdrawal";
  public static final String DUPLICATE_PROCESS_KEY = "idea-duplicate-closure";

  public static final String TASK_WITHDRAW_IDEA = "Task_WithdrawIdea";
  public static final String TASK_CLOSE_AS_DUPLICATE = "Task_CloseIdeaAsDuplicate";

  /** The authenticated user who started the request (camunda:initiator). */
  public static final ProcessVariable<String> REQUESTER = ProcessVariable.string("requester");

  /**
   * The requester is the only variable these processes add (the idea's reference and the reasons
   * are idea-lifecycle's, declared in IdeaLifecycle). {@code requester} is also the initiator of
   * the personal-data request, which relies on this declaration: one fate per name.
   */
  public static final VariableDeclarations VARIABLES = VariableDeclarations.of(WITHDRAWAL_PROCESS_KEY + ", "
      + DUPLICATE_PROCESS_KEY).personIds(REQUESTER).build();

  private IdeaClosure() {}
}
