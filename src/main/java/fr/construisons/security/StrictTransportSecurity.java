package fr.construisons.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HSTS on every answer of the application (https profile: {@code construisons.security.hsts.enabled}):
 * our pages, their API, static files, the actuator, error pages and the Camunda web applications
 * alike. Camunda's own HSTS header only covered {@code /camunda/*}, and a browser told on one page
 * only learns it there; it is switched off so the header is written once, here.
 *
 * <p>Written whatever the scheme Tomcat sees: behind a TLS terminator the request may reach the node
 * over plain HTTP, and browsers ignore the header on an insecure connection anyway (RFC 6797 §8.1).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "construisons.security.hsts.enabled", havingValue = "true")
public class StrictTransportSecurity {

  static final String HEADER = "Strict-Transport-Security";

  @Bean
  FilterRegistrationBean<HstsFilter> strictTransportSecurityFilter(
      @Value("${construisons.security.hsts.max-age:365d}") Duration maxAge) {
    FilterRegistrationBean<HstsFilter> registration =
        new FilterRegistrationBean<>(new HstsFilter("max-age=" + maxAge.toSeconds()));
    registration.setName("construisons-strict-transport-security");
    registration.addUrlPatterns("/*");
    // Error pages too: a 404 or a 500 is an answer of this site like any other.
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    // First of all: a guard that answers early (401, 403, 413) still answers with the header.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final class HstsFilter extends OncePerRequestFilter {

    private final String value;

    HstsFilter(String value) {
      this.value = value;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // setHeader, not addHeader: the error dispatch of the same response passes here again.
      response.setHeader(HEADER, value);
      chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return false;
    }
  }
}
