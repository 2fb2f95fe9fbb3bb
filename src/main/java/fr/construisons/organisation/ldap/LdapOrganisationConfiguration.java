package fr.construisons.organisation.ldap;

import fr.construisons.organisation.AgentAttributes;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;

/**
 * {@code construisons.organisation.source=ldap} (profile {@code ldap}): users, groups, memberships
 * and passwords come from LDAP / Active Directory through Camunda's read-only LDAP identity
 * provider; the organisation file still gives the directorates; nothing is synchronised. Camunda
 * 7.24 has no LDAP plugin release of its own: 7.23.0 runs on it (OrganisationLdapTest proves it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "construisons.organisation.source", havingValue = "ldap")
@EnableConfigurationProperties(LdapProperties.class)
class LdapOrganisationConfiguration {

  /** Every setting of Camunda's plugin, as documented by Camunda, under construisons.ldap.plugin. */
  @Bean
  @ConfigurationProperties("construisons.ldap.plugin")
  static LdapIdentityProviderPlugin ldapIdentityProviderPlugin() {
    return new LdapIdentityProviderPlugin();
  }

  @Bean
  @ConditionalOnProperty(name = "construisons.ldap.administrator-group")
  static AdministratorAuthorizationPlugin ldapAdministratorAuthorizationPlugin(LdapProperties properties) {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(properties.administratorGroup());
    return plugin;
  }

  /** The plugin's connection, for the attributes it does not read (manager, directorate). */
  @Bean
  LdapContextSource ldapContextSource(LdapIdentityProviderPlugin plugin) {
    LdapContextSource source = new LdapContextSource();
    source.setUrl(plugin.getServerUrl());
    if (plugin.getManagerDn() != null && !plugin.getManagerDn().isBlank()) {
      source.setUserDn(plugin.getManagerDn());
      source.setPassword(plugin.getManagerPassword());
    } else {
      source.setAnonymousReadOnly(true);
    }
    // Absolute names everywhere: the manager attribute holds full DNs.
    source.setBase("");
    return source;
  }

  @Bean
  LdapTemplate ldapTemplate(LdapContextSource source) {
    LdapTemplate template = new LdapTemplate(source);
    // Active Directory answers searches from a domain root with referrals JNDI reports as errors.
    template.setIgnorePartialResultException(true);
    return template;
  }

  @Bean
  AgentAttributes ldapAgentAttributes(LdapTemplate ldap, LdapIdentityProviderPlugin plugin, LdapProperties properties) {
    return new LdapAgentAttributes(ldap, plugin, properties);
  }
}
