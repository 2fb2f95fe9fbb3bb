package fr.construisons.notification;

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
 * reads the rest from the result, so each mail is written once: the subject is its
 * {@code <title>}, the plain-text part its body as text ({@link HtmlToText}). The engine is private
 * to mail so no web view configuration can pick it up.
 */
@Component
public class MailRenderer {

  private static final Locale FRENCH = Locale.FRANCE;

  private final SpringTemplateEngine html = engine();

  public record RenderedMail(String subject, String html, String text) {}

  public RenderedMail render(MailTemplate template, Map<String, Object> model) {
    String rendered = html.process(template.path(), new Context(FRENCH, model));
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
