package fr.construisons.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every mail there is: the HTML templates under {@code mail/} on the classpath, except the shared
 * {@code fragments/}. A new template is a new mail, with no list to extend; two templates giving
 * the same name stop the start-up, since a model could not tell them apart.
 */
@Component
public class MailTemplates {

  static final String ROOT = "mail/";
  private static final String FRAGMENTS = "fragments/";
  private static final String SUFFIX = ".html";

  private final TreeMap<String, MailTemplate> byName = new TreeMap<>();

  public MailTemplates() {
    this("classpath*:" + ROOT);
  }

  /** The templates under another root (a test's own folder), e.g. {@code classpath*:mail/}. */
  MailTemplates(String root) {
    ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      // Each classpath root that has the folder (target/classes, the application's jar): a
      // template's path is what follows its root, as the template resolver will look it up.
      for (Resource base : resolver.getResources(root)) {
        String baseUrl = base.getURL().toExternalForm();
        for (Resource file : resolver.getResources(baseUrl + "**/*" + SUFFIX)) {
          String url = file.getURL().toExternalForm();
          if (!url.startsWith(baseUrl) || url.substring(baseUrl.length()).startsWith(FRAGMENTS)) {
            continue;
          }
          String relative = url.substring(baseUrl.length());
          add(MailTemplate.at(relative.substring(0, relative.length() - SUFFIX.length())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Mail templates under " + root + " cannot be listed", e);
    }
    if (byName.isEmpty()) {
      throw new IllegalStateException("No mail template under " + root);
    }
  }

  private void add(MailTemplate template) {
    MailTemplate other = byName.putIfAbsent(template.name(), template);
    // The same path under two roots is one template: the resolver reads the first on the classpath.
    if (other != null && !other.path().equals(template.path())) {
      throw new IllegalStateException("mail/" + other.path() + ".html and mail/" + template.path()
          + ".html both give the mail name " + template.name() + ": rename one (never a name a deployed model uses)");
    }
  }

  /** Every mail, by name. */
  public Collection<MailTemplate> all() {
    return Collections.unmodifiableCollection(byName.values());
  }

  public Optional<MailTemplate> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The mail of that name; none is a modelling or programming error. */
  public MailTemplate get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("No mail template gives the name " + name
        + " (mail/<folder>/" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".html)"));
  }
}
