package fr.construisons.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Our own guards in front of the Camunda web applications (Cockpit, Tasklist, Admin). */
@Configuration(proxyBeanMethods = false)
public class WebappSecurityConfiguration {

  /**
   * Before every filter of the web applications (authentication, CSRF…): the setup request is
   * refused whoever sends it, however it is spelt.
   */
  @Bean
  FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(ProcessEngine engine,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String adminApi = webappPath + "/api/admin";
    FilterRegistrationBean<AdminSetupGuard> registration =
        new FilterRegistrationBean<>(new AdminSetupGuard(engine, adminApi));
    registration.setName("construisons-admin-setup-guard");
    // The whole Admin API: the guard itself decides on the normalised path, so a doubled slash or
    // an odd case cannot step around a narrower URL pattern.
    registration.addUrlPatterns(adminApi + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
