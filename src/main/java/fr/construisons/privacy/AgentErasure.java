package fr.construisons.privacy;

import static fr.construisons.privacy.IdeaAnonymiser.ANONYMISED;
import static fr.construisons.privacy.IdeaAnonymiser.ANONYMOUS;
import static fr.construisons.privacy.IdeaAnonymiser.PRIVATE_CLOSING_REASONS;

import fr.construisons.privacy.PersonalDataLog.Action;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final EngineHistoryAnonymiser engineHistory;
  private final PersonalDataLog log;

  public AgentErasure(JdbcClient jdbc, EngineHistoryAnonymiser engineHistory, PersonalDataLog log) {
    this.jdbc = jdbc;
    this.engineHistory = engineHistory;
    this.log = log;
  }

  /** Ideas of this agent still open: they keep the agent's id until they close. */
  public List<String> openIdeasOf(String agent) {
    return jdbc.sql("select reference from idea where ideator = :agent and closed_at is null order by reference")
        .param("agent", agent).query(String.class).list();
  }

  /** {@code actor}: the team member who processed the request, recorded in the log. */
  @Transactional
  public Report erase(String agent, String actor) {
    if (agent == null || agent.isBlank() || agent.startsWith(ANONYMOUS)) {
      throw new IllegalArgumentException("No agent to erase: " + agent);
    }
    List<String> openIdeas = openIdeasOf(agent);
    int ideas = jdbc.sql("update idea set ideator = :anonymous, ideator_name_shown = false,"
            + " closing_reason = case when stage in (:private) then null else closing_reason end"
            + " where ideator = :agent and closed_at is not null")
        .param("anonymous", ANONYMOUS)
        .param("private", PRIVATE_CLOSING_REASONS)
        .param("agent", agent)
        .update();
    List<String> supported = jdbc.sql("select idea_reference from idea_support where agent = :agent")
        .param("agent", agent).query(String.class).list();
    supported.forEach(reference -> IdeaAnonymiser.stranger(jdbc, reference, agent));
    int comments = jdbc.sql("delete from idea_comment where author = :agent").param("agent", agent).update();
    // The team member who hid somebody else's comment is named there too.
    jdbc.sql("update idea_comment set hidden_by = :anonymous where hidden_by = :agent")
        .param("anonymous", ANONYMOUS).param("agent", agent).update();
    int reviews = jdbc.sql("update incubation_workstream set expert = :anonymous, expert_comment = :text"
            + " where expert = :agent")
        .param("anonymous", ANONYMOUS).param("text", ANONYMISED).param("agent", agent).update();
    engineHistory.anonymiseAgent(agent);
    Report report = new Report(ideas, openIdeas, supported.size(), comments, reviews);
    log.record(actor, agent, Action.DATA_ERASED, report.summary());
    return report;
  }
}
