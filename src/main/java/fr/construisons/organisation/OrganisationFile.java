package fr.construisons.organisation;

import fr.construisons.organisation.OrganisationDirectory.Directorate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation as the organisation file describes it (see docs/organisation.md): the
 * directorates, the one that runs the scheme, and the agents with their groups and managers.
 * Built only by {@link OrganisationFileReader}, which has checked that it holds together.
 */
public record OrganisationFile(String source, String innovationDirectorate, List<Directorate> directorates,
    List<AgentEntry> agents) {

  public OrganisationFile {
    directorates = List.copyOf(directorates);
    agents = List.copyOf(agents);
  }

  public Optional<Directorate> directorate(String code) {
    return directorates.stream().filter(d -> d.code().equals(code)).findFirst();
  }

  public Map<String, AgentEntry> agentsById() {
    Map<String, AgentEntry> byId = new LinkedHashMap<>();
    agents.forEach(agent -> byId.put(agent.id(), agent));
    return byId;
  }

  /**
   * One agent. {@code groups} are the memberships besides {@code agents} (which every agent has);
   * {@code manager} is the user id of the line manager, or null; {@code password} is used only when
   * the user is created, and is meant for demo files.
   */
  public record AgentEntry(String id, String firstName, String lastName, String email, String directorate,
      String manager, List<String> groups, String password) {

    public AgentEntry {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
