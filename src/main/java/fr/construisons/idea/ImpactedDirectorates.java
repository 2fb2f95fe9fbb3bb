package fr.construisons.idea;

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
import org.springframework.stereotype.Component;

/**
 * Typed access to {@code impactedDirectorates}: Tasklist's checklist submits a JSON array, a REST
 * client may send a JSON string; the process always keeps a JSON array of directorate codes (never
 * a Java-serialised list).
 */
@Component("impactedDirectoratesVariable")
public class ImpactedDirectorates {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The codes, in submission order without repeats; empty when the value is not a list of texts. */
  public Optional<List<String>> read(VariableScope scope) {
    Object raw = scope.getVariable(IdeaLifecycle.IMPACTED_DIRECTORATES);
    List<String> codes = new ArrayList<>();
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
        Object parsed = JSON.readValue(text, Object.class);
        if (!(parsed instanceof Collection<?> list)) {
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
    } else if (raw == null) {
      return Optional.of(List.of());
    } else {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(new LinkedHashSet<>(codes)));
  }

  /** For expressions (the multi-instance collection): the codes the model may rely on. */
  public List<String> of(VariableScope scope) {
    return read(scope).orElseThrow(() -> new IllegalStateException(
        "impactedDirectorates is not a list of directorate codes"));
  }

  public void write(VariableScope scope, List<String> codes) {
    try {
      scope.setVariable(IdeaLifecycle.IMPACTED_DIRECTORATES,
          SpinValues.jsonValue(JSON.writeValueAsString(codes)).create());
    } catch (JsonProcessingException impossibleForStrings) {
      throw new IllegalStateException(impossibleForStrings);
    }
  }
}
