package fr.construisons.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the authorizations of {@link AccessPolicy} and the Tasklist filters of
 * {@link TasklistFilters} as soon as the engine is built, before any request is served.
 *
 * <p>Idempotent and additive: a missing grant is created, a grant missing a permission gets it; a
 * permission an administrator added in Admin is kept (the policy is a floor, not a ceiling).
 * Runs without an authenticated user, as the engine's own set-up code.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuthorizationProvisioner extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationProvisioner.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    identity.clearAuthentication();
    int created = 0;
    int extended = 0;
    for (AccessPolicy.Grant grant : AccessPolicy.grants()) {
      switch (ensure(engine.getAuthorizationService(), grant)) {
        case CREATED -> created++;
        case EXTENDED -> extended++;
        case UNCHANGED -> { }
      }
    }
    int filters = new TasklistFilters(engine.getFilterService(), engine.getAuthorizationService()).ensure();
    LOG.info("Autorisations : {} accordées ({} créées, {} complétées) ; {} filtres Tasklist",
        AccessPolicy.grants().size(), created, extended, filters);
  }

  enum Outcome { CREATED, EXTENDED, UNCHANGED }

  static Outcome ensure(AuthorizationService authorizations, AccessPolicy.Grant grant) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    if (existing == null) {
      Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
      grant.permissions().forEach(authorization::addPermission);
      authorizations.saveAuthorization(authorization);
      return Outcome.CREATED;
    }
    Set<String> missing = grant.permissions().stream()
        .filter(permission -> !existing.isPermissionGranted(permission))
        .map(Permission::getName)
        .collect(Collectors.toSet());
    if (missing.isEmpty()) {
      return Outcome.UNCHANGED;
    }
    grant.permissions().forEach(existing::addPermission);
    authorizations.saveAuthorization(existing);
    LOG.info("Autorisation complétée pour {} sur {} {} : {}", grant.groupId(), grant.resource().resourceName(),
        grant.resourceId(), missing);
    return Outcome.EXTENDED;
  }

}
