package fr.construisons.ideabox;

import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.process.Texts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Agents' comments on an idea, and their moderation by the innovation team: a hidden comment stays
 * in the table (who hid it, when, why) but its text no longer leaves this class.
 */
@Service
public class IdeaComments {

  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 2000;
  public static final int MAX_REASON_LENGTH = 500;

  /**
   * A comment as the page shows it. {@code body} is null when the comment is hidden, so that no
   * template can show a hidden text by mistake.
   */
  public record Comment(long id, String authorName, Instant writtenAt, String body, boolean hidden,
      String hiddenReason) {

    /** As for PublicIdea: comments stored before texts were cleaned are shown without bidi controls. */
    public Comment {
      body = Texts.withoutBidiControls(body);
      hiddenReason = Texts.withoutBidiControls(hiddenReason);
    }
  }

  private final JdbcClient jdbc;
  private final OrganisationDirectory organisation;

  public IdeaComments(JdbcClient jdbc, OrganisationDirectory organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /** The French error on a comment as typed, or empty if it can be published. */
  public static Optional<String> problemWith(String body) {
    int length = Texts.visibleLength(body);
    if (length < MIN_LENGTH) {
      return Optional.of("Écrivez votre commentaire : au moins " + MIN_LENGTH + " caractères.");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("Votre commentaire fait " + length + " caractères : " + MAX_LENGTH
          + " au plus. Raccourcissez-le, votre texte est conservé ci-dessous.");
    }
    return Optional.empty();
  }

  /** The French error on a reason to hide a comment, or empty if it is acceptable. */
  public static Optional<String> problemWithReason(String reason) {
    int length = Texts.visibleLength(reason);
    if (length == 0) {
      return Optional.of("Indiquez le motif du masquage : il sera affiché à la place du commentaire.");
    }
    if (length > MAX_REASON_LENGTH) {
      return Optional.of("Le motif fait " + length + " caractères : " + MAX_REASON_LENGTH + " au plus.");
    }
    return Optional.empty();
  }

  public List<Comment> of(String reference) {
    List<Row> rows = jdbc.sql("""
            select id, author, body, written_at, hidden_at, hidden_reason from idea_comment
            where idea_reference = :reference order by written_at, id""")
        .param("reference", reference)
        .query(IdeaComments::map)
        .list();
    // Named once the rows are read and the query's connection is back in the pool: the directory
    // asks the engine, which takes a connection of its own (issue 17).
    Map<String, OrganisationDirectory.Agent> authors =
        organisation.agents(rows.stream().map(Row::author).collect(Collectors.toSet()));
    return rows.stream().map(row -> new Comment(row.id(),
            Optional.ofNullable(authors.get(row.author())).map(OrganisationDirectory.Agent::displayName).orElse(row.author()),
            row.writtenAt(), row.body(), row.hidden(), row.hiddenReason()))
        .toList();
  }

  /** A comment as read: its author is named afterwards. {@code body} is null when hidden. */
  private record Row(long id, String author, Instant writtenAt, String body, boolean hidden, String hiddenReason) {}

  public long add(String reference, String author, String body) {
    problemWith(body).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into idea_comment (idea_reference, author, body, written_at)
            values (:reference, :author, :body, :at)""")
        .param("reference", reference).param("author", author).param("body", Texts.clean(body))
        .param("at", Timestamp.from(Instant.now()))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /**
   * Hides a comment of this idea; false if the idea has no such comment. A comment already hidden
   * keeps its first moderation (who, when, why): a second click changes nothing.
   */
  public boolean hide(String reference, long id, String moderator, String reason) {
    problemWithReason(reason).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    return jdbc.sql("""
            update idea_comment set hidden_at = :at, hidden_by = :moderator, hidden_reason = :reason
            where id = :id and idea_reference = :reference and hidden_at is null""")
        .param("at", Timestamp.from(Instant.now())).param("moderator", moderator)
        .param("reason", Texts.clean(reason)).param("id", id).param("reference", reference)
        .update() == 1;
  }

  public boolean exists(String reference, long id) {
    return jdbc.sql("select count(*) from idea_comment where id = :id and idea_reference = :reference")
        .param("id", id).param("reference", reference).query(Long.class).single() > 0;
  }

  /** A comment as its author wrote it, hidden or not: their personal-data export. */
  public record Written(String reference, String body, Instant writtenAt, String hiddenReason) {}

  /** Every comment this agent wrote, oldest first. */
  public List<Written> writtenBy(String author) {
    return jdbc.sql("select idea_reference, body, written_at, hidden_reason from idea_comment where author = :agent"
            + " order by written_at, id")
        .param("agent", author)
        .query((rs, row) -> new Written(rs.getString("idea_reference"), rs.getString("body"),
            rs.getTimestamp("written_at").toInstant(), rs.getString("hidden_reason")))
        .list();
  }

  /**
   * Deletes every comment of this author and names {@code pseudonym} where they hid somebody
   * else's (RGPD erasure): a comment is its author's words, without them it would still point at
   * them. Returns how many comments went.
   */
  public int eraseAuthor(String author, String pseudonym) {
    int comments = jdbc.sql("delete from idea_comment where author = :agent").param("agent", author).update();
    // The team member who hid somebody else's comment is named there too.
    jdbc.sql("update idea_comment set hidden_by = :anonymous where hidden_by = :agent")
        .param("anonymous", pseudonym).param("agent", author).update();
    return comments;
  }

  /** Deletes every comment on this idea (its retention period is over). */
  public void deleteAllOn(String reference) {
    jdbc.sql("delete from idea_comment where idea_reference = :ref").param("ref", reference).update();
  }

  private static Row map(ResultSet rs, int row) throws SQLException {
    boolean hidden = rs.getTimestamp("hidden_at") != null;
    return new Row(
        rs.getLong("id"),
        rs.getString("author"),
        rs.getTimestamp("written_at").toInstant(),
        hidden ? null : rs.getString("body"),
        hidden,
        hidden ? rs.getString("hidden_reason") : null);
  }
}
