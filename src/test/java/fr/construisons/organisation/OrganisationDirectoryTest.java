package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.organisation.OrganisationDirectory.Agent;
import fr.construisons.organisation.OrganisationDirectory.Directorate;
import fr.construisons.support.ProcessTest;
import org.camunda.bpm.engine.IdentityService;
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
}
