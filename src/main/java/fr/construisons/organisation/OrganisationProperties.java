package fr.construisons.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code construisons.organisation.*}: where the organisation file is, and who gives the people.
 *
 * @param source {@code file}: the file gives directorates and agents, synchronised into Camunda's
 *     identity tables at start-up; {@code ldap}: the file gives the directorates only, people and
 *     groups come from LDAP / Active Directory (profile {@code ldap}).
 * @param file a Spring resource location, e.g. {@code classpath:organisation/demo-organisation.yml}
 *     or {@code file:/etc/construisons/organisation.yml}
 */
@ConfigurationProperties("construisons.organisation")
public record OrganisationProperties(Source source, String file) {

  public OrganisationProperties {
    source = source == null ? Source.FILE : source;
  }

  public enum Source {
    FILE, LDAP
  }
}
