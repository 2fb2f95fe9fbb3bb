package fr.construisons.incubation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.OrganisationDirectory.Agent;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Lister les experts disponibles": the choices of the project-team form's selects, from the
 * current members of the innovation team and of each experts group but the intrapreneur (JSON lists
 * of label/value).
 */
@Component("listProjectTeamCandidatesDelegate")
class ListProjectTeamCandidatesDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrganisationDirectory organisation;

  public ListProjectTeamCandidatesDelegate(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    options(execution, Incubation.COACH_OPTIONS, OrganisationDirectory.GROUP_INNOVATION_TEAM);
    for (Workstream workstream : Workstream.values()) {
      options(execution, workstream.optionsVariable(), workstream.expertGroup());
    }
  }

  private void options(DelegateExecution execution, String variable, String groupId) {
    // The intrapreneur is never offered: nobody coaches or reviews their own incubation.
    String intrapreneur = Incubation.IDEATOR.from(execution).orElse(null);
    List<Map<String, String>> options = organisation.members(groupId).stream()
        .filter(agent -> !agent.id().equalsIgnoreCase(intrapreneur))
        .map((Agent agent) -> Map.of("label", agent.displayName(), "value", agent.id()))
        .toList();
    try {
      execution.setVariable(variable, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
