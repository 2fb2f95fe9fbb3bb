package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the scheme and the demo users at start-up, idempotently: what exists is
 * left as it is (a password changed in Admin stays changed), what is missing is added.
 */
@Component
@ConditionalOnProperty(name = "construisons.organisation.seed-demo", havingValue = "true")
public class DemoOrganisationSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisationSeeder.class);

  private final IdentityService identity;
  private final OrganisationProperties properties;

  public DemoOrganisationSeeder(IdentityService identity, OrganisationProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    groups().forEach(this::ensureGroup);
    int created = 0;
    for (OrganisationProperties.DemoUser demo : properties.demoUsers()) {
      if (ensureUser(demo)) {
        created++;
      }
      for (String groupId : demo.groups()) {
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() == 0) {
          identity.createMembership(demo.id(), groupId);
        }
      }
    }
    // Managers after every user exists, so a manager listed later in the file is found.
    for (OrganisationProperties.DemoUser demo : properties.demoUsers()) {
      if (demo.manager() != null && identity.getUserInfo(demo.id(), MANAGER_INFO_KEY) == null) {
        identity.setUserInfo(demo.id(), MANAGER_INFO_KEY, demo.manager());
      }
    }
    LOG.info("Organisation de démonstration : {} groupes, {} utilisateurs ({} créés)",
        groups().size(), properties.demoUsers().size(), created);
  }

  /** The groups every part of the scheme relies on (see the domain notes), with French names. */
  Map<String, String> groups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(GROUP_AGENTS, "Agents");
    groups.put(GROUP_INNOVATION_TEAM, "Équipe Construisons!");
    groups.put(GROUP_GENERAL_MANAGEMENT, "Direction générale");
    groups.put("experts-juridique", "Experts juridiques");
    groups.put("experts-finances", "Experts financiers");
    groups.put("experts-marche", "Experts étude de marché");
    groups.put("experts-parcours-usagers", "Experts parcours usagers");
    properties.directorates().forEach(d -> groups.put(directorateGroup(d.code()), d.name()));
    return groups;
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private boolean ensureUser(OrganisationProperties.DemoUser demo) {
    if (identity.createUserQuery().userId(demo.id()).count() > 0) {
      return false;
    }
    User user = identity.newUser(demo.id());
    user.setFirstName(demo.firstName());
    user.setLastName(demo.lastName());
    user.setEmail(demo.email());
    user.setPassword(demo.password());
    identity.saveUser(user);
    return true;
  }
}
