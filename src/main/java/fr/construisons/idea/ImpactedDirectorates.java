package fr.construisons.idea;

import fr.construisons.process.JsonStringList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Typed access to {@code impactedDirectorates} (a JSON array of directorate codes), also for the
 * model's expressions: the forwarding multi-instance iterates over
 * {@code ${impactedDirectoratesVariable.of(execution)}}.
 */
@Component("impactedDirectoratesVariable")
public class ImpactedDirectorates {

  private final JsonStringList variable = new JsonStringList(IdeaLifecycle.IMPACTED_DIRECTORATES);

  public Optional<List<String>> read(VariableScope scope) {
    return variable.read(scope);
  }

  public List<String> of(VariableScope scope) {
    return variable.required(scope);
  }

  public void write(VariableScope scope, List<String> codes) {
    variable.write(scope, codes);
  }
}
