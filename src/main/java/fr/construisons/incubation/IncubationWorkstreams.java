package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.IMPLEMENTATION_DECISION;

import fr.construisons.incubation.IncubationDecisions.ImplementationDecision;
import fr.construisons.process.JsonStringList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Which workstreams run, for the multi-instance collection
 * {@code ${incubationWorkstreams.toRun(execution)}}: all four at first, then only those the
 * committee names when it pivots.
 */
@Component("incubationWorkstreams")
public class IncubationWorkstreams {

  public static final JsonStringList PIVOT_WORKSTREAMS = new JsonStringList(Incubation.PIVOT_WORKSTREAMS);

  public List<String> toRun(VariableScope scope) {
    boolean pivot = IMPLEMENTATION_DECISION.from(scope).map(ImplementationDecision.PIVOT.name()::equals).orElse(false);
    return pivot ? PIVOT_WORKSTREAMS.required(scope) : Arrays.stream(Workstream.values()).map(Enum::name).toList();
  }
}
