package fr.construisons.incubation;

import fr.construisons.incubation.IncubationDecisions.WorkstreamConclusion;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code incubation_workstream}; runs in the engine's transaction. */
@Repository
public class WorkstreamReviewRepository {

  private final JdbcClient jdbc;

  public WorkstreamReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(WorkstreamReview review) {
    jdbc.sql("""
            insert into incubation_workstream (idea_reference, workstream, deliverable_summary,
              conclusion, expert, expert_comment, reviewed_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(review.ideaReference(), review.workstream().name(), review.deliverableSummary(),
            review.conclusion().name(), review.expert(), review.expertComment(),
            Timestamp.from(review.reviewedAt()))
        .update();
  }

  /** The workstreams of an idea reviewed after a moment. */
  public List<Workstream> reviewedSince(String ideaReference, java.time.Instant since) {
    return jdbc.sql("select distinct workstream from incubation_workstream where idea_reference = ? and reviewed_at > ?")
        .params(ideaReference, Timestamp.from(since))
        .query((rs, row) -> Workstream.valueOf(rs.getString("workstream")))
        .list();
  }

  /** The latest review of each workstream of an idea, in workstream order. */
  public List<WorkstreamReview> latest(String ideaReference) {
    List<WorkstreamReview> all = jdbc.sql("""
            select * from incubation_workstream where idea_reference = ? order by reviewed_at desc, id desc""")
        .param(ideaReference)
        .query((rs, row) -> new WorkstreamReview(
            rs.getString("idea_reference"),
            Workstream.valueOf(rs.getString("workstream")),
            rs.getString("deliverable_summary"),
            WorkstreamConclusion.valueOf(rs.getString("conclusion")),
            rs.getString("expert"),
            rs.getString("expert_comment"),
            rs.getTimestamp("reviewed_at").toInstant()))
        .list();
    return java.util.Arrays.stream(Workstream.values())
        .flatMap(w -> all.stream().filter(r -> r.workstream() == w).findFirst().stream())
        .toList();
  }

  /**
   * Names {@code pseudonym} instead of this expert and replaces their comment by {@code text} in
   * every review they gave (RGPD erasure at their request); returns how many.
   */
  public int anonymiseExpert(String expert, String pseudonym, String text) {
    return jdbc.sql("update incubation_workstream set expert = :anonymous, expert_comment = :text"
            + " where expert = :agent")
        .param("anonymous", pseudonym).param("text", text).param("agent", expert).update();
  }

  /**
   * Names {@code pseudonym} instead of the experts and replaces their comments and the project
   * team's summaries by {@code text} in every review of this idea (its retention period is over).
   */
  public void anonymise(String ideaReference, String pseudonym, String text) {
    jdbc.sql("update incubation_workstream set expert = :anonymous, expert_comment = :text,"
            + " deliverable_summary = :text where idea_reference = :ref")
        .param("anonymous", pseudonym)
        .param("text", text)
        .param("ref", ideaReference)
        .update();
  }
}
