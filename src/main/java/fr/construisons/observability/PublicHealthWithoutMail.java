package fr.construisons.observability;

import java.util.Set;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.core.Ordered;

/**
 * Spring Boot's root {@code /actuator/health} aggregates every health indicator, and no property
 * takes one out of it. The pool-borrowing {@code db} check must not count there (see
 * {@link #OUTSIDE_PUBLIC_STATUS}), nor the mail indicator: a mail outage only delays mail
 * (the jobs retry, then raise incidents), it must not take the node out of the load balancer. It
 * is read through its own group, {@code /actuator/health/mail}, instead.
 *
 * <p>Boot also lists the names of the groups in the root answer, whatever {@code show-components}
 * says: they are hidden, so the public answer is the status and nothing else. The groups still
 * answer on their paths ({@code /actuator/health/readiness}…).
 */
class PublicHealthWithoutMail implements HealthEndpointGroupsPostProcessor, Ordered {

  /**
   * Indicators outside the public status: the mail (it has its own group), and Spring Boot's
   * {@code db}, which borrows from the application's pool and would queue behind a burst: the
   * public status reads the database through {@link DatabaseReachable} ("database") instead, and
   * {@code db} stays in the supervision's detail.
   */
  static final Set<String> OUTSIDE_PUBLIC_STATUS = Set.of("mail", "db");

  /** After any other post-processor, so nothing lists the groups again. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
    HealthEndpointGroup primary = new Without(groups.getPrimary());
    return new HealthEndpointGroups() {
      @Override
      public HealthEndpointGroup getPrimary() {
        return primary;
      }

      @Override
      public Set<String> getNames() {
        return Set.of();
      }

      @Override
      public HealthEndpointGroup get(String name) {
        return groups.get(name);
      }

      @Override
      public HealthEndpointGroup get(AdditionalHealthEndpointPath path) {
        return groups.get(path);
      }

      @Override
      public Set<HealthEndpointGroup> getAllWithAdditionalPath(WebServerNamespace namespace) {
        return groups.getAllWithAdditionalPath(namespace);
      }
    };
  }

  private record Without(HealthEndpointGroup group) implements HealthEndpointGroup {

    @Override
    public boolean isMember(String name) {
      return !OUTSIDE_PUBLIC_STATUS.contains(name) && group.isMember(name);
    }

    @Override
    public boolean showComponents(SecurityContext securityContext) {
      return group.showComponents(securityContext);
    }

    @Override
    public boolean showDetails(SecurityContext securityContext) {
      return group.showDetails(securityContext);
    }

    @Override
    public StatusAggregator getStatusAggregator() {
      return group.getStatusAggregator();
    }

    @Override
    public HttpCodeStatusMapper getHttpCodeStatusMapper() {
      return group.getHttpCodeStatusMapper();
    }

    @Override
    public AdditionalHealthEndpointPath getAdditionalPath() {
      return group.getAdditionalPath();
    }
  }
}
