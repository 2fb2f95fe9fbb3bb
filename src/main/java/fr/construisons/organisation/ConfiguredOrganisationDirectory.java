package fr.construisons.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Directorates from the configuration, people from Camunda's identity service (whatever fills it:
 * the demo seed today, the organisation file or LDAP later).
 */
@Service
@EnableConfigurationProperties(OrganisationProperties.class)
public class ConfiguredOrganisationDirectory implements OrganisationDirectory {

  private final IdentityService identity;
  private final Map<String, Directorate> directorates = new LinkedHashMap<>();
  private final Directorate innovationDirectorate;

  public ConfiguredOrganisationDirectory(IdentityService identity, OrganisationProperties properties) {
    this.identity = identity;
    properties.directorates().forEach(d -> directorates.put(d.code(), new Directorate(d.code(), d.name(), d.mailbox())));
    this.innovationDirectorate = directorates.get(properties.innovationDirectorate());
    if (innovationDirectorate == null) {
      throw new IllegalStateException("construisons.organisation.innovation-directorate must name one of "
          + directorates.keySet());
    }
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
    return Optional.ofNullable(identity.getUserInfo(userId, MANAGER_INFO_KEY)).flatMap(this::agent);
  }

  @Override
  public List<Agent> members(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc().list().stream()
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
