package fr.construisons.observability;

import fr.construisons.organisation.OrganisationDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the actuator. There is no Spring Security in this application, so the engine's
 * own users answer: an {@code Authorization: Basic} header is checked with
 * {@link IdentityService#checkPassword} (the engine's login delay after a wrong password applies),
 * and the caller's engine groups become their roles for Spring Boot ({@code isUserInRole}), which
 * is what {@code show-details: when-authorized} and {@code roles} of a health group look at.
 *
 * <ul>
 *   <li>{@code /actuator/prometheus}: only members of {@link #READER_GROUPS} (401 without valid
 *       credentials, 403 for any other user). Every spelling of the address the container maps to
 *       it (case, doubled slashes, {@code %xx}, {@code ;params}) is caught.
 *   <li>{@code /actuator/health/**}: open to anyone (status only); with valid credentials of a
 *       member of {@link #READER_GROUPS}, the {@code detail} group shows its components. Only
 *       that group looks at the credentials.
 * </ul>
 */
class ActuatorAccessGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ActuatorAccessGuard.class);

  /** A dedicated group for the metrics scraper (Prometheus), and the administrators. */
  static final String SUPERVISION_GROUP = OrganisationDirectory.GROUP_SUPERVISION;
  static final Set<String> READER_GROUPS = Set.of(SUPERVISION_GROUP, OrganisationDirectory.GROUP_ADMIN);
  static final String REALM = "Construisons! supervision";

  private final IdentityService identity;
  private final String protectedPath;
  private final String detailPath;

  ActuatorAccessGuard(IdentityService identity, String actuatorBasePath) {
    this.identity = identity;
    this.protectedPath = (actuatorBasePath + "/prometheus").toLowerCase(Locale.ROOT);
    this.detailPath = (actuatorBasePath + "/health/detail").toLowerCase(Locale.ROOT);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = normalisedPath(request);
    // Credentials are checked only where they change the answer: the metrics and the detail
    // group. The public status (/actuator/health, its liveness, readiness and mail groups) is the
    // same for everyone, so an Authorization header there is ignored: otherwise anyone could
    // guess passwords, or delay and lock accounts, through an address the load balancer polls
    // and that must stay open. The two addresses that do check count like any other login
    // (engine delays and lockout): not counting them would make them a free guessing oracle.
    Caller caller = path.startsWith(protectedPath) || path.startsWith(detailPath) ? authenticate(request) : null;
    if (path.startsWith(protectedPath)) {
      if (caller == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        deny(response, HttpServletResponse.SC_UNAUTHORIZED,
            "Identifiants d'un membre du groupe « supervision » requis.");
        return;
      }
      if (READER_GROUPS.stream().noneMatch(caller.groups()::contains)) {
        LOG.warn("Accès aux métriques refusé à {} (ni « supervision » ni « camunda-admin »)", caller.id());
        deny(response, HttpServletResponse.SC_FORBIDDEN,
            "Les métriques sont réservées aux membres du groupe « supervision ».");
        return;
      }
    }
    chain.doFilter(caller == null ? request : caller.wrap(request), response);
  }

  /**
   * The path the container has decoded and normalised (no {@code %xx}, no {@code ;params}, no
   * {@code ..}), without doubled slashes and case, so every spelling that reaches the endpoint is
   * caught; more is caught than reaches it, which is harmless.
   */
  private static String normalisedPath(HttpServletRequest request) {
    return (request.getServletPath() + Objects.toString(request.getPathInfo(), ""))
        .replaceAll("/{2,}", "/")
        .toLowerCase(Locale.ROOT);
  }

  private Caller authenticate(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    if (!identity.checkPassword(userId, decoded.substring(colon + 1))) {
      return null;
    }
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    return new Caller(userId, groups);
  }

  private static void deny(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType("text/plain");
    response.getWriter().write(message);
  }

  /** An authenticated caller: their engine groups are their roles. */
  private record Caller(String id, Set<String> groups) {

    HttpServletRequest wrap(HttpServletRequest request) {
      Principal principal = () -> id;
      return new HttpServletRequestWrapper(request) {
        @Override
        public Principal getUserPrincipal() {
          return principal;
        }

        @Override
        public String getRemoteUser() {
          return id;
        }

        @Override
        public boolean isUserInRole(String role) {
          return groups.contains(role);
        }

        @Override
        public String getAuthType() {
          return BASIC_AUTH;
        }
      };
    }
  }
}
