package fr.construisons.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a spreadsheet would run is made text; the year filter reads what people type. */
class DashboardCsvTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "=1+1|'=1+1",
      "+33 6 12 34 56 78|'+33 6 12 34 56 78",
      "-2+3|'-2+3",
      "@SUM(A1)|'@SUM(A1)",
      "Relais-colis = gain de temps|Relais-colis = gain de temps",
      "'déjà protégé|'déjà protégé"})
  void formulasBecomeText(String text, String written) {
    assertThat(DashboardCsv.text(text)).isEqualTo(written);
  }

  @Test
  void tabsAndCarriageReturnsBeforeAFormulaAreDefusedToo() {
    assertThat(DashboardCsv.text("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(DashboardCsv.text("\r=1+1")).isEqualTo("'\r=1+1");
    assertThat(DashboardCsv.text(null)).isEmpty();
  }

  @Test
  void theYearFilterDefaultsToTheCurrentYearAndKnowsAllYears() {
    assertThat(YearFilter.parse(null, 2026)).isEqualTo(new YearFilter(2026));
    assertThat(YearFilter.parse("", 2026)).isEqualTo(new YearFilter(2026));
    assertThat(YearFilter.parse(" 2031 ", 2026)).isEqualTo(new YearFilter(2031));
    assertThat(YearFilter.parse("toutes", 2026).allYears()).isTrue();
    assertThat(YearFilter.parse("toutes", 2026).parameter()).isEqualTo("toutes");
    assertThat(YearFilter.parse("1999", 2026)).isEqualTo(new YearFilter(2026));
    assertThat(YearFilter.parse("2031; drop table idea", 2026)).isEqualTo(new YearFilter(2026));
  }
}
