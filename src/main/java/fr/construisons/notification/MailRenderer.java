package fr.construisons.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail templates from {@code mail/}: HTML (user text escaped by {@code th:text}) and plain
 * text (TEXT mode). The engines are private to mail so no web view configuration can pick them up.
 */
@Component
public class MailRenderer {

  private static final Locale FRENCH = Locale.FRANCE;

  private final SpringTemplateEngine html = engine(".html", TemplateMode.HTML);
  private final SpringTemplateEngine text = engine(".txt", TemplateMode.TEXT);

  public record RenderedMail(String html, String text) {}

  public RenderedMail render(MailTemplate template, Map<String, Object> model) {
    Context context = new Context(FRENCH, model);
    return new RenderedMail(html.process(template.path(), context), text.process(template.path(), context));
  }

  private static SpringTemplateEngine engine(String suffix, TemplateMode mode) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
