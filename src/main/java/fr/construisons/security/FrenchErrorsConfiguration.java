package fr.construisons.security;

import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Error answers in French wherever they are written (docs/security.md, "Error messages"):
 * {@link EngineErrorsInFrench}'s mappers in the two Jersey applications that serve the engine's
 * resources, the REST API (Spring Boot's Jersey, {@code /engine-rest}) and the web applications'
 * engine API ({@code /camunda/api/engine}, which Camunda's webapp initializer registers as the
 * servlet "Engine Api" unless one of that name exists already); Tomcat's error page
 * ({@link FrenchErrorReportValve}). Spring's own are {@link FrenchErrorAttributes} and
 * templates/error.html.
 */
@Configuration(proxyBeanMethods = false)
class FrenchErrorsConfiguration {

  /** The name under which Camunda's CamundaBpmWebappInitializer registers the webapps' engine API. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ResourceConfigCustomizer frenchEngineErrors() {
    return config -> config.registerClasses(EngineErrorsInFrench.MAPPERS);
  }

  /**
   * Camunda's own servlet for the same address, with its application extended by our mappers.
   * First of the initializers, so Camunda's finds the name taken and adds nothing; were a later
   * Camunda to rename its servlet, the address would still be this one's (the servlet container
   * keeps the first mapping of a path).
   */
  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApi(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    ServletRegistrationBean<ServletContainer> registration =
        new ServletRegistrationBean<>(new ServletContainer(), webappPath + "/api/engine/*");
    registration.setName(WEBAPP_ENGINE_API);
    registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS,
        EngineErrorsInFrench.WebappEngineApi.class.getName());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Ours instead of Tomcat's error report valve on the host (Spring Boot puts a plain one there,
   * without stack or server version): after Boot's customizer, so its valve is there to replace.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> frenchTomcatErrorPage() {
    return new OrderedCustomizer();
  }

  private static final class OrderedCustomizer
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        Container parent = context.getParent();
        for (Valve valve : parent.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve) {
            parent.getPipeline().removeValve(valve);
          }
        }
        parent.getPipeline().addValve(new FrenchErrorReportValve());
        if (parent instanceof StandardHost host) {
          // The host adds a valve of this class at start unless one is there: ours is.
          host.setErrorReportValveClass(FrenchErrorReportValve.class.getName());
        }
      });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
