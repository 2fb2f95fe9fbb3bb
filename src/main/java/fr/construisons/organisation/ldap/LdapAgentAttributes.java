package fr.construisons.organisation.ldap;

import fr.construisons.organisation.AgentAttributes;
import java.util.List;
import java.util.Optional;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.filter.AndFilter;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.ldap.filter.HardcodedFilter;
import org.springframework.ldap.query.LdapQuery;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.query.SearchScope;

/**
 * Reads the line manager and the directorate from the user's directory entry, found the way
 * Camunda's LDAP plugin finds it (same search base, filter and id attribute), so that both agree
 * on who a user id is. The manager attribute holds a DN: the manager's entry gives their user id.
 * A directory that does not answer raises an error (the job retries, then shows an incident)
 * rather than passing for "no manager".
 */
class LdapAgentAttributes implements AgentAttributes {

  private final LdapTemplate ldap;
  private final LdapConfiguration plugin;
  private final LdapProperties properties;

  public LdapAgentAttributes(LdapTemplate ldap, LdapConfiguration plugin, LdapProperties properties) {
    this.ldap = ldap;
    this.plugin = plugin;
    this.properties = properties;
  }

  @Override
  public Optional<String> lineManagerId(String userId) {
    return attribute(userId, properties.managerAttribute()).flatMap(this::userIdOf);
  }

  @Override
  public Optional<String> directorateCode(String userId) {
    return attribute(userId, properties.directorateAttribute());
  }

  private Optional<String> attribute(String userId, String attribute) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    AndFilter filter = new AndFilter().and(new EqualsFilter(plugin.getUserIdAttribute(), userId));
    if (plugin.getUserSearchFilter() != null && !plugin.getUserSearchFilter().isBlank()) {
      filter.and(new HardcodedFilter(plugin.getUserSearchFilter()));
    }
    LdapQuery query = LdapQueryBuilder.query()
        .base(userSearchBase())
        .searchScope(SearchScope.SUBTREE)
        .countLimit(2)
        .attributes(attribute)
        .filter(filter);
    List<Optional<String>> found = ldap.search(query, (AttributesMapper<Optional<String>>) a -> first(a, attribute));
    return found.isEmpty() ? Optional.empty() : found.get(0);
  }

  private Optional<String> userIdOf(String dn) {
    try {
      String idAttribute = plugin.getUserIdAttribute();
      return ldap.lookup(dn, new String[] {idAttribute}, (AttributesMapper<Optional<String>>) a -> first(a, idAttribute));
    } catch (NameNotFoundException e) {
      // The manager's entry is gone (left the organisation): no manager, the process says so.
      return Optional.empty();
    }
  }

  /** As the plugin: the user search base is relative to the base DN. */
  private String userSearchBase() {
    String base = plugin.getBaseDn() == null ? "" : plugin.getBaseDn();
    String users = plugin.getUserSearchBase();
    if (users == null || users.isBlank()) {
      return base;
    }
    return base.isBlank() ? users : users + "," + base;
  }

  private static Optional<String> first(Attributes attributes, String name) throws NamingException {
    Attribute attribute = attributes.get(name);
    if (attribute == null || attribute.size() == 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(attribute.get()).map(Object::toString).map(String::trim).filter(v -> !v.isEmpty());
  }
}
