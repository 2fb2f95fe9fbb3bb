package fr.construisons.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks submitted form data on the server with the same rules as the form, collecting every
 * problem in French so that the agent can fix them all at once.
 */
public final class FormCheck {

  private final VariableScope scope;
  private final List<FormProblem> problems = new ArrayList<>();

  private FormCheck(VariableScope scope) {
    this.scope = scope;
  }

  public static FormCheck of(VariableScope scope) {
    return new FormCheck(scope);
  }

  /**
   * A text field: visible length between min and max, or absent when not required. Text made only
   * of whitespace or invisible characters is absent. The cleaned text (see {@link Texts}: no bidi
   * overrides, no blank edges) is stored back, so what later steps and pages read is what was
   * checked.
   */
  public FormCheck text(ProcessVariable<String> variable, String label, boolean required, int min, int max) {
    Object raw = scope.getVariable(variable.name());
    if (raw != null && !(raw instanceof String)) {
      add(variable, "le champ « " + label + " » doit être un texte");
      return this;
    }
    String value = Texts.clean((String) raw);
    if (value.isEmpty()) {
      if (required) {
        add(variable, "le champ « " + label + " » est obligatoire");
      } else {
        storeBack(variable, raw, value);
      }
      return this;
    }
    int length = Texts.visibleLength(value);
    if (length < min) {
      add(variable, "le champ « " + label + " » doit contenir au moins " + min + " caractères");
    } else if (length > max) {
      add(variable, "le champ « " + label + " » ne doit pas dépasser " + max + " caractères");
    } else {
      storeBack(variable, raw, value);
    }
    return this;
  }

  public FormCheck requiredText(ProcessVariable<String> variable, String label, int min, int max) {
    return text(variable, label, true, min, max);
  }

  /** A text that must match a pattern (e.g. an idea reference), stored back cleaned. */
  public FormCheck matches(ProcessVariable<String> variable, String label, Pattern pattern, String example) {
    Object raw = scope.getVariable(variable.name());
    if (!(raw instanceof String text) || Texts.isBlank(text)) {
      add(variable, "le champ « " + label + " » est obligatoire");
    } else if (!pattern.matcher(Texts.clean(text)).matches()) {
      add(variable, "le champ « " + label + " » doit avoir la forme " + example);
    } else {
      storeBack(variable, raw, Texts.clean(text));
    }
    return this;
  }

  private void storeBack(ProcessVariable<String> variable, Object raw, String cleaned) {
    // Only when it changes: an unchanged variable is not rewritten (no needless history entry).
    if (raw != null && !cleaned.equals(raw)) {
      variable.set(scope, cleaned);
    }
  }

  /** One of the values of an enum, by name. */
  public <E extends Enum<E>> Optional<E> choice(ProcessVariable<String> variable, String label, Class<E> type) {
    Object raw = scope.getVariable(variable.name());
    if (raw == null || (raw instanceof String s && Texts.isBlank(s))) {
      add(variable, "le champ « " + label + " » est obligatoire");
      return Optional.empty();
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(raw)) {
        return Optional.of(constant);
      }
    }
    add(variable, "le champ « " + label + " » doit valoir " + Arrays.stream(type.getEnumConstants())
        .map(Enum::name).collect(Collectors.joining(", ")));
    return Optional.empty();
  }

  /**
   * A whole number between min and max. Forms submit numbers as Long or Double: a valid score is
   * stored back as an Integer so that the decision table and gateways see one type.
   */
  public FormCheck wholeNumber(ProcessVariable<Integer> variable, String label, int min, int max) {
    Object raw = scope.getVariable(variable.name());
    Integer value = null;
    if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
      // Range-checked before narrowing: a huge Long must not wrap around into a valid score.
      value = number.intValue();
    } else if (raw instanceof String s && Texts.clean(s).matches("-?\\d{1,9}")) {
      value = Integer.valueOf(Texts.clean(s));
    }
    if (raw == null) {
      add(variable, "le champ « " + label + " » est obligatoire");
    } else if (value == null || value < min || value > max) {
      add(variable, "le champ « " + label + " » doit être un nombre entier de " + min + " à " + max);
    } else {
      variable.set(scope, value);
    }
    return this;
  }

  /** A boolean (checkbox); absent means false and is stored as such. */
  public FormCheck checkbox(ProcessVariable<Boolean> variable, String label) {
    Object raw = scope.getVariable(variable.name());
    if (raw == null) {
      variable.set(scope, false);
    } else if (!(raw instanceof Boolean)) {
      add(variable, "le champ « " + label + " » doit être coché ou non (oui/non)");
    }
    return this;
  }

  /** A rule across fields that the simple checks cannot express. */
  public FormCheck rule(boolean holds, String problem) {
    return rule(null, holds, problem);
  }

  /** A rule the simple checks cannot express, about one field (its variable name). */
  public FormCheck rule(String field, boolean holds, String problem) {
    if (!holds) {
      problems.add(new FormProblem(field, problem));
    }
    return this;
  }

  public FormCheck problem(String problem) {
    return problem(null, problem);
  }

  /** A problem about one field, named by its variable as the form's key. */
  public FormCheck problem(String field, String problem) {
    problems.add(new FormProblem(field, problem));
    return this;
  }

  private void add(ProcessVariable<?> variable, String problem) {
    problems.add(new FormProblem(variable.name(), problem));
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  public void orRefuse() {
    if (!problems.isEmpty()) {
      throw new InvalidFormDataException(problems.toArray(FormProblem[]::new));
    }
  }
}
