package fr.construisons.notification;

/**
 * One mail: its template in {@code src/main/resources/mail/<path>.html} (the plain-text part is read
 * from it), and its subject. Each capability declares its own mails (an enum implementing this) in a
 * {@link MailCatalogue}; this module only renders and sends them. Subjects only carry the idea's
 * reference (or a request's date), never user text, so that no submitted text can forge a header.
 */
public interface MailTemplate {

  /** The name the models use in a send task's {@code mail} input: unique across catalogues. */
  String name();

  /** Where the mail's template is and what its subject says. */
  Mail mail();

  /**
   * A mail's template ({@code mail/<path>.html}) and subject ({@code %s}: the reference), held by
   * each constant of a catalogue's enum.
   */
  record Mail(String path, String subjectFormat) {}

  default String path() {
    return mail().path();
  }

  /** The subject, with {@code %s} for the reference. */
  default String subjectFormat() {
    return mail().subjectFormat();
  }

  default String subject(String reference) {
    return "[Construisons!] " + subjectFormat().formatted(reference);
  }
}
