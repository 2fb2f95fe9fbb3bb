package fr.construisons.process;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Form data refused on the server. Extends the engine's form validation exception so the REST API
 * (and so Tasklist) answers 400 with the French message, and the whole command rolls back: the
 * task stays open or the process is not started, nothing is half-saved.
 *
 * <p>Each problem keeps the field it is about ({@link FormProblem}), so pages place it next to its
 * field without reading the French text; the message and the engine's details stay the plain list
 * of sentences the REST API has always answered.
 */
public class InvalidFormDataException extends FormFieldValidationException {

  private final List<FormProblem> fieldProblems;

  /** Problems about the form as a whole (no field). */
  public InvalidFormDataException(List<String> problems) {
    this(problems.stream().map(FormProblem::general).toArray(FormProblem[]::new));
  }

  public InvalidFormDataException(FormProblem... problems) {
    super(messages(problems), "Le formulaire ne peut pas être enregistré : "
        + String.join(" ; ", messages(problems)) + ".");
    // A copy: the refusal must not change after it was thrown.
    this.fieldProblems = List.of(problems);
  }

  private static List<String> messages(FormProblem... problems) {
    return Arrays.stream(problems).map(FormProblem::message).toList();
  }

  /** The French messages, in the order found. */
  public List<String> problems() {
    return fieldProblems.stream().map(FormProblem::message).toList();
  }

  /** The problems with the field each is about, in the order found. */
  public List<FormProblem> fieldProblems() {
    return fieldProblems;
  }
}
