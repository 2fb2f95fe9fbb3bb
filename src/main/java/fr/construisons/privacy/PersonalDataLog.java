package fr.construisons.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of what was done with an agent's personal data (table {@code personal_data_log}):
 * every exercise of a right, by the agent or by the innovation team on their behalf. It names
 * people by id and says what happened, never the data itself.
 */
@Repository
public class PersonalDataLog {

  /** What can happen to an agent's personal data. */
  public enum Action {
    /** The agent now shows their name with one of their ideas (detail: the idea's reference). */
    NAME_SHOWN("nom affiché avec une idée"),
    /** The agent no longer shows their name with one of their ideas (detail: the reference). */
    NAME_HIDDEN("nom retiré d'une idée"),
    /** The agent downloaded everything the platform holds about them (detail: the format). */
    DATA_EXPORTED("données téléchargées"),
    /** The innovation team erased the agent's data at their request (detail: what was done). */
    DATA_ERASED("données effacées"),
    /** The agent asked for a correction of their data (detail: the request's process instance). */
    CORRECTION_REQUESTED("rectification demandée"),
    /** The agent asked for the erasure of their data (detail: the request's process instance). */
    ERASURE_REQUESTED("effacement demandé"),
    /** The innovation team answered a correction request, having corrected what it says (detail: the request). */
    CORRECTION_ANSWERED("rectification faite"),
    /** The innovation team refused a correction or erasure request (detail: the request and its kind). */
    REQUEST_REFUSED("demande refusée");

    private final String label;

    Action(String label) {
      this.label = label;
    }

    /** In French, as « Mes données » and its exports show it. */
    public String label() {
      return label;
    }
  }

  /** Longest detail the table holds. */
  static final int DETAIL_MAX = 500;

  public record Entry(Instant happenedAt, String actor, String agent, Action action, String detail) {}

  private final JdbcClient jdbc;

  public PersonalDataLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String actor, String agent, Action action, String detail) {
    jdbc.sql("""
            insert into personal_data_log (happened_at, actor, agent, action, detail)
            values (:at, :actor, :agent, :action, :detail)""")
        .param("at", Timestamp.from(Instant.now()))
        .param("actor", actor)
        .param("agent", agent)
        .param("action", action.name())
        .param("detail", detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 1) + "…")
        .update();
  }

  /** Deletes the entries older than the cut-off (their retention period is over); returns how many. */
  public int deleteBefore(Instant cutoff) {
    return jdbc.sql("delete from personal_data_log where happened_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff))
        .update();
  }

  /** What was done with this agent's data, oldest first. */
  public List<Entry> of(String agent) {
    return jdbc.sql("select happened_at, actor, agent, action, detail from personal_data_log where agent = :agent"
            + " order by happened_at, id")
        .param("agent", agent)
        .query((rs, row) -> new Entry(rs.getTimestamp("happened_at").toInstant(), rs.getString("actor"),
            rs.getString("agent"), Action.valueOf(rs.getString("action")), rs.getString("detail")))
        .list();
  }
}
