package fr.construisons.notification;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One mail: its template {@code src/main/resources/mail/<folder>/<basename>.html}, found at start-up
 * by {@link MailTemplates}. Everything about the mail is in that file: its subject (the
 * {@code <title>}), its HTML body and, derived from it, its plain-text part. The name the models
 * use in a send task's {@code mail} input is the basename in upper snake case
 * ({@code team/new-idea.html} is {@code NEW_IDEA}); the folder says which {@link MailCatalogue}
 * fills it in. Subjects only carry the idea's reference (or a request's date), never user text, so
 * that no submitted text can forge a header.
 *
 * @param name the name the models use: unique across folders
 * @param folder the folder under {@code mail/} ({@code team}, {@code incubation}…)
 * @param path the template as Thymeleaf resolves it under {@code mail/}, without {@code .html}
 */
public record MailTemplate(String name, String folder, String path) {

  /** Lower-case words separated by hyphens: the only basenames that give a name both ways. */
  private static final Pattern BASENAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The mail of {@code mail/<path>.html}, e.g. {@code team/new-idea}. */
  static MailTemplate at(String path) {
    int slash = path.lastIndexOf('/');
    if (slash <= 0) {
      throw new IllegalStateException("mail/" + path + ".html: a mail template belongs in a folder of mail/ "
          + "(the folder says which catalogue fills it in)");
    }
    String basename = path.substring(slash + 1);
    if (!BASENAME.matcher(basename).matches()) {
      throw new IllegalStateException("mail/" + path + ".html: a mail template is named in lower-case words "
          + "separated by hyphens (its name in the models is the same in upper case, with underscores)");
    }
    return new MailTemplate(nameOf(basename), path.substring(0, slash), path);
  }

  /** {@code stage-review} → {@code STAGE_REVIEW}. */
  static String nameOf(String basename) {
    return basename.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The name, as logs and error messages show a mail. */
  @Override
  public String toString() {
    return name;
  }
}
