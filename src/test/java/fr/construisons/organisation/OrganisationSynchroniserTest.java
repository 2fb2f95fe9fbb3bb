package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;
import static fr.construisons.organisation.OrganisationSynchroniser.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.organisation.OrganisationFile.AgentEntry;
import fr.construisons.organisation.OrganisationSynchroniser.SyncReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class OrganisationSynchroniserTest {

  static final OrganisationFile DEMO =
      OrganisationFileReader.read(new ClassPathResource("organisation/demo-organisation.yml"));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Paris"));

  ProcessEngine engine;
  IdentityService identity;
  OrganisationSynchroniser synchroniser;

  void start(boolean passwordPolicy, boolean authorization) {
    engine = StandaloneEngine.start("organisation-sync-test", passwordPolicy, authorization);
    identity = engine.getIdentityService();
    synchroniser = new OrganisationSynchroniser(engine, CLOCK);
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void the_demo_file_becomes_users_groups_memberships_and_infos_and_a_second_run_changes_nothing() {
    start(false, false);
    SyncReport first = synchroniser.synchronise(DEMO);

    assertThat(first.usersCreated()).isEqualTo(9);
    assertThat(first.groupsCreated()).isEqualTo(7 + 5);
    // 9 × agents + lea 2, paul 1, sophie 1, karim 1, jeanne, marc, ines, hugo 1 each.
    assertThat(first.membershipsAdded()).isEqualTo(9 + 2 + 1 + 1 + 1 + 4);
    Group team = identity.createGroupQuery().groupId(GROUP_INNOVATION_TEAM).singleResult();
    assertThat(team.getName()).isEqualTo("Équipe Construisons!");
    assertThat(identity.createGroupQuery().groupId("dir-education").singleResult().getName())
        .isEqualTo("Direction de l'éducation");
    User lea = identity.createUserQuery().userId("lea").singleResult();
    assertThat(lea.getFirstName()).isEqualTo("Léa");
    assertThat(lea.getEmail()).isEqualTo("lea.durand@departement.example");
    assertThat(groupsOf("lea")).containsExactlyInAnyOrder(GROUP_AGENTS, GROUP_INNOVATION_TEAM, "dir-dpm");
    assertThat(identity.getUserInfo("camille", MANAGER_INFO_KEY)).isEqualTo("sophie");
    assertThat(identity.getUserInfo("camille", DIRECTORATE_INFO_KEY)).isEqualTo("education");
    assertThat(identity.getUserInfo("camille", SOURCE_INFO_KEY)).isEqualTo(SOURCE_FILE);
    assertThat(identity.getUserInfo("paul", MANAGER_INFO_KEY)).isNull();
    assertThat(identity.checkPassword("camille", "demo")).isTrue();

    SyncReport second = synchroniser.synchronise(DEMO);
    assertThat(second.changes()).as(second.summary()).isZero();
  }

  @Test
  void changes_in_the_file_update_names_mails_managers_directorates_and_managed_memberships_only() {
    start(false, false);
    synchroniser.synchronise(DEMO);
    // Given by hand in Admin: outside the groups the file manages, so it stays.
    identity.saveGroup(identity.newGroup("comite-numerique"));
    identity.createMembership("marc", "comite-numerique");
    identity.setUserInfo("marc", "phone", "04 76 00 00 00");
    identity.saveUser(withPassword(identity.createUserQuery().userId("karim").singleResult(), "karim-chose-this"));

    OrganisationFile changed = change(DEMO, agent -> switch (agent.id()) {
      case "karim" -> new AgentEntry("karim", "Karim", "Roux-Benali", "karim.roux-benali@departement.example",
          "dsi", "lea", List.of("dir-dsi", "experts-marche"), "demo");
      case "marc" -> new AgentEntry("marc", "Marc", "Fontaine", "marc.fontaine@departement.example", "dsi", null,
          List.of(), "demo");
      default -> agent;
    });
    SyncReport report = synchroniser.synchronise(changed);

    assertThat(report.usersUpdated()).as(report.summary()).isEqualTo(2);
    assertThat(report.usersCreated() + report.usersDisabled()).isZero();
    User karim = identity.createUserQuery().userId("karim").singleResult();
    assertThat(karim.getLastName()).isEqualTo("Roux-Benali");
    assertThat(karim.getEmail()).isEqualTo("karim.roux-benali@departement.example");
    assertThat(groupsOf("karim")).containsExactlyInAnyOrder(GROUP_AGENTS, "dir-dsi", "experts-marche");
    assertThat(identity.getUserInfo("karim", MANAGER_INFO_KEY)).isEqualTo("lea");
    assertThat(identity.getUserInfo("karim", DIRECTORATE_INFO_KEY)).isEqualTo("dsi");
    assertThat(identity.checkPassword("karim", "karim-chose-this"))
        .as("a password belongs to its owner once the user exists").isTrue();
    assertThat(groupsOf("marc")).containsExactlyInAnyOrder(GROUP_AGENTS, "comite-numerique");
    assertThat(identity.getUserInfo("marc", MANAGER_INFO_KEY)).isNull();
    assertThat(identity.getUserInfo("marc", "phone")).isEqualTo("04 76 00 00 00");

    assertThat(synchroniser.synchronise(changed).changes()).isZero();
  }

  @Test
  void an_agent_removed_from_the_file_is_disabled_not_deleted_and_enabled_again_when_back() {
    start(false, false);
    synchroniser.synchronise(DEMO);
    identity.saveGroup(identity.newGroup(GROUP_ADMIN));
    identity.createMembership("hugo", GROUP_ADMIN);
    OrganisationFile withoutHugo = remove(DEMO, "hugo");

    SyncReport removal = synchroniser.synchronise(withoutHugo);

    assertThat(removal.usersDisabled()).as(removal.summary()).isEqualTo(1);
    assertThat(removal.membershipsRemoved()).isEqualTo(3);
    User hugo = identity.createUserQuery().userId("hugo").singleResult();
    assertThat(hugo).as("history keeps the name").isNotNull();
    assertThat(hugo.getLastName()).isEqualTo("Lambert");
    assertThat(groupsOf("hugo")).as("no access left, camunda-admin included").isEmpty();
    assertThat(identity.checkPassword("hugo", "demo")).isFalse();
    assertThat(identity.getUserInfo("hugo", DISABLED_INFO_KEY)).isEqualTo("2026-03-02");
    assertThat(synchroniser.synchronise(withoutHugo).changes()).isZero();

    // Back in the file, without a password: memberships come back, the password stays unknown.
    OrganisationFile backWithoutPassword = change(DEMO, agent -> agent.id().equals("hugo")
        ? new AgentEntry("hugo", "Hugo", "Lambert", agent.email(), "dsi", "paul", agent.groups(), null) : agent);
    SyncReport back = synchroniser.synchronise(backWithoutPassword);
    assertThat(back.usersEnabledAgain()).as(back.summary()).isEqualTo(1);
    assertThat(groupsOf("hugo")).containsExactlyInAnyOrder(GROUP_AGENTS, "experts-parcours-usagers");
    assertThat(identity.getUserInfo("hugo", DISABLED_INFO_KEY)).isNull();
    assertThat(identity.checkPassword("hugo", "demo")).isFalse();

    // Disabled and back with a password in the file: that password is set.
    synchroniser.synchronise(withoutHugo);
    synchroniser.synchronise(DEMO);
    // The wrong-password checks above made the engine delay hugo's next login: as an admin would.
    identity.unlockUser("hugo");
    assertThat(identity.checkPassword("hugo", "demo")).isTrue();
    assertThat(synchroniser.synchronise(DEMO).changes()).isZero();
  }

  @Test
  void users_the_file_never_managed_are_left_alone_and_existing_users_it_lists_are_adopted() {
    start(false, false);
    User admin = identity.newUser("admin");
    admin.setPassword("admin-secret");
    identity.saveUser(admin);
    identity.saveGroup(identity.newGroup("camunda-admin"));
    identity.createMembership("admin", "camunda-admin");
    // Created by the former demo seeder: no source info; its password was changed since.
    User camille = identity.newUser("camille");
    camille.setFirstName("Camille");
    camille.setLastName("Martin");
    camille.setPassword("changed-by-camille");
    identity.saveUser(camille);

    synchroniser.synchronise(DEMO);
    synchroniser.synchronise(remove(DEMO, "lea"));

    assertThat(groupsOf("admin")).containsExactly("camunda-admin");
    assertThat(identity.checkPassword("admin", "admin-secret")).isTrue();
    assertThat(identity.getUserInfo("admin", DISABLED_INFO_KEY)).isNull();
    assertThat(identity.getUserInfo("camille", SOURCE_INFO_KEY)).isEqualTo(SOURCE_FILE);
    assertThat(identity.checkPassword("camille", "changed-by-camille")).isTrue();
    assertThat(groupsOf("camille")).containsExactly(GROUP_AGENTS);
  }

  @Test
  void a_file_without_passwords_passes_under_a_password_policy_and_authorization_checks_do_not_block_it() {
    start(true, true);
    identity.setAuthenticatedUserId("someone-without-rights");
    OrganisationFile withoutPasswords = change(DEMO, agent -> new AgentEntry(agent.id(), agent.firstName(),
        agent.lastName(), agent.email(), agent.directorate(), agent.manager(), agent.groups(), null));

    SyncReport report = synchroniser.synchronise(withoutPasswords);

    assertThat(report.usersCreated()).isEqualTo(9);
    assertThat(identity.getCurrentAuthentication().getUserId())
        .as("the caller's authentication is restored").isEqualTo("someone-without-rights");
    identity.clearAuthentication();
    assertThat(identity.checkPassword("lea", "demo")).isFalse();
    assertThat(synchroniser.synchronise(withoutPasswords).changes()).isZero();
  }

  @Test
  void a_weak_password_written_in_the_file_is_refused_under_a_password_policy() {
    start(true, true);

    assertThatThrownBy(() -> synchroniser.synchronise(DEMO))
        .hasMessageContaining("Password does not match policy");
    assertThat(identity.createUserQuery().userId("lea").count()).as("lea created with password demo").isZero();
  }

  @Test
  void ids_the_engine_would_refuse_stop_the_synchronisation_before_anything_is_written() {
    start(false, false);
    OrganisationFile dotted = change(DEMO, agent -> agent.id().equals("camille")
        ? new AgentEntry("camille.martin", agent.firstName(), agent.lastName(), agent.email(), agent.directorate(),
            agent.manager(), agent.groups(), agent.password()) : agent);

    assertThatThrownBy(() -> synchroniser.synchronise(dotted))
        .isInstanceOf(OrganisationFileException.class)
        .hasMessageContaining("camille.martin");
    assertThat(identity.createUserQuery().count()).isZero();
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private static User withPassword(User user, String password) {
    user.setPassword(password);
    return user;
  }

  static OrganisationFile change(OrganisationFile file, UnaryOperator<AgentEntry> change) {
    List<AgentEntry> agents = new ArrayList<>();
    file.agents().forEach(agent -> agents.add(change.apply(agent)));
    return new OrganisationFile(file.source(), file.innovationDirectorate(), file.directorates(), agents);
  }

  static OrganisationFile remove(OrganisationFile file, String userId) {
    return new OrganisationFile(file.source(), file.innovationDirectorate(), file.directorates(),
        file.agents().stream().filter(agent -> !agent.id().equals(userId)).toList());
  }
}
