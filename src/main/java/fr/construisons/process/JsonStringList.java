package fr.construisons.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A process variable holding a list of codes as a JSON array (what a form's checklist submits),
 * never as a Java-serialised list. Accepts a Spin JSON value or a JSON string from a REST client.
 */
public final class JsonStringList {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;

  public JsonStringList(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** The codes in order without repeats; empty list when unset; empty optional when malformed. */
  public Optional<List<String>> read(VariableScope scope) {
    Object raw = scope.getVariable(name);
    List<String> codes = new ArrayList<>();
    if (raw == null) {
      return Optional.of(List.of());
    }
    if (raw instanceof SpinJsonNode node) {
      if (!node.isArray()) {
        return Optional.empty();
      }
      for (SpinJsonNode element : node.elements()) {
        if (!element.isString()) {
          return Optional.empty();
        }
        codes.add(element.stringValue());
      }
    } else if (raw instanceof String text) {
      try {
        if (!(JSON.readValue(text, Object.class) instanceof Collection<?> list)) {
          return Optional.empty();
        }
        for (Object element : list) {
          if (!(element instanceof String code)) {
            return Optional.empty();
          }
          codes.add(code);
        }
      } catch (JsonProcessingException notJson) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(new LinkedHashSet<>(codes)));
  }

  /** The codes, which the model guarantees valid at this point (checked when submitted). */
  public List<String> required(VariableScope scope) {
    return read(scope).orElseThrow(() -> new IllegalStateException(name + " is not a list of codes"));
  }

  public void write(VariableScope scope, List<String> codes) {
    try {
      scope.setVariable(name, SpinValues.jsonValue(JSON.writeValueAsString(codes)).create());
    } catch (JsonProcessingException impossibleForStrings) {
      throw new IllegalStateException(impossibleForStrings);
    }
  }
}
