package fr.construisons.process;

import fr.construisons.process.TaskFormValidation.ExcludedActor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every process's separation of duties in one place, for the checks made before a task is even
 * taken: a member of general management may not claim the review of their own idea, and so on.
 * The processes declare the rules once, with their form rules ({@link TaskFormValidation}); the
 * completion is checked there again, whoever calls the engine.
 */
@Component
public class SeparationOfDuties {

  private final List<TaskFormValidation> validations;

  public SeparationOfDuties(List<TaskFormValidation> validations) {
    this.validations = List.copyOf(validations);
  }

  public Optional<ExcludedActor> excludedActor(String processKey, String taskDefinitionKey) {
    return validations.stream()
        .filter(validation -> validation.processKey().equals(processKey))
        .flatMap(validation -> validation.excludedActor(taskDefinitionKey).stream())
        .findFirst();
  }
}
