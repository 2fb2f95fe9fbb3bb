package fr.construisons.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.organisation.OrganisationFile.AgentEntry;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class OrganisationFileReaderTest {

  @Test
  void the_demo_file_reads_with_its_directorates_agents_groups_and_managers() {
    OrganisationFile demo = OrganisationFileReader.read(new ClassPathResource("organisation/demo-organisation.yml"));

    assertThat(demo.innovationDirectorate()).isEqualTo("dpm");
    assertThat(demo.directorates()).extracting(OrganisationDirectory.Directorate::code)
        .containsExactly("education", "mobilites", "dsi", "rh", "dpm");
    assertThat(demo.agents()).extracting(AgentEntry::id)
        .containsExactly("camille", "lea", "paul", "sophie", "karim", "jeanne", "marc", "ines", "hugo");
    AgentEntry lea = demo.agentsById().get("lea");
    assertThat(lea.firstName()).isEqualTo("Léa");
    assertThat(lea.directorate()).isEqualTo("dpm");
    assertThat(lea.manager()).isEqualTo("paul");
    assertThat(lea.groups()).containsExactly("equipe-construisons", "dir-dpm");
    assertThat(lea.password()).isEqualTo("demo");
    assertThat(demo.agentsById().get("paul").manager()).isNull();
  }

  @Test
  void every_problem_is_reported_at_once_in_french_with_the_agent_it_concerns() {
    String yaml = """
        innovation-directorate: innovation
        directorates:
          - { code: education, name: "Direction de l'éducation", mailbox: education@departement.example }
          - { code: education, name: "Encore", mailbox: x@departement.example }
          - { code: "dir sociale", name: "Sociale", mailbox: social@departement.example }
        agents:
          - { id: camille, first-name: Camille, last-name: Martin, directorate: educ, manager: nobody }
          - { id: camille, first-name: Camille, last-name: Martin, directorate: education }
          - { id: paul, first-name: Paul, directorate: education, groups: [camunda-admin, experts-cuisine, dir-rh] }
          - { id: lea, first-name: Léa, last-name: Durand, directorate: education, manager: lea, phone: "04" }
        """;

    assertThatThrownBy(() -> OrganisationFileReader.read(new StringReader(yaml), "essai.yml"))
        .isInstanceOf(OrganisationFileException.class)
        .hasMessageContaining("essai.yml")
        .hasMessageContaining("innovation-directorate : « innovation » n'est pas une des directions")
        .hasMessageContaining("direction « education » : code en double")
        .hasMessageContaining("direction « dir sociale » : le code ne peut contenir")
        .hasMessageContaining("agent « camille » : direction « educ » inconnue")
        .hasMessageContaining("agent « camille » : identifiant en double")
        .hasMessageContaining("agent « camille » : hiérarchie « nobody » absente du fichier")
        .hasMessageContaining("agent « paul » : last-name manquant")
        .hasMessageContaining("agent « paul » : le groupe camunda-admin ne se donne pas par le fichier")
        .hasMessageContaining("agent « paul » : groupe « experts-cuisine » inconnu")
        .hasMessageContaining("agent « paul » : groupe « dir-rh » inconnu")
        .hasMessageContaining("agent « lea » : champ « phone » inconnu")
        .hasMessageContaining("agent « lea » : un agent n'est pas sa propre hiérarchie");
  }

  @Test
  void a_missing_file_says_which_property_to_set() {
    assertThatThrownBy(() -> OrganisationFileReader.read(new FileSystemResource("/nowhere/organisation.yml")))
        .isInstanceOf(OrganisationFileException.class)
        .hasMessageContaining("introuvable")
        .hasMessageContaining("construisons.organisation.file");
  }

  @Test
  void a_file_with_directorates_only_is_enough_for_the_ldap_source() {
    OrganisationFile file = OrganisationFileReader.read(new StringReader("""
        innovation-directorate: dpm
        directorates:
          - { code: dpm, name: "Direction performance et modernisation", mailbox: dpm@departement.example }
        """), "ldap.yml");

    assertThat(file.agents()).isEmpty();
    assertThat(file.directorate("dpm")).isPresent();
  }

  @Test
  void the_writer_writes_what_the_reader_reads_back_including_awkward_values() {
    OrganisationFile generated = OrganisationFileGenerator.generate(300, 6, 7, "no");
    OrganisationFile awkward = OrganisationSynchroniserTest.change(generated, agent -> agent.id().equals(
        generated.agents().get(10).id())
        ? new AgentEntry(agent.id(), "Anne-Marie", "N'Diaye \"dite\" : Nana", null, agent.directorate(),
            agent.manager(), agent.groups(), "yes") : agent);
    StringWriter out = new StringWriter();

    OrganisationFileWriter.write(awkward, "En-tête\nsur deux lignes", out);
    OrganisationFile read = OrganisationFileReader.read(new StringReader(out.toString()), "round-trip");

    assertThat(read.directorates()).isEqualTo(awkward.directorates());
    assertThat(read.agents()).isEqualTo(awkward.agents());
    assertThat(out.toString()).startsWith("# En-tête\n# sur deux lignes\n");
  }
}
