package fr.construisons.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes CVE-2026-77226 (Camunda 7.24.0, no community fix). The Admin web application's first-run
 * setup ({@code POST <webapp>/api/admin/setup/{engine}/user/create}) lets an anonymous caller
 * create a member of camunda-admin whenever that group has no <em>direct</em> member, even on a
 * system long in use whose administrators hold their rights through authorizations, through
 * {@code adminUsers}/{@code adminGroups}, or after the group was emptied.
 *
 * <p>First-run setup only makes sense on an empty engine, so every setup request is refused as
 * soon as the engine is configured in any way: its identity service is read-only (LDAP…), or it
 * holds a user, a group, a tenant or an authorization. The engine is read with authorization
 * checks off, so the answer never depends on what the caller happens to be allowed to see.
 * This application creates its administrator at start-up ({@code camunda.bpm.admin-user}), so in
 * practice the setup endpoint is always closed.
 */
class AdminSetupGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AdminSetupGuard.class);

  static final String MESSAGE = "La création d'un premier administrateur est impossible : "
      + "l'application est déjà configurée. Un administrateur existant gère les comptes dans "
      + "Camunda Admin.";

  private final ProcessEngine engine;
  private final String setupPath;

  /**
   * @param adminApiPath where the Admin application's API is served, e.g. {@code /camunda/api/admin}
   */
  public AdminSetupGuard(ProcessEngine engine, String adminApiPath) {
    this.engine = engine;
    this.setupPath = (adminApiPath + "/setup").toLowerCase(Locale.ROOT);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (isSetupRequest(request) && isConfigured()) {
      LOG.warn("Tentative de configuration initiale refusée ({} {} depuis {})",
          request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Compares the path the container has already decoded and normalised (no {@code %xx}, no
   * {@code ;params}, no {@code ..}), and ignores case and doubled slashes, so no spelling of the
   * address slips past while still reaching the setup resource.
   */
  private boolean isSetupRequest(HttpServletRequest request) {
    String path = (request.getServletPath() + Objects.toString(request.getPathInfo(), ""))
        .replaceAll("/{2,}", "/")
        .toLowerCase(Locale.ROOT);
    return path.equals(setupPath) || path.startsWith(setupPath + "/");
  }

  /** True when the engine holds anything at all; also true when it cannot tell (fail closed). */
  boolean isConfigured() {
    try {
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      return configuration.getCommandExecutorTxRequired().execute(
          commandContext -> commandContext.runWithoutAuthorization(() ->
              engine.getIdentityService().isReadOnly()
                  || engine.getIdentityService().createUserQuery().count() > 0
                  || engine.getIdentityService().createGroupQuery().count() > 0
                  || engine.getIdentityService().createTenantQuery().count() > 0
                  || engine.getAuthorizationService().createAuthorizationQuery().count() > 0));
    } catch (RuntimeException e) {
      LOG.error("Impossible de vérifier si l'application est configurée : configuration initiale refusée", e);
      return true;
    }
  }
}
