package fr.construisons.security;

import java.util.List;

/** Who is signed in, for our own pages: the same user and groups as in the Camunda web apps. */
public record CurrentAgent(String id, String displayName, List<String> groups) {

  public static final String INNOVATION_TEAM = "equipe-construisons";
  public static final String GENERAL_MANAGEMENT = "direction-generale";

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

  static String displayName(String firstName, String lastName, String fallback) {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return name.isEmpty() ? fallback : name;
  }
}
