package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.COACH;
import static fr.construisons.incubation.Incubation.WORKSTREAM;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The project team as the model's expressions see it ({@code ${incubationTeam.…}}). */
@Component("incubationTeam")
public class IncubationTeam {

  /** After an extension the team stays: only the manager's agreement is asked again. */
  public boolean isFormed(VariableScope scope) {
    return COACH.from(scope).isPresent();
  }

  /** The expert who reviews the workstream of this multi-instance branch. */
  public String expertOf(VariableScope scope) {
    Workstream workstream = Workstream.valueOf(WORKSTREAM.required(scope));
    return workstream.expertVariable().required(scope);
  }
}
