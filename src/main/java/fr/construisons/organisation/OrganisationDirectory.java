package fr.construisons.organisation;

import java.util.List;
import java.util.Optional;

/**
 * Answers the questions the processes ask about the organisation: who an agent is, how to reach
 * them, which directorates exist and how to reach a directorate or a group.
 */
public interface OrganisationDirectory {

  /** Group ids shared by tasks, authorizations and tests (see the domain notes). */
  String GROUP_AGENTS = "agents";
  String GROUP_INNOVATION_TEAM = "equipe-construisons";
  String GROUP_GENERAL_MANAGEMENT = "direction-generale";
  String GROUP_ADMIN = "camunda-admin";
  /** Operators who read the metrics and the engine's monitoring API (created in Admin, not by the file). */
  String GROUP_SUPERVISION = "supervision";
  String DIRECTORATE_GROUP_PREFIX = "dir-";
  /** Camunda user-info key holding the id of a user's line manager (organisation file source). */
  String MANAGER_INFO_KEY = "manager";

  /**
   * The agent with this user id. Answered from a bounded cache of the engine's users for a few
   * minutes (a renamed agent shows under the new name within that time): pages name many authors,
   * and each look-up would otherwise be a query, and a connection, of its own.
   */
  Optional<Agent> agent(String userId);

  /**
   * The agents among these user ids, by id (unknown ids are absent), from the same cache, the
   * others read in one query. Call it once the rows that name them have been read, never from a
   * row mapper: the engine takes a connection of its own, and a thread waiting for a second
   * connection while it holds one starves the pool under load (issue 17).
   */
  java.util.Map<String, Agent> agents(java.util.Collection<String> userIds);

  /** The agent's line manager, who agrees the working time given to an incubation. */
  Optional<Agent> lineManagerOf(String userId);

  /** The directorate where the agent works (not the ones they answer for: see {@code dir-<code>}). */
  Optional<Directorate> directorateOf(String userId);

  /** The members of a Camunda group (e.g. the experts of a workstream), by user id. */
  List<Agent> members(String groupId);

  List<Directorate> directorates();

  Optional<Directorate> directorate(String code);

  /**
   * The directorate's name as people read it, or its code when the directorate has left the
   * organisation (an old idea keeps the code it was filed with).
   */
  default String directorateName(String code) {
    return directorate(code).map(Directorate::name).orElse(code);
  }

  /** Mail addresses of the members of a Camunda group (e.g. the innovation team). */
  List<String> groupMails(String groupId);

  /**
   * The addresses of whoever holds a task a deadline watches: its assignee, else its candidate
   * users and the members of its candidate groups; people without an address are left out.
   */
  default List<String> mailsOf(fr.construisons.process.WatchedTask task) {
    java.util.Set<String> mails = new java.util.LinkedHashSet<>();
    for (String user : task.users()) {
      agent(user).map(Agent::email).filter(m -> m != null && !m.isBlank()).ifPresent(mails::add);
    }
    if (task.assignee() == null) {
      task.candidateGroups().forEach(group -> mails.addAll(groupMails(group)));
    }
    return List.copyOf(mails);
  }

  /** The directorate that runs the scheme, to which an overdue clarification call is escalated. */
  Directorate innovationDirectorate();

  static String directorateGroup(String code) {
    return DIRECTORATE_GROUP_PREFIX + code;
  }

  record Agent(String id, String firstName, String lastName, String email) {
    public String displayName() {
      return (firstName + " " + lastName).trim();
    }
  }

  record Directorate(String code, String name, String mailbox) {
    public String groupId() {
      return directorateGroup(code);
    }
  }
}
