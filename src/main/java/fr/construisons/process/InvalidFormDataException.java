package fr.construisons.process;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Form data refused on the server. Extends the engine's form validation exception so the REST API
 * (and so Tasklist) answers 400 with the French message, and the whole command rolls back: the
 * task stays open or the process is not started, nothing is half-saved.
 */
public class InvalidFormDataException extends FormFieldValidationException {

  private final List<String> problems;

  public InvalidFormDataException(List<String> problems) {
    super(problems, "Le formulaire ne peut pas être enregistré : " + String.join(" ; ", problems) + ".");
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
