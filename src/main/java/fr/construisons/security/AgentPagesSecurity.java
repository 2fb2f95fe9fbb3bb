package fr.construisons.security;

import fr.construisons.organisation.CurrentAgent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.support.csrf.CsrfRequestDataValueProcessor;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Our own pages for agents (idea box, dashboard, login): signed in through {@link SharedLogin},
 * CSRF tokens on every form (Spring Security's filter; Thymeleaf adds the hidden field to every
 * {@code th:action} form), and strict security headers. The Camunda web applications under
 * {@code /camunda} keep Camunda's own filters.
 */
@Configuration(proxyBeanMethods = false)
public class AgentPagesSecurity implements WebMvcConfigurer {

  /** Paths of pages that need a signed-in agent. */
  public static final List<String> SIGNED_IN_PATHS = List.of("/idees", "/idees/**", "/tableau-de-bord", "/tableau-de-bord/**",
      "/mes-donnees", "/mes-donnees/**");
  /** Every path of ours whose forms post: CSRF and headers apply to them all. */
  static final String[] PAGE_URL_PATTERNS = {"/idees/*", "/tableau-de-bord/*", "/mes-donnees/*", "/connexion", "/deconnexion",
      "/api/idees/*"};

  public static final String LOGIN_PATH = "/connexion";
  static final String CURRENT_AGENT = CurrentAgent.class.getName();

  private final SharedLogin login;

  public AgentPagesSecurity(SharedLogin login) {
    this.login = login;
  }

  @Bean
  FilterRegistrationBean<CsrfFilter> agentPagesCsrfFilter() {
    CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
    filter.setAccessDeniedHandler((request, response, denied) -> response.sendError(
        HttpServletResponse.SC_FORBIDDEN,
        "Le formulaire a expiré ou ne vient pas de cette page : rechargez la page et recommencez."));
    FilterRegistrationBean<CsrfFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("construisons-agent-pages-csrf");
    registration.addUrlPatterns(PAGE_URL_PATTERNS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * Only our own scripts, styles and images: an agent's text that slipped through escaping could
   * still run nothing. Pages are never framed.
   */
  @Bean
  FilterRegistrationBean<HeaderWriterFilter> agentPagesHeaders() {
    HeaderWriterFilter filter = new HeaderWriterFilter(List.of(
        new ContentSecurityPolicyHeaderWriter("default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'"),
        new XContentTypeOptionsHeaderWriter(),
        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
        new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("construisons-agent-pages-headers");
    registration.addUrlPatterns(PAGE_URL_PATTERNS);
    registration.addUrlPatterns("/idees", "/tableau-de-bord", "/mes-donnees", "/ressources/*", "/error");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
    return registration;
  }

  /** Thymeleaf asks this bean (by name) for the hidden CSRF field of every form. */
  @Bean(name = "requestDataValueProcessor")
  RequestDataValueProcessor requestDataValueProcessor() {
    return new CsrfRequestDataValueProcessor();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new SignedInAgent()).addPathPatterns(SIGNED_IN_PATHS);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentAgentResolver());
  }

  /** Sends an anonymous visitor to the login page, then back where they were going. */
  private final class SignedInAgent implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
        throws Exception {
      var agent = login.current(request);
      if (agent.isPresent()) {
        request.setAttribute(CURRENT_AGENT, agent.get());
        return true;
      }
      String target = request.getRequestURI().substring(request.getContextPath().length());
      if (request.getQueryString() != null && "GET".equals(request.getMethod())) {
        target += "?" + request.getQueryString();
      }
      response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?suite="
          + URLEncoder.encode(target, StandardCharsets.UTF_8));
      return false;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
        ModelAndView view) {
      if (view != null && !view.getViewName().startsWith("redirect:")) {
        view.addObject("agent", request.getAttribute(CURRENT_AGENT));
      }
    }
  }

  private static final class CurrentAgentResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType().equals(CurrentAgent.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
        NativeWebRequest request, WebDataBinderFactory binders) {
      Object agent = request.getAttribute(CURRENT_AGENT, NativeWebRequest.SCOPE_REQUEST);
      if (agent == null) {
        throw new IllegalStateException("No signed-in agent on " + request.getDescription(false));
      }
      return agent;
    }
  }
}
