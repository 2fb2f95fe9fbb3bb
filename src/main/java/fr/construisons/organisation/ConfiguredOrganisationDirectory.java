package fr.construisons.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    User user = identity.createUserQuery().userId(userId).singleResult();
    return Optional.ofNullable(user).map(ConfiguredOrganisationDirectory::toAgent);
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
