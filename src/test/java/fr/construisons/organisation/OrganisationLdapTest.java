package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import fr.construisons.organisation.OrganisationDirectory.Directorate;
import java.net.InetAddress;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile ldap against a real LDAP server (UnboundID, in memory, on a loopback port) loaded with
 * src/test/resources/ldap/organisation.ldif: Camunda 7.24 with the 7.23.0 LDAP plugin finds users,
 * groups and memberships, checks passwords, resolves candidate groups of tasks; the directory reads
 * the manager DN and the directorate from the entries. Its own context, database and engine name,
 * closed afterwards, so the shared {@code @ProcessTest} context is never disturbed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:ldap-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=true",
    // The directorates and their mailboxes still come from the file with LDAP.
    "construisons.organisation.file=classpath:organisation/demo-organisation.yml",
    "construisons.ldap.plugin.manager-dn=" + OrganisationLdapTest.MANAGER_DN,
    "construisons.ldap.plugin.manager-password=" + OrganisationLdapTest.MANAGER_PASSWORD,
    "construisons.ldap.plugin.base-dn=" + OrganisationLdapTest.BASE_DN})
@ActiveProfiles({"test", "ldap"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrganisationLdapTest {

  static final String BASE_DN = "dc=departement,dc=example";
  static final String MANAGER_DN = "cn=construisons,ou=services," + BASE_DN;
  static final String MANAGER_PASSWORD = "service-secret";
  private static InMemoryDirectoryServer server;

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired OrganisationDirectory directory;

  @DynamicPropertySource
  static void ldapServer(DynamicPropertyRegistry registry) throws Exception {
    registry.add("construisons.ldap.plugin.server-url", () -> "ldap://127.0.0.1:" + start().getListenPort());
  }

  private static synchronized InMemoryDirectoryServer start() {
    if (server == null) {
      try {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
            null));
        server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, OrganisationLdapTest.class.getResource("/ldap/organisation.ldif").getPath());
        server.startListening();
      } catch (Exception e) {
        throw new IllegalStateException("in-memory LDAP server", e);
      }
    }
    return server;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.shutDown(true);
      server = null;
    }
  }

  @Test
  void users_groups_and_memberships_come_from_the_directory() {
    assertThat(engine.getProcessEngineConfiguration()).extracting("identityProviderSessionFactory")
        .isInstanceOf(LdapIdentityProviderFactory.class);
    assertThat(identity.isReadOnly()).isTrue();

    User lea = identity.createUserQuery().userId("lea").singleResult();
    assertThat(lea.getFirstName()).isEqualTo("Léa");
    assertThat(lea.getLastName()).isEqualTo("Durand");
    assertThat(lea.getEmail()).isEqualTo("lea.durand@departement.example");
    assertThat(identity.createGroupQuery().groupMember("lea").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder(GROUP_AGENTS, GROUP_INNOVATION_TEAM);
    assertThat(identity.createGroupQuery().groupId(GROUP_INNOVATION_TEAM).singleResult().getName())
        .isEqualTo("Équipe Construisons!");
    assertThat(identity.createUserQuery().memberOfGroup(GROUP_AGENTS).count()).isEqualTo(5);
    assertThat(directory.members("dir-education")).extracting(Agent::id).containsExactly("sophie");
    assertThat(directory.groupMails(GROUP_INNOVATION_TEAM)).containsExactly("lea.durand@departement.example");
  }

  @Test
  void passwords_are_checked_by_the_directory() {
    assertThat(identity.checkPassword("camille", "camille-ldap")).isTrue();
    assertThat(identity.checkPassword("camille", "demo")).isFalse();
    assertThat(identity.checkPassword("nobody", "camille-ldap")).isFalse();
  }

  @Test
  void the_line_manager_and_the_directorate_are_read_from_the_entry() {
    assertThat(directory.lineManagerOf("camille")).map(Agent::displayName).hasValue("Sophie Petit");
    assertThat(directory.lineManagerOf("sophie")).map(Agent::id).hasValue("paul");
    assertThat(directory.lineManagerOf("paul")).as("no manager attribute").isEmpty();
    assertThat(directory.lineManagerOf("jeanne")).as("manager DN without an entry").isEmpty();
    assertThat(directory.lineManagerOf("nobody")).isEmpty();
    assertThat(directory.directorateOf("camille")).map(Directorate::name).hasValue("Direction de l'éducation");
    assertThat(directory.directorateOf("lea")).map(Directorate::code).hasValue("dpm");
    assertThat(directory.innovationDirectorate().code()).as("directorates still come from the file")
        .isEqualTo("dpm");
  }

  @Test
  void a_task_for_a_candidate_group_is_found_through_the_directory_memberships() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("ldap-candidate-group")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_ForTheTeam").camundaCandidateGroups(GROUP_INNOVATION_TEAM)
        .endEvent()
        .done();
    repository.createDeployment().addModelInstance("ldap-candidate-group.bpmn", model).deploy();
    runtime.startProcessInstanceByKey("ldap-candidate-group");

    assertThat(tasks.createTaskQuery().processDefinitionKey("ldap-candidate-group").taskCandidateUser("lea").count())
        .isEqualTo(1);
    assertThat(tasks.createTaskQuery().processDefinitionKey("ldap-candidate-group").taskCandidateUser("camille")
        .count()).isZero();
  }
}
