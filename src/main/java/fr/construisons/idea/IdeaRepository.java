package fr.construisons.idea;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idea} catalogue table. Runs in the engine's transaction (same DataSource). */
@Repository
public class IdeaRepository {

  private final JdbcClient jdbc;

  public IdeaRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Idea idea) {
    jdbc.sql("""
            insert into idea (reference, title, problem, solution, benefits, ideator,
              ideator_directorate, impacted_directorates, wants_to_carry, stage,
              process_instance_id, submitted_at, stage_changed_at, ideator_name_shown)
            values (:reference, :title, :problem, :solution, :benefits, :ideator,
              :ideatorDirectorate, :impacted, :wantsToCarry, :stage,
              :processInstanceId, :submittedAt, :submittedAt, :nameShown)""")
        .param("reference", idea.reference())
        .param("title", idea.title())
        .param("problem", idea.problem())
        .param("solution", idea.solution())
        .param("benefits", idea.benefits())
        .param("ideator", idea.ideator())
        .param("ideatorDirectorate", idea.ideatorDirectorate())
        .param("impacted", String.join(",", idea.impactedDirectorates()))
        .param("wantsToCarry", idea.wantsToCarry())
        .param("stage", idea.stage().name())
        .param("processInstanceId", idea.processInstanceId())
        .param("submittedAt", Timestamp.from(idea.submittedAt()))
        .param("nameShown", idea.ideatorNameShown())
        .update();
  }

  /** Keeps the catalogue in line with a reformulation by the ideator. */
  public void updateContent(String reference, String title, String problem, String solution,
      String benefits, List<String> impactedDirectorates, boolean wantsToCarry) {
    jdbc.sql("""
            update idea set title = :title, problem = :problem, solution = :solution,
              benefits = :benefits, impacted_directorates = :impacted, wants_to_carry = :wantsToCarry
            where reference = :reference""")
        .param("title", title)
        .param("problem", problem)
        .param("solution", solution)
        .param("benefits", benefits)
        .param("impacted", String.join(",", impactedDirectorates))
        .param("wantsToCarry", wantsToCarry)
        .param("reference", reference)
        .update();
  }

  public void moveToStage(String reference, IdeaStage stage, String reason, Instant at) {
    int updated = jdbc.sql("""
            update idea set stage = :stage, stage_changed_at = :at,
              closed_at = :closedAt, closing_reason = :reason
            where reference = :reference""")
        .param("stage", stage.name())
        .param("at", Timestamp.from(at))
        .param("closedAt", stage.isClosed() ? Timestamp.from(at) : null)
        .param("reason", stage.isClosed() ? reason : null)
        .param("reference", reference)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("No idea " + reference + " in the catalogue");
    }
  }

  /** The ideator's consent to show their name with the idea, as they last gave it. */
  public void showIdeatorName(String reference, boolean shown) {
    int updated = jdbc.sql("update idea set ideator_name_shown = :shown where reference = :reference")
        .param("shown", shown)
        .param("reference", reference)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("No idea " + reference + " in the catalogue");
    }
  }

  public Optional<Idea> find(String reference) {
    return jdbc.sql("select * from idea where reference = ?")
        .param(reference)
        .query(IdeaRepository::map)
        .optional();
  }

  public long count() {
    return jdbc.sql("select count(*) from idea").query(Long.class).single();
  }

  /** How many ideas stand at each stage (stages without any idea are absent): one query. */
  public java.util.Map<IdeaStage, Long> countByStage() {
    java.util.Map<IdeaStage, Long> counts = new java.util.EnumMap<>(IdeaStage.class);
    jdbc.sql("select stage, count(*) as ideas from idea group by stage")
        .query((rs, row) -> counts.put(IdeaStage.valueOf(rs.getString("stage")), rs.getLong("ideas")))
        .list();
    return counts;
  }

  /**
   * The years from the first idea's submission to the newest one's, newest first, for the year
   * filters. Two look-ups at the ends of the submitted_at index: a {@code select distinct} of the
   * year over every idea took 0.5 s at 100,000 ideas (docs/performance.md).
   */
  public List<Integer> submissionYears() {
    return jdbc.sql("select min(submitted_at) as first_at, max(submitted_at) as last_at from idea")
        .query((rs, row) -> {
          Timestamp first = rs.getTimestamp("first_at");
          Timestamp last = rs.getTimestamp("last_at");
          if (first == null || last == null) {
            return List.<Integer>of();
          }
          List<Integer> years = new java.util.ArrayList<>();
          for (int year = last.toLocalDateTime().getYear(); year >= first.toLocalDateTime().getYear(); year--) {
            years.add(year);
          }
          return years;
        })
        .single();
  }

  private static Idea map(ResultSet rs, int row) throws SQLException {
    Timestamp closedAt = rs.getTimestamp("closed_at");
    String impacted = rs.getString("impacted_directorates");
    return new Idea(
        rs.getString("reference"),
        rs.getString("title"),
        rs.getString("problem"),
        rs.getString("solution"),
        rs.getString("benefits"),
        rs.getString("ideator"),
        rs.getString("ideator_directorate"),
        impacted.isEmpty() ? List.of() : Arrays.asList(impacted.split(",")),
        rs.getBoolean("wants_to_carry"),
        IdeaStage.valueOf(rs.getString("stage")),
        rs.getString("process_instance_id"),
        rs.getTimestamp("submitted_at").toInstant(),
        closedAt == null ? null : closedAt.toInstant(),
        rs.getString("closing_reason"),
        rs.getBoolean("ideator_name_shown"));
  }
}
