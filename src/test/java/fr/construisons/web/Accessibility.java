package fr.construisons.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * RGAA / WCAG 2.1 AA checks of the page shown, by axe-core (Deque's Selenium binding, which
 * ships the script): no serious or critical violation is allowed. Minor and moderate ones are
 * printed so they can be seen in the test log.
 */
public final class Accessibility {

  private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Accessibility() {}

  public static void assertNoSeriousViolation(WebDriver driver, String page) {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    assertThat(results.isErrored()).as("axe-core ran on " + page + ": " + results.getErrorMessage()).isFalse();
    List<Rule> violations = results.getViolations();
    violations.stream()
        .filter(rule -> !isSerious(rule))
        .forEach(rule -> System.out.println("axe-core (" + rule.getImpact() + ") on " + page + ": " + describe(rule)));
    List<Rule> serious = violations.stream().filter(Accessibility::isSerious).toList();
    assertThat(serious)
        .as("serious or critical accessibility violations on " + page + ":\n"
            + serious.stream().map(Accessibility::describe).collect(Collectors.joining("\n")))
        .isEmpty();
    assertThat(results.getPasses()).as("axe-core checked rules on " + page).isNotEmpty();
  }

  private static boolean isSerious(Rule rule) {
    return "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact());
  }

  private static String describe(Rule rule) {
    return rule.getId() + " — " + rule.getHelp() + " — "
        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
  }
}
