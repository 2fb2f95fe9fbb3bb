package fr.construisons.notification;

import fr.construisons.process.Deadlines;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail's HTML template from {@code mail/} (user text escaped by {@code th:text}) and
 * reads the rest from the result: the subject is its {@code <title>}, the plain-text part its body
 * as text ({@link HtmlToText}). Every template also sees {@code deadlines}, the configured working
 * days by name ({@code ${deadlines['clarification-reminder']}}), so a reminder states its own delay.
 * The engine is private to mail so no web view configuration can pick it up.
 */
@Component
public class MailRenderer {

  private static final Locale FRENCH = Locale.FRANCE;

  private final SpringTemplateEngine html = engine();
  private final Deadlines deadlines;

  public MailRenderer(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  public record RenderedMail(String subject, String html, String text) {}

  public RenderedMail render(MailTemplate template, Map<String, Object> model) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.putIfAbsent("deadlines", deadlines.settings().days());
    String rendered = html.process(template.path(), new Context(FRENCH, variables));
    Document document = Jsoup.parse(rendered);
    return new RenderedMail(HtmlToText.subject(document), rendered, HtmlToText.text(document));
  }

  private static SpringTemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(MailTemplates.ROOT);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
