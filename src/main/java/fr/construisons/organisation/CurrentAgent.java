package fr.construisons.organisation;

import java.util.List;

/**
 * Who is signed in, for our own pages: the same user and groups as in the Camunda web apps. A leaf
 * of the organisation module, so that every page can take it without depending on how the login
 * works ({@code security} builds it from the session).
 */
public record CurrentAgent(String id, String displayName, List<String> groups) {

  public static final String INNOVATION_TEAM = OrganisationDirectory.GROUP_INNOVATION_TEAM;
  public static final String GENERAL_MANAGEMENT = OrganisationDirectory.GROUP_GENERAL_MANAGEMENT;

  public boolean isInnovationTeam() {
    return groups.contains(INNOVATION_TEAM);
  }

  public boolean isGeneralManagement() {
    return groups.contains(GENERAL_MANAGEMENT);
  }

  /** The dashboard is for the people who steer the scheme. */
  public boolean mayReadDashboard() {
    return isInnovationTeam() || isGeneralManagement();
  }

  /** Moderation of comments is the innovation team's. */
  public boolean mayModerate() {
    return isInnovationTeam();
  }

  public static String displayName(String firstName, String lastName, String fallback) {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return name.isEmpty() ? fallback : name;
  }
}
