package fr.construisons.security;

import fr.construisons.process.SeparationOfDuties;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Our own guards in front of the Camunda web applications (Cockpit, Tasklist, Admin). */
@Configuration(proxyBeanMethods = false)
class WebappSecurityConfiguration {

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

  /** The same limits on the web applications' API as on the REST API (see {@link RequestBodyGuard}). */
  @Bean
  FilterRegistrationBean<RequestBodyGuard> webappRequestBodyGuard(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${construisons.security.max-request-size:1MB}") DataSize maxRequestSize) {
    FilterRegistrationBean<RequestBodyGuard> registration =
        new FilterRegistrationBean<>(new RequestBodyGuard(maxRequestSize));
    registration.setName("construisons-webapp-request-body-guard");
    registration.addUrlPatterns(webappPath + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * The same write rules on the engine resources the web applications call as on the REST API
   * ({@link EngineApiGuard}), after the body guard; it reads the signed-in user from the session.
   */
  @Bean
  FilterRegistrationBean<EngineApiGuard> webappEngineGuard(ProcessEngine engine, SeparationOfDuties duties,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<EngineApiGuard> registration =
        new FilterRegistrationBean<>(new EngineApiGuard(engine, duties, webappPath));
    registration.setName("construisons-webapp-engine-guard");
    registration.addUrlPatterns(webappPath + "/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }
}
