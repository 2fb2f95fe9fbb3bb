package fr.construisons.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variables a caller may write when submitting one Camunda Form: exactly the fields a person
 * can fill in, read from the deployed form itself (so no second list can drift from it).
 *
 * <p>A field counts when it has a {@code key} (or a {@code path}, for a group that nests its
 * fields under one variable) and is not {@code disabled}. Disabled fields only show the process's
 * data (the idea's title on a review task): form-js never submits them, so a caller who sends one
 * is writing what nobody on the form could change. Buttons carry a key in older form schemas and
 * submit nothing. A {@code readonly} field is submitted by form-js with the value it shows, so it
 * counts as writable: none of our forms uses it; show process data with {@code disabled}.
 */
public final class FormContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String formId;
  private final Set<String> writableFields;

  private FormContract(String formId, Set<String> writableFields) {
    this.formId = formId;
    this.writableFields = Collections.unmodifiableSet(writableFields);
  }

  /** No form at all: nothing may be written. */
  public static FormContract none() {
    return new FormContract(null, Set.of());
  }

  public static FormContract read(InputStream form) {
    try (form) {
      JsonNode root = JSON.readTree(form);
      Set<String> fields = new LinkedHashSet<>();
      collect(root.path("components"), fields);
      return new FormContract(root.path("id").asText(null), fields);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("Unreadable Camunda Form", unreadable);
    }
  }

  private static void collect(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      boolean disabled = component.path("disabled").asBoolean(false);
      boolean button = "button".equals(component.path("type").asText());
      if (!disabled && !button) {
        if (component.hasNonNull("key")) {
          // A dotted key (a.b) is submitted as the variable a.
          fields.add(component.get("key").asText().split("\\.")[0]);
        } else if (!component.path("path").asText("").isEmpty()) {
          // A group with a path submits its fields as one object variable named after it.
          fields.add(component.get("path").asText().split("\\.")[0]);
          continue;
        }
      }
      if (!disabled) {
        collect(component.path("components"), fields);
      }
    }
  }

  /** The form's id, or null when there is no form. */
  public String formId() {
    return formId;
  }

  public Set<String> writableFields() {
    return writableFields;
  }

  public boolean allows(String variableName) {
    return writableFields.contains(variableName);
  }
}
