package fr.construisons.organisation;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;

/** Reads the user infos {@code manager} and {@code directorate} the synchroniser keeps up to date. */
class UserInfoAgentAttributes implements AgentAttributes {

  private final IdentityService identity;

  public UserInfoAgentAttributes(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Optional<String> lineManagerId(String userId) {
    return info(userId, OrganisationDirectory.MANAGER_INFO_KEY);
  }

  @Override
  public Optional<String> directorateCode(String userId) {
    return info(userId, OrganisationSynchroniser.DIRECTORATE_INFO_KEY);
  }

  private Optional<String> info(String userId, String key) {
    return Optional.ofNullable(userId).map(id -> identity.getUserInfo(id, key)).filter(value -> !value.isBlank());
  }
}
