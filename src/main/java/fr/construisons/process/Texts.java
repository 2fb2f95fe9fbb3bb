package fr.construisons.process;

/**
 * What an agent's free text is once cleaned, for every place that checks or stores one (form
 * rules, idea box, comments). {@link String#strip()} only knows Java whitespace: a title of
 * no-break spaces (U+00A0) or zero-width spaces (U+200B) would pass as filled, and a right-to-left
 * override (U+202E) would reverse what other agents read. Here:
 * <ul>
 *   <li>bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed: they
 *       change the order in which the rest of the page is read and no form needs them;</li>
 *   <li>control characters other than tab, line feed and carriage return are removed (they cannot
 *       be typed in a form, and PostgreSQL refuses U+0000);</li>
 *   <li>blank characters at both ends are removed: whitespace (Zs, Zl, Zp), controls (Cc), format
 *       characters (Cf: zero-width spaces, joiners, word joiner, BOM, marks…) and the other
 *       characters that Unicode says render as nothing (Hangul fillers, variation selectors…).</li>
 * </ul>
 * The left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C) are kept inside
 * the text: unlike overrides they cannot reorder letters, only tell the direction of neutral
 * characters next to them, which mixed French and Arabic or Hebrew text (a name, an address)
 * legitimately needs. They are invisible, so they count as blank and not in the length.
 */
public final class Texts {

  private Texts() {}

  /** The text as it must be checked and stored; {@code ""} for null or text with nothing visible. */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> !isRemoved(c)).forEach(kept::appendCodePoint);
    int start = 0;
    int end = kept.length();
    while (start < end && isBlank(kept.codePointAt(start))) {
      start += Character.charCount(kept.codePointAt(start));
    }
    while (end > start && isBlank(kept.codePointBefore(end))) {
      end -= Character.charCount(kept.codePointBefore(end));
    }
    return kept.substring(start, end);
  }

  /** True for null, empty, or text made only of whitespace and invisible characters. */
  public static boolean isBlank(String text) {
    return clean(text).isEmpty();
  }

  /**
   * The length of the cleaned text as an agent sees it, in characters (code points): spaces and
   * line breaks inside the text count, invisible characters do not.
   */
  public static int visibleLength(String text) {
    return (int) clean(text).codePoints().filter(c -> !isInvisible(c)).count();
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

  /**
   * The text as searches compare it: lower case, accents and other combining marks removed,
   * ligatures spelt out (« Œuvre » and « oeuvre », « École » and « ecole », « RÉUNION » and
   * « reunion » are each one word); null stays null. Computed in Java, so every database compares
   * the same way without an extension (PostgreSQL's unaccent is not always installed).
   */
  public static String folded(String text) {
    if (text == null) {
      return null;
    }
    String lower = text.toLowerCase(java.util.Locale.FRENCH).replace("œ", "oe").replace("æ", "ae");
    return MARKS.matcher(java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD)).replaceAll("");
  }

  /**
   * The text with its bidi embeddings, overrides and isolates removed, and nothing else changed
   * (null stays null): for showing text stored before {@link #clean} existed, or by another path.
   */
  public static String withoutBidiControls(String text) {
    if (text == null || text.codePoints().noneMatch(Texts::isBidiControl)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> !isBidiControl(c)).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** Bidi embedding, override and isolate controls. */
  public static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  private static boolean isRemoved(int c) {
    return isBidiControl(c)
        || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r');
  }

  /** Nothing at the edges of a text: whitespace or invisible. */
  private static boolean isBlank(int c) {
    return isInvisible(c) || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Renders as nothing at all (unlike a space, which shows as a gap). */
  private static boolean isInvisible(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT
        || (type == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
        || isDefaultIgnorableLetterOrMark(c);
  }

  /**
   * Default-ignorable code points (Unicode DerivedCoreProperties) that are not format characters,
   * so that Character.getType does not tell: a "title" of Hangul fillers looks empty.
   */
  private static boolean isDefaultIgnorableLetterOrMark(int c) {
    return c == 0x034F                       // combining grapheme joiner
        || c == 0x115F || c == 0x1160        // Hangul choseong / jungseong fillers
        || c == 0x17B4 || c == 0x17B5        // Khmer inherent vowels
        || (c >= 0x180B && c <= 0x180F)      // Mongolian variation selectors and vowel separator
        || c == 0x3164 || c == 0xFFA0        // Hangul fillers
        || (c >= 0xFE00 && c <= 0xFE0F)      // variation selectors
        || (c >= 0xE0100 && c <= 0xE01EF)    // variation selectors supplement
        || c == 0x2800;                      // braille blank: not ignorable, but shows nothing
  }
}
