package fr.construisons.organisation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Directorates from the organisation file; people, groups and memberships from Camunda's identity
 * service, whatever fills it (the file, synchronised at start-up, or LDAP); line manager and
 * directorate of an agent from {@link AgentAttributes}.
 */
@Service
class ConfiguredOrganisationDirectory implements OrganisationDirectory {

  /**
   * Agents' names and mails change rarely (the organisation file at start-up, LDAP, Admin), and a
   * page of the idea box names up to twenty authors: kept for a few minutes, for as many agents as
   * a national deployment has, so a burst of pages costs no query per author. A name changed in
   * Admin or the directory shows within this time.
   */
  static final Duration AGENTS_KEPT_FOR = Duration.ofMinutes(5);
  static final int AGENTS_KEPT = 20_000;
  /** At most this many ids in one query's {@code in} list. */
  private static final int IDS_PER_QUERY = 500;

  private final Cache<String, Optional<Agent>> agents = Caffeine.newBuilder()
      .maximumSize(AGENTS_KEPT)
      .expireAfterWrite(AGENTS_KEPT_FOR)
      .build();
  private final IdentityService identity;
  private final AgentAttributes attributes;
  private final Map<String, Directorate> directorates = new LinkedHashMap<>();
  private final Directorate innovationDirectorate;

  public ConfiguredOrganisationDirectory(IdentityService identity, AgentAttributes attributes, OrganisationFile file) {
    this.identity = identity;
    this.attributes = attributes;
    file.directorates().forEach(d -> directorates.put(d.code(), d));
    // The file reader has checked that the innovation directorate is one of the directorates.
    this.innovationDirectorate = directorates.get(file.innovationDirectorate());
  }

  @Override
  public Optional<Agent> agent(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    if (asSomebody()) {
      return read(userId);
    }
    // An unknown id is kept too (empty): an erased agent's pseudonym is looked up on every page.
    return agents.get(userId, this::read);
  }

  private Optional<Agent> read(String userId) {
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
        .map(ConfiguredOrganisationDirectory::toAgent);
  }

  /**
   * Inside a command of an authenticated user (a listener of a task they complete) the engine's
   * authorizations filter the users it returns: what that user may see is not kept for everybody.
   */
  private boolean asSomebody() {
    return identity.getCurrentAuthentication() != null;
  }

  @Override
  public Map<String, Agent> agents(Collection<String> userIds) {
    Map<String, Agent> found = new HashMap<>();
    if (asSomebody()) {
      userIds.stream().filter(Objects::nonNull).distinct()
          .forEach(id -> read(id).ifPresent(agent -> found.put(id, agent)));
      return found;
    }
    Set<String> missing = new TreeSet<>();
    for (String id : userIds) {
      if (id == null) {
        continue;
      }
      Optional<Agent> known = agents.getIfPresent(id);
      if (known == null) {
        missing.add(id);
      } else {
        known.ifPresent(agent -> found.put(id, agent));
      }
    }
    List<String> ids = List.copyOf(missing);
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      Map<String, Agent> read = new HashMap<>();
      identity.createUserQuery().userIdIn(chunk.toArray(String[]::new)).list()
          .forEach(user -> read.put(user.getId(), toAgent(user)));
      for (String id : chunk) {
        // The engine may match ids without regard to case (LDAP): the id asked for is the key.
        Agent agent = read.containsKey(id) ? read.get(id) : read.values().stream()
            .filter(a -> a.id().equalsIgnoreCase(id)).findFirst().orElse(null);
        agents.put(id, Optional.ofNullable(agent));
        if (agent != null) {
          found.put(id, agent);
        }
      }
    }
    return found;
  }

  @Override
  public Optional<Agent> lineManagerOf(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return attributes.lineManagerId(userId).flatMap(this::agent);
  }

  @Override
  public Optional<Directorate> directorateOf(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return attributes.directorateCode(userId).flatMap(this::directorate);
  }

  @Override
  public List<Agent> members(String groupId) {
    // A complete order: homonyms by first name, then id (without it each database has its own).
    return identity.createUserQuery().memberOfGroup(groupId)
        .orderByUserLastName().asc().orderByUserFirstName().asc().orderByUserId().asc()
        .list().stream()
        .map(ConfiguredOrganisationDirectory::toAgent)
        .toList();
  }

  private static Agent toAgent(User u) {
    return new Agent(u.getId(), Objects.toString(u.getFirstName(), ""), Objects.toString(u.getLastName(), ""),
        u.getEmail());
  }

  @Override
  public List<Directorate> directorates() {
    return List.copyOf(directorates.values());
  }

  @Override
  public Optional<Directorate> directorate(String code) {
    return Optional.ofNullable(code).map(directorates::get);
  }

  @Override
  public List<String> groupMails(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .map(User::getEmail)
        .filter(mail -> mail != null && !mail.isBlank())
        .toList();
  }

  @Override
  public Directorate innovationDirectorate() {
    return innovationDirectorate;
  }
}
