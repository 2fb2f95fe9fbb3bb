package fr.construisons.organisation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code construisons.organisation.*}: the directorates and, for the default run, a small demo
 * organisation. The real directory (file or LDAP) replaces the demo users in production.
 */
@ConfigurationProperties("construisons.organisation")
public record OrganisationProperties(
    boolean seedDemo,
    String innovationDirectorate,
    List<DirectorateEntry> directorates,
    List<DemoUser> demoUsers) {

  public OrganisationProperties {
    directorates = directorates == null ? List.of() : List.copyOf(directorates);
    demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
  }

  public record DirectorateEntry(String code, String name, String mailbox) {}

  /** A demo user; {@code manager} is the id of their line manager (may be null). */
  public record DemoUser(String id, String firstName, String lastName, String email, String password,
      List<String> groups, String manager) {

    public DemoUser {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
