package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.*;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Reads the idea's content from the process variables, once validated. */
@Component
class IdeaVariables {

  private final ImpactedDirectorates impactedDirectorates;

  public IdeaVariables(ImpactedDirectorates impactedDirectorates) {
    this.impactedDirectorates = impactedDirectorates;
  }

  public IdeaService.Submission submission(VariableScope scope) {
    return new IdeaService.Submission(
        TITLE.required(scope),
        PROBLEM.required(scope),
        SOLUTION.required(scope),
        BENEFITS.required(scope),
        IDEATOR.required(scope),
        IDEATOR_DIRECTORATE.required(scope),
        impactedDirectorates.of(scope),
        WANTS_TO_CARRY.from(scope).orElse(false),
        SHOW_IDEATOR_NAME.from(scope).orElse(false),
        details(scope));
  }

  private static java.util.Map<String, String> details(VariableScope scope) {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    for (IdeaDetail detail : DETAILS) {
      detail.variable().from(scope).ifPresent(value -> values.put(detail.name(), value));
    }
    return IdeaDetail.present(DETAILS, values);
  }
}
