package fr.construisons.process;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * How wide a text is in Arial, the font bpmn-js (Camunda Modeler, Cockpit) draws labels with, from
 * the font's advance widths in thousandths of an em (Arial shares Helvetica's widths). Good to a
 * pixel or two, which is what deciding whether a word fits a label box needs: no font has to be
 * installed on the build machine, and every machine computes the same widths.
 */
final class TextWidth {

  private static final Map<Character, Integer> WIDTHS = new HashMap<>();
  private static final int DEFAULT_WIDTH = 556;

  static {
    String ascii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    int[] widths = {278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015,
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
        611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333,
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
        278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
    for (int i = 0; i < ascii.length(); i++) {
      WIDTHS.put(ascii.charAt(i), widths[i]);
    }
    WIDTHS.put('\u00a0', 278);
    WIDTHS.put('\u202f', 278);
    WIDTHS.put('«', 556);
    WIDTHS.put('»', 556);
    WIDTHS.put('’', 222);
    WIDTHS.put('…', 1000);
    WIDTHS.put('—', 1000);
    WIDTHS.put('–', 556);
    WIDTHS.put('œ', 944);
    WIDTHS.put('Œ', 1000);
    WIDTHS.put('æ', 889);
    WIDTHS.put('×', 584);
    WIDTHS.put('°', 400);
    WIDTHS.put('€', 556);
  }

  private TextWidth() {}

  /** The width in pixels of {@code text} at {@code fontSize} pixels. */
  static double of(String text, double fontSize) {
    double thousandths = 0;
    for (char c : text.toCharArray()) {
      Integer width = WIDTHS.get(c);
      if (width == null) {
        // An accented letter is as wide as its base letter (é as e, Ç as C).
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        width = WIDTHS.getOrDefault(base.charAt(0), DEFAULT_WIDTH);
      }
      thousandths += width;
    }
    return thousandths * fontSize / 1000.0;
  }
}
