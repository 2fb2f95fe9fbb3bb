package fr.construisons.security;

import fr.construisons.process.SeparationOfDuties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The REST API ({@code /engine-rest}) is open to anyone by default: every caller must now prove who
 * they are with HTTP Basic against the engine's own users. Camunda's filter then makes the caller
 * (with their groups and tenants) the authenticated user of every engine call of the request, so
 * the engine's authorizations apply to them exactly as in the web applications.
 */
@Configuration(proxyBeanMethods = false)
class RestApiSecurityConfiguration {

  static final int AUTHENTICATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthenticationFilter(
      JerseyApplicationPath jersey) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("construisons-rest-api-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    // The filter finds the engine name after this prefix; Jersey's servlet path says the same, but
    // stating it keeps the filter right if Jersey is ever mounted as a filter instead.
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX,
        jersey.getPath());
    registration.addUrlPatterns(jersey.getUrlMapping());
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /**
   * After authentication, so an anonymous caller is turned away with 401 before a byte of its
   * body is read.
   */
  @Bean
  FilterRegistrationBean<RequestBodyGuard> restApiRequestBodyGuard(JerseyApplicationPath jersey,
      @Value("${construisons.security.max-request-size:1MB}") DataSize maxRequestSize) {
    FilterRegistrationBean<RequestBodyGuard> registration =
        new FilterRegistrationBean<>(new RequestBodyGuard(maxRequestSize));
    registration.setName("construisons-rest-api-request-body-guard");
    registration.addUrlPatterns(jersey.getUrlMapping());
    registration.setOrder(AUTHENTICATION_ORDER + 10);
    return registration;
  }

  /**
   * After the body guard, so the body it reads is already within the size limit and buffered; see
   * {@link EngineApiGuard} for what a caller who is not an administrator may write.
   */
  @Bean
  FilterRegistrationBean<EngineApiGuard> restApiEngineGuard(JerseyApplicationPath jersey, ProcessEngine engine,
      SeparationOfDuties duties,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<EngineApiGuard> registration =
        new FilterRegistrationBean<>(new EngineApiGuard(engine, duties, webappPath));
    registration.setName("construisons-rest-api-engine-guard");
    registration.addUrlPatterns(jersey.getUrlMapping());
    registration.setOrder(AUTHENTICATION_ORDER + 20);
    return registration;
  }
}
