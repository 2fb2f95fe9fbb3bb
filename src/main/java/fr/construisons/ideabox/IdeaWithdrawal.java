package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;
import static fr.construisons.idea.IdeaLifecycle.WITHDRAWAL_REASON;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaStage;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.organisation.CurrentAgent;
import fr.construisons.process.InvalidFormDataException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * « Retirer mon idée » from the idea's page, exactly as Tasklist's « Retirer une de mes idées »:
 * the start form of the latest idea-withdrawal is submitted by the engine as the signed-in agent,
 * so the process's own checks decide (the requester is the session's agent, only the author, only
 * an idea still being instructed) and the withdrawal is the same whichever page was used.
 */
@Service
class IdeaWithdrawal {

  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;

  public IdeaWithdrawal(FormService forms, RepositoryService repository, IdentityService identity) {
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
  }

  /**
   * Whether the page offers the withdrawal: to the author, while the process would accept it. Only
   * what the page shows; the process checks again when it is asked.
   */
  static boolean offered(Idea idea, CurrentAgent agent) {
    return idea.ideator().equals(agent.id()) && !idea.stage().isClosed() && idea.stage() != IdeaStage.INCUBATION;
  }

  /** The French problems found, none when the idea is withdrawn. */
  public List<String> withdraw(CurrentAgent agent, String reference, String reason) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery()
        .processDefinitionKey(IdeaClosure.WITHDRAWAL_PROCESS_KEY).latestVersion().singleResult();
    Map<String, Object> variables = new HashMap<>();
    variables.put(IDEA_REFERENCE.name(), reference);
    // An empty field is absent, as in Tasklist: the process then says it is required.
    variables.put(WITHDRAWAL_REASON.name(), reason == null || reason.isBlank() ? null : reason);
    // As Tasklist does: the engine checks CREATE_INSTANCE for this agent and records them as the
    // requester (camunda:initiator); cleared whatever happens, threads are pooled.
    identity.setAuthentication(agent.id(), agent.groups());
    try {
      forms.submitStartForm(latest.getId(), variables);
      return List.of();
    } catch (InvalidFormDataException refused) {
      return refused.problems().stream()
          .map(problem -> Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".")
          .toList();
    } finally {
      identity.clearAuthentication();
    }
  }
}
