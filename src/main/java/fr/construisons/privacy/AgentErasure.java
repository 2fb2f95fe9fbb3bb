package fr.construisons.privacy;

import static fr.construisons.privacy.IdeaAnonymiser.ANONYMISED;
import static fr.construisons.privacy.IdeaAnonymiser.ANONYMOUS;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.ideabox.IdeaComments;
import fr.construisons.ideabox.IdeaSupports;
import fr.construisons.incubation.WorkstreamReviewRepository;
import fr.construisons.privacy.PersonalDataLog.Action;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one agent's data at their request, processed by the innovation team: the agent is no
 * longer named anywhere the platform keeps them, while everybody else's contributions to the same
 * ideas (their comments, supports, tasks and decisions) stay as they are.
 *
 * <p>An idea still being instructed or incubated keeps its ideator: its process needs them (mails,
 * tasks). The team sees those ideas in the request's task; the idea's retention period, or a new
 * request once it is closed, takes care of them.
 */
@Service
public class AgentErasure {

  /** What the erasure did, for the team's record and the agent's answer. */
  public record Report(int closedIdeas, List<String> openIdeasKept, int supports, int comments, int workstreamReviews) {
    /** In French, for the answer mail and the log. */
    public String summary() {
      return "idées closes anonymisées : " + closedIdeas + " ; soutiens anonymisés : " + supports
          + " ; commentaires supprimés : " + comments + " ; avis d'expert anonymisés : " + workstreamReviews
          + (openIdeasKept.isEmpty() ? "" : " ; idées en cours conservées : " + String.join(", ", openIdeasKept));
    }
  }

  private final IdeaRepository ideas;
  private final IdeaComments comments;
  private final IdeaSupports supports;
  private final WorkstreamReviewRepository workstreamReviews;
  private final EngineHistoryAnonymiser engineHistory;
  private final PersonalDataLog log;

  public AgentErasure(IdeaRepository ideas, IdeaComments comments, IdeaSupports supports,
      WorkstreamReviewRepository workstreamReviews, EngineHistoryAnonymiser engineHistory, PersonalDataLog log) {
    this.ideas = ideas;
    this.comments = comments;
    this.supports = supports;
    this.workstreamReviews = workstreamReviews;
    this.engineHistory = engineHistory;
    this.log = log;
  }

  /** Ideas of this agent still open: they keep the agent's id until they close. */
  public List<String> openIdeasOf(String agent) {
    return ideas.openReferencesOf(agent);
  }

  /** {@code actor}: the team member who processed the request, recorded in the log. */
  @Transactional
  public Report erase(String agent, String actor) {
    if (agent == null || agent.isBlank() || agent.startsWith(ANONYMOUS)) {
      throw new IllegalArgumentException("No agent to erase: " + agent);
    }
    List<String> openIdeas = openIdeasOf(agent);
    int closedIdeas = ideas.anonymiseClosedIdeasOf(agent, ANONYMOUS);
    List<String> supported = supports.supportedBy(agent);
    supported.forEach(reference -> IdeaAnonymiser.stranger(supports, reference, agent));
    int erasedComments = comments.eraseAuthor(agent, ANONYMOUS);
    int reviews = workstreamReviews.anonymiseExpert(agent, ANONYMOUS, ANONYMISED);
    engineHistory.anonymiseAgent(agent);
    Report report = new Report(closedIdeas, openIdeas, supported.size(), erasedComments, reviews);
    log.record(actor, agent, Action.DATA_ERASED, report.summary());
    return report;
  }
}
