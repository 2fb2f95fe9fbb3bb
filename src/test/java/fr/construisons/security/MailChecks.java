package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.unbescape.html.HtmlEscape;

/** What a mail must look like when it quotes text that an agent typed. */
final class MailChecks {

  /** Elements our templates never write themselves: any of them comes from quoted text. */
  private static final Pattern FOREIGN_ELEMENT =
      Pattern.compile("<\\s*/?\\s*(script|img|svg|b|iframe|object|embed|form)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINK_TARGET = Pattern.compile("href\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  private MailChecks() {}

  /**
   * The HTML part quotes each text escaped the way th:text escapes (so a reader sees it as typed),
   * and holds no element or link made of it: its only links are the templates' own, to Tasklist.
   */
  static void assertHtmlShowsAsText(MimeMessage mail, String... texts) {
    String subject = MailServer.subject(mail);
    String html = MailServer.html(mail);
    for (String text : texts) {
      assertThat(html).as("HTML part of « %s » quotes the text escaped", subject)
          .contains(HtmlEscape.escapeHtml4Xml(text));
    }
    assertThat(FOREIGN_ELEMENT.matcher(html).results().map(MatchResult::group).toList())
        .as("elements made of quoted text in the HTML part of « %s »", subject).isEmpty();
    assertThat(HANDLER_ATTRIBUTE.matcher(html).results().map(MatchResult::group).toList())
        .as("event handlers in the HTML part of « %s »", subject).isEmpty();
    List<String> links = LINK_TARGET.matcher(html).results().map(link -> link.group(1)).toList();
    assertThat(links).as("links of « %s »", subject)
        .allSatisfy(link -> assertThat(link).startsWith("http://localhost:8080/camunda/app/tasklist/"));
  }

  /** The plain-text part quotes each text exactly as typed, not HTML-escaped. */
  static void assertTextShowsVerbatim(MimeMessage mail, String... texts) {
    String subject = MailServer.subject(mail);
    String text = MailServer.text(mail);
    for (String quoted : texts) {
      assertThat(text).as("text part of « %s » quotes the text verbatim", subject).contains(quoted);
    }
    assertThat(text).as("text part of « %s »", subject).doesNotContain("&lt;", "&gt;", "&amp;", "&#39;", "&quot;");
  }

  /** The only mail sent to that address since the last purge. */
  static MimeMessage onlyMailTo(String address) {
    List<MimeMessage> mails = MailServer.to(address);
    assertThat(mails).as("mails to " + address).extracting(MailServer::subject).hasSize(1);
    return mails.get(0);
  }
}
