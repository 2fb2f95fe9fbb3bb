package fr.construisons.organisation;

import java.util.Optional;

/**
 * Where an agent's line manager and directorate are read: Camunda user infos when the
 * organisation file fills the identity tables, the directory's attributes with LDAP.
 */
public interface AgentAttributes {

  /** The user id of the agent's line manager. */
  Optional<String> lineManagerId(String userId);

  /** The code of the directorate where the agent works. */
  Optional<String> directorateCode(String userId);
}
