package fr.construisons.organisation.ldap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code construisons.ldap.*}: what the project reads from the directory itself. The connection
 * and the user/group mapping are Camunda's LDAP plugin settings, under
 * {@code construisons.ldap.plugin.*} (see docs/organisation.md).
 *
 * @param managerAttribute attribute of a user entry holding the DN of their line manager
 *     ({@code manager} in inetOrgPerson and Active Directory)
 * @param directorateAttribute attribute holding the code of the directorate where the agent works,
 *     as written in the organisation file (e.g. {@code departmentNumber})
 * @param administratorGroup directory group whose members get every authorization in the engine
 *     (Camunda's administrator plugin); empty for none
 */
@ConfigurationProperties("construisons.ldap")
public record LdapProperties(String managerAttribute, String directorateAttribute, String administratorGroup) {

  public LdapProperties {
    managerAttribute = managerAttribute == null || managerAttribute.isBlank() ? "manager" : managerAttribute;
    directorateAttribute = directorateAttribute == null || directorateAttribute.isBlank() ? "departmentNumber"
        : directorateAttribute;
  }
}
