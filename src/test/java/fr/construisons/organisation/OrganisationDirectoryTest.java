package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.organisation.OrganisationDirectory.Agent;
import fr.construisons.organisation.OrganisationDirectory.Directorate;
import fr.construisons.support.ProcessTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application as it starts: the demo file synchronised into the engine, read through the directory. */
@ProcessTest
class OrganisationDirectoryTest {

  @Autowired OrganisationDirectory directory;
  @Autowired IdentityService identity;

  @Test
  void the_demo_organisation_is_in_the_engine_at_start_up() {
    assertThat(directory.agent("camille")).map(Agent::displayName).hasValue("Camille Martin");
    assertThat(directory.lineManagerOf("camille")).map(Agent::id).hasValue("sophie");
    assertThat(directory.lineManagerOf("paul")).isEmpty();
    assertThat(directory.directorateOf("camille")).map(Directorate::code).hasValue("education");
    assertThat(directory.directorateOf("marc")).map(Directorate::name).hasValue("Direction des systèmes d'information");
    assertThat(directory.directorateOf("admin")).as("not from the file").isEmpty();
    assertThat(directory.members("dir-education")).extracting(Agent::id).containsExactly("sophie");
    assertThat(directory.members(GROUP_AGENTS)).hasSize(9);
    assertThat(directory.groupMails(GROUP_INNOVATION_TEAM)).containsExactly("lea.durand@departement.example");
    assertThat(directory.innovationDirectorate().mailbox()).isEqualTo("dpm@departement.example");
    assertThat(directory.directorates()).extracting(Directorate::code)
        .containsExactly("education", "mobilites", "dsi", "rh", "dpm");
    assertThat(identity.createUserQuery().userId("admin").memberOfGroup(GROUP_ADMIN).count())
        .as("the starter's admin user, not managed by the file").isEqualTo(1);
  }

  /** What the pages name their authors with once their rows are read: known ids only, kept or not. */
  @Test
  void agents_are_looked_up_together_and_unknown_ids_left_out() {
    assertThat(directory.agent("lea")).map(Agent::displayName).hasValue("Léa Durand");
    var found = directory.agents(java.util.Arrays.asList("lea", "camille", "anonyme-123", null, "camille"));
    assertThat(found).containsOnlyKeys("lea", "camille");
    assertThat(found.get("camille").displayName()).isEqualTo("Camille Martin");
    assertThat(found.get("lea").email()).isEqualTo("lea.durand@departement.example");
    assertThat(directory.agents(java.util.List.of())).isEmpty();
  }

  @Test
  void members_with_the_same_last_name_come_by_first_name_then_id_whatever_the_database() {
    // Without a complete ORDER BY, homonyms come in whatever order the database finds them
    // (H2 and PostgreSQL differ): the candidate lists of the incubation forms would shuffle.
    String group = "test-homonymes";
    List<String[]> agents = List.of(new String[] {"zmartin", "Alice"}, new String[] {"amartin", "Zoé"},
        new String[] {"bmartin", "Alice"});
    identity.saveGroup(identity.newGroup(group));
    try {
      for (String[] agent : agents) {
        User user = identity.newUser(agent[0]);
        user.setFirstName(agent[1]);
        user.setLastName("Martin");
        identity.saveUser(user);
        identity.createMembership(agent[0], group);
      }

      assertThat(directory.members(group)).extracting(Agent::id).containsExactly("bmartin", "zmartin", "amartin");
    } finally {
      agents.forEach(agent -> identity.deleteUser(agent[0]));
      identity.deleteGroup(group);
    }
  }
}
