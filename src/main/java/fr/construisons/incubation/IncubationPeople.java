package fr.construisons.incubation;

import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * People by their names for the incubation's forms ({@code ${incubationPeople.…}} in the inputs
 * of the user tasks, see {@link Incubation#DISPLAY_NAMES}): a form says « Camille Martin », not
 * {@code camille}. Someone the directory no longer knows keeps their id, which still tells who.
 */
@Component("incubationPeople")
public class IncubationPeople {

  private final OrganisationDirectory organisation;
  private final IncubationTeam team;

  public IncubationPeople(OrganisationDirectory organisation, IncubationTeam team) {
    this.organisation = organisation;
    this.team = team;
  }

  /** {@code ${incubationPeople.name(ideator)}}: the display name of a user id (none for none). */
  public String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    return organisation.agent(userId).map(Agent::displayName).orElse(userId);
  }

  /** {@code ${incubationPeople.expertName(execution)}}: the expert of this branch's workstream. */
  public String expertName(VariableScope scope) {
    return name(team.expertOf(scope));
  }
}
