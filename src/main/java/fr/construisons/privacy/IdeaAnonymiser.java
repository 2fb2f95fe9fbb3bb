package fr.construisons.privacy;

import fr.construisons.idea.IdeaStage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the people out of a closed idea once its retention period is over, in the project's tables
 * and in the engine's history, in one transaction. What stays is what the scheme publishes and
 * counts: the idea's content, directorate, dates, stage, public decisions and the number of
 * supports, so the idea box and the dashboard's figures do not change. {@code idea.anonymised_at}
 * says it was done (the ideator may already read "anonyme" after erasing their own data, while the
 * others named in the idea are still there).
 */
@Service
public class IdeaAnonymiser {

  /** Stands for a person who is no longer named. */
  public static final String ANONYMOUS = "anonyme";
  /** Replaces a free text that could identify a person. */
  public static final String ANONYMISED = "[anonymisé]";

  /** Stages whose closing reason is an agent's or the team's private words, never published. */
  static final List<String> PRIVATE_CLOSING_REASONS = List.of(IdeaStage.OUT_OF_SCOPE.name(),
      IdeaStage.WITHDRAWN.name(), IdeaStage.INCUBATION_NOT_STARTED.name());

  private final JdbcClient jdbc;
  private final EngineHistoryAnonymiser engineHistory;

  public IdeaAnonymiser(JdbcClient jdbc, EngineHistoryAnonymiser engineHistory) {
    this.jdbc = jdbc;
    this.engineHistory = engineHistory;
  }

  /**
   * Closed ideas past the cut-off in which somebody is still named, oldest first: not anonymised
   * yet, or anonymised but commented or supported since (the idea box stays open to them).
   */
  public List<String> closedOnOrBefore(Instant cutoff, int max) {
    return jdbc.sql("select reference from idea i where closed_at is not null and closed_at <= :cutoff"
            + " and (anonymised_at is null"
            + " or exists (select 1 from idea_comment c where c.idea_reference = i.reference)"
            + " or exists (select 1 from idea_support s where s.idea_reference = i.reference and s.agent not like :strangers))"
            + " order by closed_at, reference")
        .param("cutoff", Timestamp.from(cutoff))
        .param("strangers", ANONYMOUS + "-%")
        .query(String.class)
        .list().stream().limit(max).toList();
  }

  /**
   * Returns false, changing nothing, when the idea is unknown or still open (an idea reopened
   * cannot happen today, but an anonymised running process would break).
   */
  @Transactional
  public boolean anonymise(String reference, Instant now) {
    Boolean closed = jdbc.sql("select closed_at is not null from idea where reference = :ref")
        .param("ref", reference).query(Boolean.class).optional().orElse(null);
    if (closed == null || !closed) {
      return false;
    }
    jdbc.sql("update idea set ideator = :anonymous, ideator_name_shown = false, anonymised_at = :now,"
            + " closing_reason = case when stage in (:private) then null else closing_reason end"
            + " where reference = :ref")
        .param("anonymous", ANONYMOUS)
        .param("private", PRIVATE_CLOSING_REASONS)
        .param("now", Timestamp.from(now))
        .param("ref", reference)
        .update();
    // Supports stay counted: each supporter becomes a stranger.
    jdbc.sql("select agent from idea_support where idea_reference = :ref").param("ref", reference)
        .query(String.class).list()
        .forEach(agent -> stranger(jdbc, reference, agent));
    // A comment is its author's opinion in their own words: without its author it would still
    // point at them, so it goes.
    jdbc.sql("delete from idea_comment where idea_reference = :ref").param("ref", reference).update();
    jdbc.sql("update incubation_workstream set expert = :anonymous, expert_comment = :text,"
            + " deliverable_summary = :text where idea_reference = :ref")
        .param("anonymous", ANONYMOUS)
        .param("text", ANONYMISED)
        .param("ref", reference)
        .update();
    engineHistory.anonymiseInstances(engineHistory.finishedInstancesOf(reference));
    return true;
  }

  /**
   * Replaces a supporter by a pseudonym nobody can trace back (random, never derived from the id),
   * unique so the idea's count of supports stays the same.
   */
  static void stranger(JdbcClient jdbc, String reference, String agent) {
    jdbc.sql("update idea_support set agent = :stranger where idea_reference = :ref and agent = :agent")
        .param("stranger", ANONYMOUS + "-" + UUID.randomUUID())
        .param("ref", reference)
        .param("agent", agent)
        .update();
  }
}
