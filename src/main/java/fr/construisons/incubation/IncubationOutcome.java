package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.DECISION_REASON;
import static fr.construisons.incubation.Incubation.IMPLEMENTATION_DECISION;
import static fr.construisons.incubation.Incubation.IMPLEMENTATION_REPORT;
import static fr.construisons.incubation.Incubation.MEDIATION_DECISION;
import static fr.construisons.incubation.Incubation.MEDIATION_NOTE;

import fr.construisons.idea.Decisions.IncubationDecision;
import fr.construisons.incubation.IncubationDecisions.ImplementationDecision;
import fr.construisons.incubation.IncubationDecisions.MediationDecision;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the incubation gives back to idea-lifecycle (out-mappings of its call activity:
 * {@code ${incubationOutcome.decision(execution)}} and {@code conclusion(execution)}).
 */
@Component("incubationOutcome")
public class IncubationOutcome {

  public String decision(VariableScope scope) {
    if (notStarted(scope)) {
      return IncubationDecision.NOT_STARTED.name();
    }
    ImplementationDecision decision = ImplementationDecision.valueOf(IMPLEMENTATION_DECISION.required(scope));
    return (decision == ImplementationDecision.IMPLEMENT ? IncubationDecision.IMPLEMENT : IncubationDecision.ABANDON).name();
  }

  public String conclusion(VariableScope scope) {
    if (notStarted(scope)) {
      return MEDIATION_NOTE.required(scope);
    }
    boolean implemented = ImplementationDecision.IMPLEMENT.name().equals(IMPLEMENTATION_DECISION.required(scope));
    return implemented ? IMPLEMENTATION_REPORT.required(scope) : DECISION_REASON.required(scope);
  }

  private static boolean notStarted(VariableScope scope) {
    return MEDIATION_DECISION.from(scope).map(MediationDecision.NOT_STARTED.name()::equals).orElse(false);
  }
}
