package fr.construisons.notification;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The plain-text part of a mail, read from its rendered HTML so that each mail is written once:
 * blocks (paragraphs, headings, divisions, lists, tables) are separated by a blank line, {@code <br>}
 * is a line break, a table row is a line with its cells separated by a space, a list item is
 * {@code - item}, a link is {@code text : url} (the URL alone when it is its own text). Whitespace
 * is collapsed as a browser does, except that line breaks are kept where the HTML keeps them
 * ({@code <pre>}, {@code white-space: pre…}: the multi-line values people typed). Text is written as it
 * reads, entities decoded: what an agent typed comes out exactly as typed, never as markup.
 */
final class HtmlToText {

  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "center",
      "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
      "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul");
  /** Elements whose content is not read: the subject is the title's, and styles are not text. */
  private static final Set<String> UNREAD = Set.of("head", "noscript", "script", "style", "template", "title");
  private static final Pattern WHITE_SPACE_STYLE =
      Pattern.compile("white-space\\s*:\\s*pre", Pattern.CASE_INSENSITIVE);
  private static final Pattern RUN_OF_WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
  private static final Pattern RUN_OF_SPACES = Pattern.compile("[ \\t\\f\\u00A0]+");
  private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+$", Pattern.MULTILINE);
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
  private static final Pattern CONTROL_LINE_BREAKS = Pattern.compile("[\\r\\n]+");

  private final StringBuilder out = new StringBuilder();
  /** Line breaks owed before the next text: 1 ends the line, 2 leaves a blank line. */
  private int pendingBreaks;
  /** The list marker owed before the next text. */
  private String pendingMarker = "";
  private int listDepth;

  private HtmlToText() {}

  /** The subject: the document's {@code <title>}, on one line whatever the template wrote. */
  static String subject(Document document) {
    return CONTROL_LINE_BREAKS.matcher(document.title()).replaceAll(" ").strip();
  }

  /** The plain-text version of the document's body. */
  static String text(Document document) {
    HtmlToText converter = new HtmlToText();
    converter.walk(document.body(), false);
    String text = TRAILING_SPACES.matcher(converter.out).replaceAll("");
    return BLANK_LINES.matcher(text).replaceAll("\n\n").strip() + "\n";
  }

  private void walk(Node node, boolean keepLineBreaks) {
    if (node instanceof TextNode text) {
      write(text.getWholeText(), keepLineBreaks);
      return;
    }
    if (!(node instanceof Element element)) {
      return; // comments, doctype
    }
    String tag = element.normalName();
    if (UNREAD.contains(tag)) {
      return;
    }
    if (tag.equals("br")) {
      lineBreak();
      return;
    }
    boolean inner = keepLineBreaks || tag.equals("pre")
        || WHITE_SPACE_STYLE.matcher(element.attr("style")).find();
    boolean list = tag.equals("ul") || tag.equals("ol");
    // A list within a list item continues it, one line further: no blank line around it.
    int blockBreaks = list && listDepth > 0 ? 1 : 2;
    boolean block = BLOCKS.contains(tag);
    if (block) {
      breakBefore(blockBreaks);
    }
    switch (tag) {
      case "tr" -> breakBefore(1);
      case "li" -> {
        breakBefore(1);
        pendingMarker = "  ".repeat(Math.max(0, listDepth - 1)) + "- ";
      }
      case "td", "th" -> separateCell();
      default -> { }
    }
    if (list) {
      listDepth++;
    }
    for (Node child : element.childNodes()) {
      walk(child, inner);
    }
    if (list) {
      listDepth--;
    }
    if (tag.equals("a")) {
      writeLinkTarget(element);
    }
    if (block) {
      breakBefore(blockBreaks);
    } else if (tag.equals("tr") || tag.equals("li")) {
      breakBefore(1);
    }
    if (tag.equals("li")) {
      pendingMarker = ""; // an empty item marks nothing after it
    }
  }

  private void write(String text, boolean keepLineBreaks) {
    if (!keepLineBreaks) {
      writeInline(RUN_OF_WHITESPACE.matcher(text).replaceAll(" "));
      return;
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        lineBreak();
      }
      writeInline(RUN_OF_SPACES.matcher(lines[i]).replaceAll(" "));
    }
  }

  /** Text within a line: a space is only written between two words. */
  private void writeInline(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (text.isBlank()) {
      if (pendingBreaks == 0 && !atLineStart()) {
        out.append(' ');
      }
      return;
    }
    if (text.charAt(0) == ' ' && (pendingBreaks > 0 || atLineStart() || endsWithSpace())) {
      text = text.substring(1);
    }
    flushBreaks();
    out.append(pendingMarker).append(text);
    pendingMarker = "";
  }

  /** {@code text : url}, or nothing more when the text already is the address. */
  private void writeLinkTarget(Element link) {
    String href = link.attr("href").strip();
    if (href.isEmpty() || href.startsWith("#") || href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
      return;
    }
    String text = link.text().strip();
    String shown = href.toLowerCase(Locale.ROOT).startsWith("mailto:") ? href.substring("mailto:".length()) : href;
    if (text.equals(shown) || text.equals(href)) {
      return;
    }
    writeInline(text.isEmpty() ? shown : " : " + shown);
  }

  private void separateCell() {
    if (pendingBreaks == 0 && !atLineStart() && !endsWithSpace()) {
      out.append(' ');
    }
  }

  private void breakBefore(int breaks) {
    pendingBreaks = Math.max(pendingBreaks, breaks);
  }

  /** A {@code <br>} or a kept line break: always a new line, even an empty one. */
  private void lineBreak() {
    flushBreaks();
    stripTrailingSpaces();
    out.append('\n');
  }

  private void flushBreaks() {
    if (pendingBreaks == 0) {
      return;
    }
    if (out.length() > 0) {
      stripTrailingSpaces();
      int have = 0;
      while (have < out.length() && out.charAt(out.length() - 1 - have) == '\n') {
        have++;
      }
      out.append("\n".repeat(Math.max(0, pendingBreaks - have)));
    }
    pendingBreaks = 0;
  }

  private boolean atLineStart() {
    return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
  }

  private boolean endsWithSpace() {
    return out.length() > 0 && out.charAt(out.length() - 1) == ' ';
  }

  private void stripTrailingSpaces() {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
  }
}
