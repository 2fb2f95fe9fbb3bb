package fr.construisons.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The plain-text part as a reader of a text-only mail client sees it, read from the HTML. */
class HtmlToTextTest {

  private static String text(String body) {
    return HtmlToText.text(Jsoup.parse("<!DOCTYPE html><html><head><title>Sujet</title></head><body>"
        + body + "</body></html>"));
  }

  @Test
  void blocksAreSeparatedByABlankLineAndWhitespaceIsCollapsed() {
    assertThat(text("""
        <div>
          <p>Bonjour,</p>
          <p>Une   nouvelle idée
             vient d'être <strong>déposée</strong>.</p>
          <h2>Suite</h2><div><div>Imbriqué</div></div>
        </div>"""))
        .isEqualTo("Bonjour,\n\nUne nouvelle idée vient d'être déposée.\n\nSuite\n\nImbriqué\n");
  }

  @Test
  void aLineBreakIsANewLineAndNbspASpace() {
    assertThat(text("<p>Bien cordialement,<br>L'équipe Construisons!</p><p>Relance&nbsp;: vite</p>"))
        .isEqualTo("Bien cordialement,\nL'équipe Construisons!\n\nRelance : vite\n");
  }

  @Test
  void listItemsAreDashedLines() {
    assertThat(text("<p>L'équipe projet&nbsp;:</p><ul><li><span>Coach</span>&nbsp;: <strong>Léa</strong></li>"
        + "<li>Expert <ul><li>juridique</li></ul></li><li></li></ul><p>Fin</p>"))
        .isEqualTo("L'équipe projet :\n\n- Coach : Léa\n- Expert\n  - juridique\n\nFin\n");
  }

  @Test
  void aLinkShowsItsAddressAfterItsText() {
    assertThat(text("<p><a href=\"https://construisons.example/tasklist/\">Ouvrir Tasklist</a></p>"
        + "<p>Voir <a href=\"https://construisons.example/\">https://construisons.example/</a>.</p>"
        + "<p>Écrire à <a href=\"mailto:dpo@departement.example\">dpo@departement.example</a></p>"
        + "<p><a href=\"#\">ancre</a></p>"))
        .isEqualTo("Ouvrir Tasklist : https://construisons.example/tasklist/\n\n"
            + "Voir https://construisons.example/.\n\nÉcrire à dpo@departement.example\n\nancre\n");
  }

  @Test
  void aTableRowIsALineWithItsCellsSideBySide() {
    assertThat(text("<p>Les conditions&nbsp;:</p><table><tr><td>Durée&nbsp;:</td><td>6 mois</td></tr>"
        + "<tr><td>Début&nbsp;:</td><td>lundi 4 janvier 2027</td></tr></table><p>Fin</p>"))
        .isEqualTo("Les conditions :\n\nDurée : 6 mois\nDébut : lundi 4 janvier 2027\n\nFin\n");
  }

  @Test
  void multiLineValuesKeepTheirLinesWhereTheHtmlKeepsThem() {
    assertThat(text("<div style=\"white-space:pre-line;\">Ligne 1\r\nLigne   2\n\nLigne 4</div>"
        + "<div>Pas\ngardé</div>"))
        .isEqualTo("Ligne 1\nLigne 2\n\nLigne 4\n\nPas gardé\n");
  }

  @Test
  void escapedTextComesOutAsTypedAndNothingElseOfTheMarkup() {
    String text = text("<!-- note --><p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie</p>"
        + "<style>p { color: red; }</style>");
    assertThat(text).isEqualTo("<script>alert(\"x\")</script> & Cie\n").doesNotContain("color").doesNotContain("note");
  }

  @Test
  void theSubjectIsTheTitleOnOneLine() {
    assertThat(HtmlToText.subject(Jsoup.parse("<html><head><title>[Construisons!] Relance :\r\n  l'idée</title>"
        + "</head><body><p>Corps</p></body></html>"))).isEqualTo("[Construisons!] Relance : l'idée");
    assertThat(HtmlToText.text(Jsoup.parse("<html><head><title>Sujet</title></head><body><p>Corps</p></body></html>")))
        .as("the title is not part of the text").isEqualTo("Corps\n");
  }
}
