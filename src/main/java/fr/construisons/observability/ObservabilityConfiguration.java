package fr.construisons.observability;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Health, metrics and who may read them (see docs/operations.md, "Observability"). */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

  @Bean
  static HealthEndpointGroupsPostProcessor publicHealthWithoutMail() {
    return new PublicHealthWithoutMail();
  }

  /** The public health's database check, on connections of its own (its component is "database"). */
  @Bean
  DatabaseReachable databaseHealthIndicator(DataSourceProperties database) {
    return new DatabaseReachable(database);
  }

  /**
   * In front of every actuator address. The actuator runs on the application's port (no
   * {@code management.server.port}): a separate management port would escape this filter.
   */
  @Bean
  FilterRegistrationBean<ActuatorAccessGuard> actuatorAccessGuard(IdentityService identity,
      @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath) {
    FilterRegistrationBean<ActuatorAccessGuard> registration =
        new FilterRegistrationBean<>(new ActuatorAccessGuard(identity, actuatorBasePath));
    registration.setName("construisons-actuator-access-guard");
    registration.addUrlPatterns(actuatorBasePath + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
