package fr.construisons.idea;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import fr.construisons.process.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idea} catalogue table. Runs in the engine's transaction (same DataSource). */
@Repository
public class IdeaRepository {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> DETAILS_TYPE = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  public IdeaRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Published after each write to the catalogue, inside the writer's transaction: what keeps a
   * copy of ideas (the intranet feed's cache) forgets it once the change is committed.
   */
  public record Changed(String reference) {}

  private void changed(String reference) {
    events.publishEvent(new Changed(reference));
  }

  public void insert(Idea idea) {
    jdbc.sql("""
            insert into idea (reference, title, problem, solution, benefits, ideator,
              ideator_directorate, impacted_directorates, wants_to_carry, stage,
              process_instance_id, submitted_at, stage_changed_at, ideator_name_shown, details, search_text)
            values (:reference, :title, :problem, :solution, :benefits, :ideator,
              :ideatorDirectorate, :impacted, :wantsToCarry, :stage,
              :processInstanceId, :submittedAt, :submittedAt, :nameShown, :details, :searchText)""")
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
        .param("details", detailsColumn(idea.details()))
        .param("searchText", searchText(idea.reference(), idea.title(), idea.problem(), idea.solution()))
        .update();
    changed(idea.reference());
  }

  /** Keeps the catalogue in line with a reformulation by the ideator. */
  public void updateContent(String reference, String title, String problem, String solution,
      String benefits, List<String> impactedDirectorates, boolean wantsToCarry, Map<String, String> details) {
    jdbc.sql("""
            update idea set title = :title, problem = :problem, solution = :solution,
              benefits = :benefits, impacted_directorates = :impacted, wants_to_carry = :wantsToCarry,
              details = :details, search_text = :searchText
            where reference = :reference""")
        .param("details", detailsColumn(details))
        .param("searchText", searchText(reference, title, problem, solution))
        .param("title", title)
        .param("problem", problem)
        .param("solution", solution)
        .param("benefits", benefits)
        .param("impacted", String.join(",", impactedDirectorates))
        .param("wantsToCarry", wantsToCarry)
        .param("reference", reference)
        .update();
    changed(reference);
  }

  /**
   * What the idea box's search compares (column {@code search_text}): the reference and the texts
   * it searches, folded (lower case, no accents: {@link Texts#folded}), so that « reunion » finds
   * « Réunion » with a plain {@code like} on H2 and PostgreSQL alike. Written with every change of
   * those texts; {@link #fillMissingSearchText} for rows written before the column existed.
   */
  static String searchText(String reference, String title, String problem, String solution) {
    return Texts.folded(String.join("\n", reference, title, problem, solution));
  }

  /** Rows filled in per statement by {@link #fillMissingSearchText}. */
  private static final int SEARCH_TEXT_BATCH = 500;

  /**
   * Fills in the search text of the ideas that have none (written before the column existed), a
   * batch at a time; the number of rows filled in. Harmless to run twice, or on two nodes at once:
   * both write the same value.
   */
  public int fillMissingSearchText() {
    int filled = 0;
    while (true) {
      List<String[]> rows = jdbc.sql("select reference, title, problem, solution from idea where search_text is null"
              + " order by reference offset 0 rows fetch next " + SEARCH_TEXT_BATCH + " rows only")
          .query((rs, row) -> new String[] {rs.getString("reference"), rs.getString("title"), rs.getString("problem"),
              rs.getString("solution")})
          .list();
      for (String[] row : rows) {
        filled += jdbc.sql("update idea set search_text = :searchText where reference = :reference")
            .param("searchText", searchText(row[0], row[1], row[2], row[3]))
            .param("reference", row[0])
            .update();
      }
      if (rows.size() < SEARCH_TEXT_BATCH) {
        return filled;
      }
    }
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
    changed(reference);
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
    changed(reference);
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

  /** An idea as the similar-ideas prefilter reads it. */
  public record Candidate(String reference, String title, String problem, IdeaStage stage) {}

  /**
   * The newest ideas whose lower-cased title or problem is like one of the patterns (LIKE syntax,
   * escaped by the caller): a cheap prefilter, the caller ranks them.
   */
  public List<Candidate> newestWithTitleOrProblemLike(List<String> patterns, int max) {
    StringBuilder where = new StringBuilder();
    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < patterns.size(); i++) {
      where.append(i == 0 ? "" : " or ")
          .append("lower(i.title) like :w").append(i).append(" or lower(i.problem) like :w").append(i);
      params.put("w" + i, patterns.get(i));
    }
    return jdbc.sql("select i.reference, i.title, i.problem, i.stage from idea i where "
            + where + " order by i.submitted_at desc offset 0 rows fetch next " + max + " rows only")
        .params(params)
        .query((rs, row) -> new Candidate(rs.getString("reference"), rs.getString("title"),
            rs.getString("problem"), IdeaStage.valueOf(rs.getString("stage"))))
        .list();
  }

  /**
   * Stages whose closing reason is an agent's or the team's private words, never published: it goes
   * when the people are taken out of the idea.
   */
  static final List<String> PRIVATE_CLOSING_REASONS = List.of(IdeaStage.OUT_OF_SCOPE.name(),
      IdeaStage.WITHDRAWN.name(), IdeaStage.INCUBATION_NOT_STARTED.name());

  /** The references of this agent's ideas still open, in order: their processes still need the agent. */
  public List<String> openReferencesOf(String ideator) {
    return jdbc.sql("select reference from idea where ideator = :agent and closed_at is null order by reference")
        .param("agent", ideator).query(String.class).list();
  }

  /**
   * Names {@code pseudonym} instead of the ideator in each of their closed ideas, hides their name
   * and drops a private closing reason (RGPD erasure at the agent's request); returns how many.
   */
  public int anonymiseClosedIdeasOf(String ideator, String pseudonym) {
    int anonymised = jdbc.sql("update idea set ideator = :anonymous, ideator_name_shown = false,"
            + " closing_reason = case when stage in (:private) then null else closing_reason end"
            + " where ideator = :agent and closed_at is not null")
        .param("anonymous", pseudonym)
        .param("private", PRIVATE_CLOSING_REASONS)
        .param("agent", ideator)
        .update();
    changed(null);
    return anonymised;
  }

  /**
   * Closed ideas past the cut-off in which somebody is still named, oldest first: not anonymised
   * yet, or anonymised but commented or supported since (the idea box stays open to them), a
   * supporter named {@code strangers} (a LIKE pattern) being nobody. The query is the idea's (the
   * main table) although it looks into comments and supports, so that the retention job stays one
   * statement (docs/performance.md).
   */
  public List<String> closedAndNamedOnOrBefore(Instant cutoff, String strangers, int max) {
    return jdbc.sql("select reference from idea i where closed_at is not null and closed_at <= :cutoff"
            + " and (anonymised_at is null"
            + " or exists (select 1 from idea_comment c where c.idea_reference = i.reference)"
            + " or exists (select 1 from idea_support s where s.idea_reference = i.reference and s.agent not like :strangers))"
            + " order by closed_at, reference")
        .param("cutoff", Timestamp.from(cutoff))
        .param("strangers", strangers)
        .query(String.class)
        .list().stream().limit(max).toList();
  }

  /** Whether the idea is closed; empty when there is no such idea. */
  public Optional<Boolean> closed(String reference) {
    return jdbc.sql("select closed_at is not null from idea where reference = :ref")
        .param("ref", reference).query(Boolean.class).optional();
  }

  /**
   * Names {@code pseudonym} instead of the ideator, hides their name, drops a private closing
   * reason and records when (RGPD: end of the idea's retention period).
   */
  public void anonymise(String reference, String pseudonym, Instant now) {
    jdbc.sql("update idea set ideator = :anonymous, ideator_name_shown = false, anonymised_at = :now,"
            + " closing_reason = case when stage in (:private) then null else closing_reason end"
            + " where reference = :ref")
        .param("anonymous", pseudonym)
        .param("private", PRIVATE_CLOSING_REASONS)
        .param("now", Timestamp.from(now))
        .param("ref", reference)
        .update();
    changed(reference);
  }

  /** An idea as its ideator submitted it, with what became of it: their personal-data export. */
  public record Submitted(String reference, String title, String problem, String solution, String benefits,
      String stage, Instant submittedAt, Instant closedAt, String closingReason, boolean ideatorNameShown,
      Map<String, String> details) {}

  /** Every idea this agent submitted, oldest first. */
  public List<Submitted> submittedBy(String ideator) {
    return jdbc.sql("""
            select reference, title, problem, solution, benefits, stage, submitted_at, closed_at,
              closing_reason, ideator_name_shown, details
            from idea where ideator = :agent order by submitted_at, reference""")
        .param("agent", ideator)
        .query((rs, row) -> {
          Timestamp closedAt = rs.getTimestamp("closed_at");
          return new Submitted(rs.getString("reference"), rs.getString("title"), rs.getString("problem"),
              rs.getString("solution"), rs.getString("benefits"), rs.getString("stage"),
              rs.getTimestamp("submitted_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
              rs.getString("closing_reason"), rs.getBoolean("ideator_name_shown"), details(rs.getString("details")));
        })
        .list();
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
        rs.getBoolean("ideator_name_shown"),
        details(rs.getString("details")));
  }

  /**
   * The details as one JSON object (name to text) in {@code idea.details}: a new detail needs no
   * migration, and the idea is still read in one row.
   */
  private static String detailsColumn(Map<String, String> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The details of a row; the names no declaration knows any more are left out, not shown. */
  public static Map<String, String> details(String column) {
    if (column == null || column.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, String> stored = JSON.readValue(column, DETAILS_TYPE);
      return IdeaDetail.present(IdeaLifecycle.DETAILS, stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable idea.details: " + e.getOriginalMessage(), e);
    }
  }
}
