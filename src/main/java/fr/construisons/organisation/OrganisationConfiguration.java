package fr.construisons.organisation;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The organisation file is read once at start-up. With {@code construisons.organisation.source=file}
 * (the default) it also gives the people, synchronised into the engine; with {@code ldap} see
 * {@code fr.construisons.organisation.ldap}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrganisationProperties.class)
class OrganisationConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationConfiguration.class);
  static final String SOURCE_PROPERTY = "construisons.organisation.source";

  @Bean
  static OrganisationFile organisationFile(OrganisationProperties properties, ResourceLoader resources) {
    if (properties.file() == null || properties.file().isBlank()) {
      throw new OrganisationFileException("construisons.organisation.file n'est pas renseigné : indiquez le "
          + "fichier d'organisation, par exemple file:/etc/construisons/organisation.yml (voir docs/organisation.md)");
    }
    OrganisationFile file = OrganisationFileReader.read(resources.getResource(properties.file()));
    if (properties.source() == OrganisationProperties.Source.LDAP && !file.agents().isEmpty()) {
      LOG.warn("Annuaire LDAP : les {} agents du fichier {} sont ignorés (seules ses directions servent)",
          file.agents().size(), file.source());
    }
    return file;
  }

  // Static, like every ProcessEnginePlugin bean: the engine configuration collects plugins early.
  @Bean
  @ConditionalOnProperty(name = SOURCE_PROPERTY, havingValue = "file", matchIfMissing = true)
  static OrganisationSyncPlugin organisationSyncPlugin(OrganisationFile file) {
    return new OrganisationSyncPlugin(file);
  }

  @Bean
  @ConditionalOnProperty(name = SOURCE_PROPERTY, havingValue = "file", matchIfMissing = true)
  AgentAttributes userInfoAgentAttributes(IdentityService identity) {
    return new UserInfoAgentAttributes(identity);
  }
}
