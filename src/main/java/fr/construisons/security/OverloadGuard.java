package fr.construisons.security;

import fr.construisons.ideabox.LatestIdeasFeed;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 17: under more load than the node can serve, our pages and the intranet feed answer at
 * once rather than queue. At most {@code anonymous} requests of visitors who are not signed in
 * (the login page, an anonymous visitor sent to it) and {@code agents} requests of signed-in agents are served at the
 * same time; one more is refused on the spot with 503, {@code Retry-After} and a French message
 * (JSON for the API, a page otherwise), so that Tomcat's threads stay free for the others and for
 * {@code /actuator/health}. Two compartments, so that the intranet's home page, read anonymously
 * by everyone, never takes the agents' places. Nothing waits for a place: a waiting request
 * would hold a Tomcat thread as surely as a slow one.
 *
 * <p>Also a request that could not get a database connection in time (the pool's
 * {@code connection-timeout}) is answered the same way rather than with a 500.
 *
 * <p>The Camunda web applications, the REST API and the actuator are not ours and are not counted
 * ({@link AgentPagesSecurity#isOurPage}); nor are our static files, nor the feed (below).
 */
class OverloadGuard extends OncePerRequestFilter {

  static final String MESSAGE = LatestIdeasFeed.BUSY;
  private static final Logger LOG = LoggerFactory.getLogger(OverloadGuard.class);

  private final SharedLogin login;
  private final Bulkhead anonymous;
  private final Bulkhead agents;
  private final long retryAfterSeconds;

  OverloadGuard(SharedLogin login, int anonymousRequests, int agentRequests, Duration retryAfter) {
    this.login = login;
    this.anonymous = bulkhead("anonymous", anonymousRequests);
    this.agents = bulkhead("agents", agentRequests);
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
  }

  private static Bulkhead bulkhead(String name, int places) {
    return Bulkhead.of(name, BulkheadConfig.custom().maxConcurrentCalls(places).maxWaitDuration(Duration.ZERO)
        .fairCallHandlingStrategyEnabled(false).build());
  }

  /**
   * Not ours, our static files, and the intranet feed: its answers are kept for a minute and cost
   * nothing, and it bounds its own database reads the same way ({@link LatestIdeasFeed}).
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath();
    return !AgentPagesSecurity.isOurPage(request) || path.startsWith("/ressources/") || path.equals(LatestIdeasFeed.PATH);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Bulkhead compartment = login.isSignedIn(request) ? agents : anonymous;
    if (!compartment.tryAcquirePermission()) {
      refuse(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!noConnectionInTime(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("No database connection within the pool's timeout for {} {}: answered 503", request.getMethod(),
          request.getRequestURI());
      response.reset();
      refuse(request, response);
    } finally {
      compartment.onComplete();
    }
  }

  private static boolean noConnectionInTime(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (wantsJson(request)) {
      response.setContentType("application/json");
      response.getWriter().write("{\"type\":\"ServiceBusy\",\"message\":\"" + MESSAGE + "\"}");
    } else {
      response.setContentType("text/html");
      response.getWriter().write("""
          <!DOCTYPE html>
          <html lang="fr"><head><meta charset="utf-8"><title>Service très sollicité — Construisons!</title></head>
          <body><main><h1>Service très sollicité</h1><p>%s</p></main></body></html>
          """.formatted(MESSAGE));
    }
  }

  /** The API (the feed) and scripts that ask for JSON get JSON; a browser gets a page. */
  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getServletPath().startsWith("/api/")
        || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
  }
}
