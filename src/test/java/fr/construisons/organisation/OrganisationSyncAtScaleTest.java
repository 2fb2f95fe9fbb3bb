package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.organisation.OrganisationFile.AgentEntry;
import fr.construisons.organisation.OrganisationSynchroniser.SyncReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/**
 * A département-sized organisation (5,000 agents in 20 directorates, the size of the Isère scheme)
 * written by the generator, read back and synchronised into an engine on H2 in memory. Durations
 * are printed for the record, never asserted: the machine's load decides them.
 */
class OrganisationSyncAtScaleTest {

  static final int AGENTS = 5000;
  static final int DIRECTORATES = 20;

  ProcessEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void five_thousand_agents_are_synchronised_and_a_second_run_changes_nothing(@TempDir Path dir) {
    Path path = dir.resolve("organisation-5000.yml");
    OrganisationFileGenerator.write(OrganisationFileGenerator.generate(AGENTS, DIRECTORATES, 2026, null), path);
    long readStart = System.nanoTime();
    OrganisationFile file = OrganisationFileReader.read(new FileSystemResource(path));
    long readMillis = (System.nanoTime() - readStart) / 1_000_000;
    int expectedMemberships = file.agents().stream().mapToInt(agent -> 1 + agent.groups().size()).sum();
    long expectedManagers = file.agents().stream().filter(agent -> agent.manager() != null).count();
    engine = StandaloneEngine.start("organisation-scale-test", false, false);
    IdentityService identity = engine.getIdentityService();
    OrganisationSynchroniser synchroniser = new OrganisationSynchroniser(engine);

    SyncReport first = synchroniser.synchronise(file);
    SyncReport second = synchroniser.synchronise(file);

    assertThat(first.usersCreated()).isEqualTo(AGENTS);
    assertThat(first.membershipsAdded()).isEqualTo(expectedMemberships);
    assertThat(identity.createUserQuery().count()).isEqualTo(AGENTS);
    assertThat(identity.createUserQuery().memberOfGroup(GROUP_AGENTS).count()).isEqualTo(AGENTS);
    assertThat(identity.createGroupQuery().count()).isEqualTo(7 + DIRECTORATES);
    long memberships = identity.createGroupQuery().list().stream()
        .mapToLong(group -> identity.createUserQuery().memberOfGroup(group.getId()).count()).sum();
    assertThat(memberships).isEqualTo(expectedMemberships);
    long managers = engine.getManagementService().createTablePageQuery()
        .tableName(engine.getManagementService().getTableName(
            org.camunda.bpm.engine.impl.persistence.entity.IdentityInfoEntity.class))
        .listPage(0, 100_000).getRows().stream()
        .filter(row -> MANAGER_INFO_KEY.equals(row.get("KEY_"))).count();
    assertThat(managers).isEqualTo(expectedManagers);
    AgentEntry someone = file.agents().get(AGENTS / 2);
    assertThat(identity.getUserInfo(someone.id(), MANAGER_INFO_KEY)).isEqualTo(someone.manager());
    assertThat(second.changes()).as(second.summary()).isZero();

    // A month of staff turnover: 2 % leave, 2 % arrive, 5 % change team or name.
    List<AgentEntry> agents = new ArrayList<>(file.agents());
    List<AgentEntry> leaving = new ArrayList<>();
    for (int i = 0; i < AGENTS / 50; i++) {
      leaving.add(agents.remove(agents.size() - 1 - i * 3));
    }
    for (int i = 0; i < AGENTS / 20; i++) {
      AgentEntry a = agents.get(10 + i * 7);
      agents.set(10 + i * 7, new AgentEntry(a.id(), a.firstName(), a.lastName() + "-Martin", a.email(),
          a.directorate(), a.manager(), a.groups(), null));
    }
    for (int i = 0; i < AGENTS / 50; i++) {
      agents.add(new AgentEntry("nouveau" + i, "Nouvel", "Agent " + i, "nouveau" + i + "@departement.example",
          "dsi", agents.get(0).id(), List.of(), null));
    }
    // Nobody may keep a manager who left.
    List<String> left = leaving.stream().map(AgentEntry::id).toList();
    agents.replaceAll(a -> left.contains(a.manager())
        ? new AgentEntry(a.id(), a.firstName(), a.lastName(), a.email(), a.directorate(), agents.get(0).id(),
            a.groups(), a.password()) : a);
    OrganisationFile turnover = new OrganisationFile("turnover", file.innovationDirectorate(), file.directorates(), agents);
    SyncReport third = synchroniser.synchronise(turnover);
    assertThat(third.usersDisabled()).isEqualTo(AGENTS / 50);
    assertThat(third.usersCreated()).isEqualTo(AGENTS / 50);
    assertThat(synchroniser.synchronise(turnover).changes()).isZero();

    System.out.printf("""
        Organisation de %d agents en %d directions, %d appartenances, %d hiérarchies :
          lecture du fichier    %6d ms
          1re synchronisation   %6d ms  (%s)
          2e synchronisation    %6d ms  (%d changement)
          mouvements d'un mois  %6d ms  (%s)
        """, AGENTS, DIRECTORATES, memberships, managers, readMillis, first.duration().toMillis(), first.summary(),
        second.duration().toMillis(), second.changes(), third.duration().toMillis(), third.summary());
  }
}
