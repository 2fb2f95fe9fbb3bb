package fr.construisons.process;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable with its name and Java type in one place, so that delegates, listeners and
 * tests never repeat a variable name as a string nor cast what they read.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public String name() {
    return name;
  }

  /** The value seen from this scope (local first, then parents), empty when unset or null. */
  public Optional<T> from(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (type == Integer.class && value instanceof Number number && !(value instanceof Integer)) {
      // Forms may submit numbers as Long or Double; the model only ever means small whole numbers.
      return Optional.of(type.cast(Math.toIntExact(number.longValue())));
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Variable '" + name + "' holds a " + value.getClass().getSimpleName()
              + " where a " + type.getSimpleName() + " is expected");
    }
    return Optional.of(type.cast(value));
  }

  /** The value, which the model guarantees at this point: its absence is a modelling bug. */
  public T required(VariableScope scope) {
    return from(scope).orElseThrow(() ->
        new IllegalStateException("Variable '" + name + "' is missing in this scope"));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  public TypedValue typed(VariableScope scope) {
    return scope.getVariableTyped(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
