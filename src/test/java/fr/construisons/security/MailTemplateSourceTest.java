package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The mail templates as written, for the constructs that would let quoted text become markup or
 * be evaluated: th:utext and [(...)] write HTML unescaped, __...__ preprocessing evaluates the
 * result of an expression as a new expression. The rendered mails are checked in
 * {@link MarkupInIdeaTest} and {@link ExpressionInIdeaTest}; this guards the templates not yet
 * reached by a scenario.
 */
class MailTemplateSourceTest {

  private static final Pattern PARSER_COMMENT = Pattern.compile("<!--/\\*.*?\\*/-->|/\\*\\[-.*?-]\\*/", Pattern.DOTALL);
  /** Anywhere in a template, a preprocessed expression evaluates its own result. */
  private static final Pattern PREPROCESSING = Pattern.compile("__.*?__");
  /** In HTML: attributes and inlining that write without escaping. */
  private static final Pattern UNESCAPED_HTML = Pattern.compile("th:utext|data-th-utext|\\[\\(|th:inline");

  @Test
  void htmlTemplatesEscapeEverythingTheyWriteAndNoTemplatePreprocesses() throws IOException {
    Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:mail/**/*.*");
    assertThat(templates).as("mail templates on the classpath").hasSizeGreaterThan(30);
    List<String> findings = new ArrayList<>();
    for (Resource template : templates) {
      String source;
      try (InputStream in = template.getInputStream()) {
        // Parser-level comments never reach a mail (the layout's one names th:utext to forbid it).
        source = PARSER_COMMENT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).replaceAll("");
      }
      String name = template.getFilename();
      collect(findings, name, PREPROCESSING.matcher(source));
      if (name != null && name.endsWith(".html")) {
        collect(findings, name, UNESCAPED_HTML.matcher(source));
      }
    }
    assertThat(findings).isEmpty();
  }

  private static void collect(List<String> findings, String name, Matcher matcher) {
    while (matcher.find()) {
      findings.add(name + ": " + matcher.group());
    }
  }
}
