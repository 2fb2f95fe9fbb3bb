package fr.construisons.ideabox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Je soutiens": at most one support per agent and idea (the table's primary key), counted on the
 * idea's page and in the list.
 */
@Service
public class IdeaSupports {

  private final JdbcClient jdbc;

  public IdeaSupports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean supports(String reference, String agent) {
    return jdbc.sql("select count(*) from idea_support where idea_reference = :reference and agent = :agent")
        .param("reference", reference).param("agent", agent).query(Long.class).single() > 0;
  }

  public long count(String reference) {
    return jdbc.sql("select count(*) from idea_support where idea_reference = :reference")
        .param("reference", reference).query(Long.class).single();
  }

  /**
   * Sets the agent's support to what the button they pressed showed, so that a form sent twice
   * (double click, back button) ends where the agent meant rather than toggling back.
   */
  public void set(String reference, String agent, boolean support) {
    if (!support) {
      jdbc.sql("delete from idea_support where idea_reference = :reference and agent = :agent")
          .param("reference", reference).param("agent", agent).update();
      return;
    }
    if (supports(reference, agent)) {
      return;
    }
    try {
      jdbc.sql("insert into idea_support (idea_reference, agent, supported_at) values (:reference, :agent, :at)")
          .param("reference", reference).param("agent", agent).param("at", Timestamp.from(Instant.now()))
          .update();
    } catch (DuplicateKeyException sameAgentAtTheSameTime) {
      // The other request recorded the same support: one per agent, as wanted.
    }
  }

  public void toggle(String reference, String agent) {
    set(reference, agent, !supports(reference, agent));
  }

  /** A support as its agent gave it: their personal-data export. */
  public record Given(String reference, Instant supportedAt) {}

  /** Every support this agent gave, oldest first. */
  public List<Given> givenBy(String agent) {
    return jdbc.sql("select idea_reference, supported_at from idea_support where agent = :agent order by supported_at")
        .param("agent", agent)
        .query((rs, row) -> new Given(rs.getString("idea_reference"), rs.getTimestamp("supported_at").toInstant()))
        .list();
  }

  /** The references of the ideas this agent supports. */
  public List<String> supportedBy(String agent) {
    return jdbc.sql("select idea_reference from idea_support where agent = :agent")
        .param("agent", agent).query(String.class).list();
  }

  /** The agents supporting this idea. */
  public List<String> supportersOf(String reference) {
    return jdbc.sql("select agent from idea_support where idea_reference = :ref").param("ref", reference)
        .query(String.class).list();
  }

  /**
   * Names {@code pseudonym} instead of this supporter: the support stays counted, without its
   * agent (RGPD). The pseudonym must be unique to the idea (the table's primary key).
   */
  public void replaceSupporter(String reference, String agent, String pseudonym) {
    jdbc.sql("update idea_support set agent = :stranger where idea_reference = :ref and agent = :agent")
        .param("stranger", pseudonym)
        .param("ref", reference)
        .param("agent", agent)
        .update();
  }
}
