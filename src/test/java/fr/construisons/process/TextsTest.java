package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as an agent's text: visible characters, never bidi overrides. */
class TextsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "", " \t\n\r ",
      "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0",          // no-break spaces
      "\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B",  // zero-width spaces
      "\uFEFF\u2060\u200C\u200D\u00AD",                // BOM, word joiner, joiners, soft hyphen
      "\u202F\u2007\u3000\u2028\u2029",                // narrow no-break, figure, ideographic spaces, separators
      "\u200E\u200F\u061C",                            // direction marks
      "\u202E\u202D\u2066\u2069",                      // bidi controls
      "\u3164\u3164\u115F\uFFA0\u2800",                // Hangul fillers, braille blank
      "\u0000\u0007\u001B\u007F\u0085",                // controls
      "\uFE0F\uDB40\uDD00"                             // variation selectors
  })
  void textMadeOnlyOfInvisibleCharactersIsBlank(String text) {
    assertThat(Texts.isBlank(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList()).isTrue();
    assertThat(Texts.clean(text)).isEmpty();
    assertThat(Texts.visibleLength(text)).isZero();
  }

  @Test
  void nullIsBlank() {
    assertThat(Texts.isBlank(null)).isTrue();
    assertThat(Texts.clean(null)).isEmpty();
    assertThat(Texts.visibleLength(null)).isZero();
  }

  @Test
  void invisibleEdgesAreRemovedAndTheInsideIsKept() {
    assertThat(Texts.clean("\u00A0\u200B Covoiturage\u00A0entre sites\n\nen Gironde \uFEFF\u2060"))
        .isEqualTo("Covoiturage\u00A0entre sites\n\nen Gironde");
  }

  @Test
  void theLengthCountsWhatIsSeen() {
    assertThat(Texts.visibleLength("abcd" + "\u200B".repeat(10))).as("invisible tail").isEqualTo(4);
    assertThat(Texts.visibleLength("ab\u200Bcd")).as("invisible inside").isEqualTo(4);
    assertThat(Texts.visibleLength("a b\nc")).as("spaces and line breaks inside count").isEqualTo(5);
    assertThat(Texts.visibleLength("été 🚲")).as("code points, not UTF-16 units").isEqualTo(5);
    assertThat(Texts.visibleLength("👩\u200D💻")).as("a joined emoji's joiner is invisible").isEqualTo(2);
  }

  @Test
  void bidiControlsAreRemovedEverywhere() {
    assertThat(Texts.clean("Facture \u202Efdp.exe\u202C du mois"))
        .isEqualTo("Facture fdp.exe du mois");
    assertThat(Texts.clean("\u2067abc\u2069 \u202Adef\u202B\u202C\u202D\u2066\u2068"))
        .isEqualTo("abc def");
  }

  @Test
  void directionMarksInsideTheTextAreKept() {
    // Needed to write an Arabic name followed by a number or punctuation in a French sentence.
    assertThat(Texts.clean("Rencontre avec \u0633\u0627\u0631\u0629\u200F (DRH)"))
        .isEqualTo("Rencontre avec \u0633\u0627\u0631\u0629\u200F (DRH)");
  }

  @Test
  void controlCharactersOtherThanTabsAndLineBreaksAreRemoved() {
    assertThat(Texts.clean("a\u0000b\u0007c\td\r\ne\u001B")).isEqualTo("abc\td\r\ne");
  }

  @Test
  void withoutBidiControlsChangesNothingElse() {
    assertThat(Texts.withoutBidiControls(null)).isNull();
    assertThat(Texts.withoutBidiControls("  a\u200Bb  ")).isEqualTo("  a\u200Bb  ");
    assertThat(Texts.withoutBidiControls(" \u202Egnp.exe ")).isEqualTo(" gnp.exe ");
  }
}
