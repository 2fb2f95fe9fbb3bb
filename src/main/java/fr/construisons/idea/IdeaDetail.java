package fr.construisons.idea;

import fr.construisons.process.ProcessVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A further text an agent may give with an idea, beyond the four every idea has (title, problem,
 * solution, benefits). Declared once, in {@link IdeaLifecycle#DETAILS}: the server-side rule, the
 * catalogue (column {@code idea.details}), the idea box's deposit and idea pages, the
 * personal-data export and the anonymiser (kept: it is the idea's public content) follow from the
 * declaration; the Tasklist forms carry the same field ({@code IdeaDetailsTest} checks they agree).
 *
 * <p>Optional by design: the four texts are what the scheme asks of every agent, a detail must
 * never make depositing harder.
 *
 * @param variable the process variable, also the form field's key and the page's field name
 * @param label the French label, as in the forms
 * @param hint what to write, shown under the field on our deposit page
 * @param maxLength the most visible characters accepted, as the forms' {@code maxLength}
 */
public record IdeaDetail(ProcessVariable<String> variable, String label, String hint, int maxLength) {

  public String name() {
    return variable.name();
  }

  /** The details declared, by name, with their values from {@code values}; absent ones skipped. */
  public static Map<String, String> present(List<IdeaDetail> details, Map<String, String> values) {
    Map<String, String> present = new LinkedHashMap<>();
    for (IdeaDetail detail : details) {
      String value = values.get(detail.name());
      if (value != null && !value.isBlank()) {
        present.put(detail.name(), value);
      }
    }
    return present;
  }
}
