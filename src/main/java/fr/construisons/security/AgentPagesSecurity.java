package fr.construisons.security;

import fr.construisons.organisation.CurrentAgent;
import fr.construisons.organisation.PageFor;
import fr.construisons.organisation.PublicPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Our own pages for agents (idea box, dashboard, login): signed in through {@link SharedLogin},
 * CSRF tokens on every form (Spring Security's filter; Thymeleaf adds the hidden field to every
 * {@code th:action} form), and strict security headers. The Camunda web applications under
 * {@code /camunda} keep Camunda's own filters.
 */
@Configuration(proxyBeanMethods = false)
public class AgentPagesSecurity implements WebMvcConfigurer {

  /**
   * The paths whose filters are not ours: the Camunda web applications (their own CSRF protection
   * and headers), the REST API (HTTP Basic, no forms) and the actuator. Everything else served
   * here is one of our pages or their static files, and gets CSRF and the headers below, so a new
   * page needs no list edited.
   */
  static final List<String> NOT_OUR_PAGES = List.of("/camunda/", "/engine-rest/", "/actuator/");

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
    filter.setRequireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod()) && isOurPage(request));
    registration.setName("construisons-agent-pages-csrf");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * Only our own scripts, styles and images: an agent's text that slipped through escaping could
   * still run nothing. Pages are never framed.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> agentPagesHeaders() {
    HeaderWriterFilter filter = new HeaderWriterFilter(List.of(
        new ContentSecurityPolicyHeaderWriter("default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'"),
        new XContentTypeOptionsHeaderWriter(),
        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
        new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    OncePerRequestFilter ourPagesOnly = new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isOurPage(request);
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        filter.doFilter(request, response, chain);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(ourPagesOnly);
    registration.setName("construisons-agent-pages-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
    return registration;
  }

  /**
   * First of our pages' filters: a request refused for want of room costs nothing else (issue 17;
   * the numbers and their reasoning: application.yml, construisons.load).
   */
  @Bean
  FilterRegistrationBean<OverloadGuard> overloadGuard(
      @Value("${construisons.load.anonymous-requests}") int anonymousRequests,
      @Value("${construisons.load.agent-requests}") int agentRequests,
      @Value("${construisons.load.retry-after}") Duration retryAfter) {
    FilterRegistrationBean<OverloadGuard> registration =
        new FilterRegistrationBean<>(new OverloadGuard(login, anonymousRequests, agentRequests, retryAfter));
    registration.setName("construisons-overload-guard");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }

  /** Thymeleaf asks this bean (by name) for the hidden CSRF field of every form. */
  @Bean(name = "requestDataValueProcessor")
  RequestDataValueProcessor requestDataValueProcessor() {
    return new CsrfRequestDataValueProcessor();
  }

  private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "TRACE", "OPTIONS");

  static boolean isOurPage(HttpServletRequest request) {
    // The path as the container decoded and normalised it, case kept: the handlers that are not
    // ours match it exactly, so any other spelling stays under our filters.
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return NOT_OUR_PAGES.stream().noneMatch(prefix -> path.startsWith(prefix) || (path + "/").equals(prefix));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new SignedInAgent());
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentAgentResolver());
  }

  /**
   * Every page of a controller of ours needs a signed-in agent, unless it is a {@link PublicPage}:
   * an anonymous visitor goes to the login page, then back where they were going. A page
   * {@link PageFor} some groups answers « Accès refusé » (403) to the other agents.
   */
  private final class SignedInAgent implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
        throws Exception {
      if (!(handler instanceof HandlerMethod page) || !isOurs(page) || annotation(page, PublicPage.class) != null) {
        // Camunda's and Spring's own handlers (web applications' files, error page), and public pages.
        return true;
      }
      var agent = login.current(request);
      if (agent.isEmpty()) {
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null && "GET".equals(request.getMethod())) {
          target += "?" + request.getQueryString();
        }
        response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?suite="
            + URLEncoder.encode(target, StandardCharsets.UTF_8));
        return false;
      }
      PageFor groups = annotation(page, PageFor.class);
      if (groups != null && java.util.Arrays.stream(groups.value()).noneMatch(agent.get().groups()::contains)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
      }
      request.setAttribute(CURRENT_AGENT, agent.get());
      return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
        ModelAndView view) {
      // Only our pages' views; another handler's view may have no name (a View object).
      if (view != null && view.getViewName() != null && !view.getViewName().startsWith("redirect:")
          && request.getAttribute(CURRENT_AGENT) != null) {
        view.addObject("agent", request.getAttribute(CURRENT_AGENT));
      }
    }
  }

  private static boolean isOurs(HandlerMethod page) {
    return page.getBeanType().getPackageName().startsWith("fr.construisons.");
  }

  private static <A extends java.lang.annotation.Annotation> A annotation(HandlerMethod page, Class<A> type) {
    A onMethod = page.getMethodAnnotation(type);
    return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(page.getBeanType(), type);
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
