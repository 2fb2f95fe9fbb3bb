package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The forms as written. A form-js text view renders its template as Markdown and keeps part of
 * any HTML in it (images, links), so a variable typed by a person must never be templated into
 * one: it is shown in a disabled text field or text area, which displays it as text (and does not
 * submit it back). Text views may template only what the application writes itself or has
 * checked: references, user ids, codes, numbers and dates. A new variable in a text view has to
 * be added below, deliberately. {@link MarkupInTasklistBrowserTest} shows the rendering itself.
 */
class TaskFormSourceTest {

  /** Variables whose values are never free text. */
  private static final Set<String> SAFE_IN_TEXT_VIEWS = Set.of(
      // the generated reference; user ids (Camunda's id pattern allows letters and digits only)
      "ideaReference", "ideator", "lineManager",
      // codes checked against the organisation or an enum by the form rules
      "ideatorDirectorate", "impactedDirectorates", "directorate", "sponsorDirectorate",
      "recommendedOrientation", "workstream", "agreementDecision", "timeShareUnit",
      // French text the application writes from Workstream (label, hints)
      "workstreamLabel", "workstreamHints",
      // booleans, numbers and dates checked by the form rules
      "wantsToCarry", "strategicImpact", "feasibility", "timeShare", "durationMonths", "startDate");
  /** FEEL keywords, functions and loop variables used by the templates. */
  private static final Set<String> FEEL = Set.of("if", "then", "else", "for", "in", "return", "null", "true",
      "false", "and", "or", "not", "string", "join", "replace", "substring", "date", "duration", "d");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"]*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Test
  void textViewsTemplateOnlyValuesThatAreNeverFreeText() throws IOException {
    Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    assertThat(forms).as("forms on the classpath").hasSizeGreaterThan(15);
    List<String> findings = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Resource form : forms) {
      try (InputStream in = form.getInputStream()) {
        check(form.getFilename(), json.readTree(in).path("components"), findings);
      }
    }
    assertThat(findings).as("free text templated into a text view (show it in a disabled field)").isEmpty();
  }

  private static void check(String form, JsonNode components, List<String> findings) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText())) {
        Matcher template = TEMPLATE.matcher(component.path("text").asText());
        while (template.find()) {
          Matcher name = NAME.matcher(STRING_LITERAL.matcher(template.group(1)).replaceAll(""));
          while (name.find()) {
            if (!SAFE_IN_TEXT_VIEWS.contains(name.group()) && !FEEL.contains(name.group())) {
              findings.add(form + " " + component.path("id").asText() + ": " + name.group());
            }
          }
        }
      }
      check(form, component.path("components"), findings);
    }
  }
}
