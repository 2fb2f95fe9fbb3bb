package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.organisation.OrganisationFile.AgentEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class OrganisationFileGeneratorTest {

  @Test
  void a_generated_organisation_is_a_management_tree_with_every_role_of_the_scheme(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("organisation.yml");
    OrganisationFileGenerator.main(new String[] {file.toString(), "2000", "12"});

    OrganisationFile organisation = OrganisationFileReader.read(new FileSystemResource(file));

    assertThat(organisation.agents()).hasSize(2000);
    assertThat(organisation.directorates()).hasSize(12);
    assertThat(organisation.innovationDirectorate()).isEqualTo("dpm");
    Map<String, AgentEntry> byId = organisation.agentsById();
    // One root (the DGS); everyone else reaches it through managers, without a cycle.
    assertThat(organisation.agents().stream().filter(a -> a.manager() == null)).hasSize(1);
    for (AgentEntry agent : organisation.agents()) {
      AgentEntry current = agent;
      for (int depth = 0; current.manager() != null; depth++) {
        assertThat(depth).as("management chain of " + agent.id()).isLessThan(6);
        current = byId.get(current.manager());
      }
    }
    Map<String, Long> members = new HashMap<>();
    organisation.agents().forEach(a -> a.groups().forEach(g -> members.merge(g, 1L, Long::sum)));
    assertThat(members.get(GROUP_GENERAL_MANAGEMENT)).isEqualTo(5);
    assertThat(members.get(GROUP_INNOVATION_TEAM)).isEqualTo(5);
    assertThat(members).containsEntry("experts-juridique", 5L).containsEntry("experts-finances", 5L)
        .containsEntry("experts-marche", 5L).containsEntry("experts-parcours-usagers", 5L);
    organisation.directorates().forEach(d -> assertThat(members.get(d.groupId())).as(d.groupId()).isBetween(1L, 2L));
    Set<String> mails = organisation.agents().stream().map(AgentEntry::email).collect(Collectors.toSet());
    assertThat(mails).hasSize(2000);
    assertThat(organisation.agents()).allSatisfy(a -> assertThat(a.id()).matches("[a-z0-9]+"));
    assertThat(Files.readString(file)).contains("first-name: \"");
  }

  @Test
  void the_same_arguments_give_the_same_file() {
    assertThat(OrganisationFileGenerator.generate(500, 5, 1, null))
        .isEqualTo(OrganisationFileGenerator.generate(500, 5, 1, null));
  }
}
