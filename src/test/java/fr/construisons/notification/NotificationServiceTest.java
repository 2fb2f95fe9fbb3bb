package fr.construisons.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.Decisions.TakeUpDecision;
import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaMails;
import fr.construisons.idea.IdeaMails.Recipient;
import fr.construisons.idea.IdeaMails.TakeUp;
import fr.construisons.idea.IdeaStage;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of mail, rendered and sent for real (GreenMail) with an idea whose text tries to inject
 * markup: who receives it, its exact subject, and that the submitted text is escaped in HTML and
 * kept as typed in plain text (read from the HTML).
 */
@ProcessTest
class NotificationServiceTest {

  static final String REFERENCE = "CONS-2026-0042";
  static final String TITLE = "<script>alert(\"x\")</script> & Cie";
  static final String ESCAPED_TITLE = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie";
  static final String PROBLEM_LINE_1 = "Les colis arrivent au mauvais site.";
  static final String PROBLEM_LINE_2 = "Ils repartent chez le transporteur au bout de 48 h.";
  static final String REASON = "Retenue après l'échange du 3 mars <img src=x onerror=alert(1)>";

  static final String FROM = "Construisons! <construisons@departement.example>";
  static final String IDEATOR_MAIL = "camille.martin@departement.example";
  static final String TEAM_MAIL = "lea.durand@departement.example";
  static final String INNOVATION_DIRECTORATE_MAIL = "dpm@departement.example";

  @Autowired IdeaMails notifier;
  @Autowired NotificationService notifications;
  @Autowired MailRenderer renderer;
  @Autowired SendMailDelegate sendMail;
  @Autowired MailTemplates templates;

  @BeforeEach
  void emptyTheMailboxes() {
    MailServer.get();
    MailServer.purge();
  }

  static Idea idea(IdeaStage stage) {
    return idea("camille", TITLE, stage);
  }

  static Idea idea(String ideator, String title, IdeaStage stage) {
    return new Idea(REFERENCE, title, PROBLEM_LINE_1 + "\n" + PROBLEM_LINE_2,
        "Un point relais dans chaque accueil du Département.", "Du temps gagné pour les agents.",
        ideator, "education", List.of("education", "dsi"), true, stage, "process-instance-1",
        Instant.parse("2026-03-02T09:00:00Z"), stage.isClosed() ? Instant.parse("2026-03-20T09:00:00Z") : null,
        stage.isClosed() ? REASON : null, false);
  }

  /**
   * The one mail sent, as received by each of its recipients (GreenMail keeps one copy per
   * recipient): exactly as many copies as recipients, each addressed to all of them.
   */
  static MimeMessage theMailSentTo(String... recipients) {
    List<MimeMessage> copies = MailServer.received();
    assertThat(copies).as("copies received").hasSize(recipients.length);
    for (String recipient : recipients) {
      assertThat(MailServer.to(recipient)).as("mails to " + recipient).hasSize(1);
    }
    copies.forEach(copy -> assertThat(MailServer.recipients(copy)).containsExactly(recipients));
    return copies.get(0);
  }

  static String text(MimeMessage message) {
    return MailServer.text(message).replace("\r\n", "\n");
  }

  /** What every mail must be, whatever its template. */
  static void assertWellFormedAndSafe(MimeMessage message, String expectedSubject) throws Exception {
    assertThat(MailServer.subject(message)).isEqualTo("[Construisons!] " + expectedSubject);
    assertThat(MailServer.subject(message)).as("no user text in the subject")
        .doesNotContain("script").doesNotContain("Cie").doesNotContain("colis");
    assertThat(message.getHeader("Subject")).singleElement().asString().as("encoded subject").startsWith("=?UTF-8?");
    assertThat(message.getFrom()).extracting(a -> ((InternetAddress) a).toUnicodeString()).containsExactly(FROM);

    Multipart alternative = alternativePart(message);
    assertThat(alternative).as("a multipart/alternative part").isNotNull();
    assertThat(alternative.getCount()).isEqualTo(2);
    BodyPart plain = alternative.getBodyPart(0);
    BodyPart html = alternative.getBodyPart(1);
    assertThat(plain.isMimeType("text/plain")).as("plain text first").isTrue();
    assertThat(html.isMimeType("text/html")).as("HTML last, the preferred version").isTrue();
    assertThat(plain.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(html.getContentType()).containsIgnoringCase("charset=UTF-8");

    String htmlBody = MailServer.html(message);
    assertThat(htmlBody).contains(ESCAPED_TITLE).contains(REFERENCE)
        .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    assertThat(htmlBody).as("French, correctly decoded").contains("lang=\"fr\"").contains("Département")
        .doesNotContain("Ã©");

    String textBody = text(message);
    assertThat(textBody).contains(TITLE).contains(REFERENCE)
        .as("French, correctly decoded").contains("Département").doesNotContain("Ã©");
    assertThat(textBody).as("no markup in the text version").doesNotContain("<p>").doesNotContain("&lt;");
  }

  static void assertTheProblemKeepsItsTwoLines(MimeMessage message) {
    assertThat(text(message)).contains(PROBLEM_LINE_1 + "\n" + PROBLEM_LINE_2);
    assertThat(MailServer.html(message)).contains(PROBLEM_LINE_1).contains(PROBLEM_LINE_2);
  }

  private static Multipart alternativePart(Part part) throws MessagingException, IOException {
    if (!part.isMimeType("multipart/*")) {
      return null;
    }
    Multipart multipart = (Multipart) part.getContent();
    if (part.isMimeType("multipart/alternative")) {
      return multipart;
    }
    for (int i = 0; i < multipart.getCount(); i++) {
      Multipart found = alternativePart(multipart.getBodyPart(i));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "CLARIFICATION            | Votre idée CONS-2026-0042 a bien été déposée",
      "REVIEW                   | Votre idée CONS-2026-0042 passe en revue en direction générale",
      "EXPERIMENT               | Votre idée CONS-2026-0042 va être expérimentée",
      "FEASIBILITY_STUDY        | Votre idée CONS-2026-0042 passe en étude de faisabilité",
      "FORWARDED                | Votre idée CONS-2026-0042 est transmise aux directions concernées",
      "INCUBATION               | Votre idée CONS-2026-0042 entre en incubation",
      "IMPLEMENTED              | Votre idée CONS-2026-0042 est mise en œuvre",
      "EXPERIMENT_STOPPED       | L'expérimentation de votre idée CONS-2026-0042 s'arrête",
      "NOT_FEASIBLE             | Votre idée CONS-2026-0042 n'est pas faisable en l'état",
      "OUT_OF_SCOPE             | Votre idée CONS-2026-0042 ne relève pas du dispositif",
      "TAKEN_UP_BY_DIRECTORATES | Les directions ont répondu sur votre idée CONS-2026-0042",
      "WITHDRAWN                | Votre idée CONS-2026-0042 est retirée",
      "DUPLICATE                | Votre idée CONS-2026-0042 rejoint une idée existante",
      "INCUBATION_ABANDONED     | L'incubation de votre idée CONS-2026-0042 s'arrête"})
  void theIdeatorIsToldOfEachStageOfTheirIdea(IdeaStage stage, String subject) throws Exception {
    notifier.stageChanged(idea(stage), stage, REASON, Map.of("duplicateOf", "CONS-2026-0007"));

    MimeMessage mail = theMailSentTo(IDEATOR_MAIL);
    assertWellFormedAndSafe(mail, subject);
    assertThat(text(mail)).as("addressed to the ideator by name").contains("Camille Martin");
  }

  @Test
  void everyStageAnIdeaCanMoveToHasItsMail() {
    List<IdeaStage> withoutMail = new ArrayList<>();
    for (IdeaStage stage : IdeaStage.values()) {
      if (stage == IdeaStage.SUBMITTED) {
        continue; // set by registration itself, which acknowledges with CLARIFICATION
      }
      if (templates.find(IdeaMails.forStage(stage)).isEmpty()) {
        withoutMail.add(stage);
      }
    }
    assertThat(withoutMail).isEmpty();
  }

  @Test
  void theAcknowledgementRecapsTheIdeaWithItsProblemOnTwoLines() throws Exception {
    notifier.stageChanged(idea(IdeaStage.CLARIFICATION), IdeaStage.CLARIFICATION, null, Map.of());

    MimeMessage mail = theMailSentTo(IDEATOR_MAIL);
    assertWellFormedAndSafe(mail, "Votre idée CONS-2026-0042 a bien été déposée");
    assertTheProblemKeepsItsTwoLines(mail);
  }

  @Test
  void aClosingReasonIsEscapedInHtmlAndKeptInText() throws Exception {
    notifier.stageChanged(idea(IdeaStage.OUT_OF_SCOPE), IdeaStage.OUT_OF_SCOPE, REASON, Map.of());

    MimeMessage mail = theMailSentTo(IDEATOR_MAIL);
    assertThat(text(mail)).contains(REASON);
    assertThat(MailServer.html(mail)).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
  }

  @Test
  void theTeamIsToldOfANewIdeaToClarify() throws Exception {
    notifications.send(notifier.compose(templates.get("NEW_IDEA"), idea(IdeaStage.CLARIFICATION), TakeUp.NONE, List.of(Recipient.TEAM)));

    MimeMessage mail = theMailSentTo(TEAM_MAIL);
    assertWellFormedAndSafe(mail, "Nouvelle idée CONS-2026-0042 à clarifier");
    assertTheProblemKeepsItsTwoLines(mail);
    assertThat(text(mail)).contains("Camille Martin").contains("porter lui-même son idée");
  }

  @Test
  void theTeamIsRemindedOfALateCall() throws Exception {
    // 5 working days: the configured reminder (construisons.deadlines.clarification-reminder)
    notifications.send(notifier.compose(templates.get("CLARIFICATION_REMINDER"), idea(IdeaStage.CLARIFICATION), TakeUp.NONE,
        List.of(Recipient.TEAM)));

    MimeMessage mail = theMailSentTo(TEAM_MAIL);
    assertWellFormedAndSafe(mail, "Relance : appel de clarification de l'idée CONS-2026-0042");
    assertTheProblemKeepsItsTwoLines(mail);
    assertThat(text(mail)).contains("5 jours ouvrés");
  }

  @Test
  void aLateCallIsEscalatedToTheTeamAndTheDirectorateRunningTheScheme() throws Exception {
    notifications.send(notifier.compose(templates.get("CLARIFICATION_ESCALATION"), idea(IdeaStage.CLARIFICATION), TakeUp.NONE,
        List.of(Recipient.TEAM, Recipient.INNOVATION_DIRECTORATE)));

    MimeMessage mail = theMailSentTo(TEAM_MAIL, INNOVATION_DIRECTORATE_MAIL);
    assertWellFormedAndSafe(mail, "Retard signalé : l'idée CONS-2026-0042 attend toujours son appel de clarification");
    assertTheProblemKeepsItsTwoLines(mail);
    assertThat(text(mail)).contains("10 jours ouvrés");
  }

  @Test
  void aForwardedIdeaGoesToTheDirectoratesMailbox() throws Exception {
    notifications.send(notifier.compose(templates.get("IDEA_FORWARDED"), idea(IdeaStage.FORWARDED),
        new TakeUp("education", null, null), List.of(Recipient.DIRECTORATE)));

    MimeMessage mail = theMailSentTo("direction.education@departement.example");
    assertWellFormedAndSafe(mail, "Idée CONS-2026-0042 transmise à votre direction");
    assertTheProblemKeepsItsTwoLines(mail);
    assertThat(text(mail)).contains("Direction de l'éducation");
  }

  @Test
  void aDirectorateThatDoesNotAnswerIsRemindedInItsMailbox() throws Exception {
    notifications.send(notifier.compose(templates.get("TAKE_UP_REMINDER"), idea(IdeaStage.FORWARDED),
        new TakeUp("dsi", null, null), List.of(Recipient.DIRECTORATE)));

    MimeMessage mail = theMailSentTo("dsi@departement.example");
    assertWellFormedAndSafe(mail, "Relance : l'idée CONS-2026-0042 attend la réponse de votre direction");
    assertTheProblemKeepsItsTwoLines(mail);
    assertThat(text(mail)).contains("Direction des systèmes d'information").contains("15 jours ouvrés");
  }

  @Test
  void theIdeatorHearsEachDirectoratesAnswer() throws Exception {
    notifications.send(notifier.compose(templates.get("DIRECTORATE_ANSWER"), idea(IdeaStage.FORWARDED),
        new TakeUp("mobilites", TakeUpDecision.TAKES_UP, "Nous l'intégrons au plan mobilité 2027."),
        List.of(Recipient.IDEATOR)));

    MimeMessage mail = theMailSentTo(IDEATOR_MAIL);
    assertWellFormedAndSafe(mail, "Direction des mobilités : réponse sur votre idée CONS-2026-0042");
    assertThat(text(mail)).contains("Direction des mobilités").contains("s'en saisit")
        .contains("Nous l'intégrons au plan mobilité 2027.");
  }

  @Test
  void theIdeatorIsAskedToReformulateWithTheTeamsNotesEscaped() throws Exception {
    notifications.send(notifier.compose(templates.get("REFORMULATION_REQUESTED"), idea(IdeaStage.CLARIFICATION),
        TakeUp.NONE, List.of(Recipient.IDEATOR), REASON));

    MimeMessage mail = theMailSentTo(IDEATOR_MAIL);
    assertWellFormedAndSafe(mail, "Votre idée CONS-2026-0042 est à reformuler");
    assertThat(MailServer.html(mail)).contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(text(mail)).contains(REASON).contains("« Reformuler l'idée »").contains("/camunda/app/tasklist/");
  }

  @Test
  void theTeamHearsThatAReformulatedIdeaIsBack() throws Exception {
    notifications.send(notifier.compose(templates.get("IDEA_REFORMULATED"), idea(IdeaStage.CLARIFICATION),
        TakeUp.NONE, List.of(Recipient.TEAM), REASON));

    MimeMessage mail = theMailSentTo(TEAM_MAIL);
    assertWellFormedAndSafe(mail, "Idée CONS-2026-0042 reformulée : nouvel appel de clarification");
    assertTheProblemKeepsItsTwoLines(mail);
    assertThat(text(mail)).contains("Camille Martin").contains(REASON);
  }

  @Test
  void generalManagementIsToldOfEachIdeaWaitingForItsReview() throws Exception {
    notifications.send(notifier.compose(templates.get("REVIEW_REQUESTED"), idea(IdeaStage.REVIEW),
        TakeUp.NONE, List.of(Recipient.GENERAL_MANAGEMENT), REASON));

    MimeMessage mail = theMailSentTo("paul.bernard@departement.example");
    assertWellFormedAndSafe(mail, "Idée CONS-2026-0042 à évaluer en direction générale");
    assertTheProblemKeepsItsTwoLines(mail);
    assertThat(text(mail)).contains("Camille Martin").contains(REASON).contains("« Évaluer l'idée »");
  }

  @Test
  void aTitleTryingToForgeAHeaderStaysInTheBody() throws Exception {
    String forged = "Titre\r\nBcc: pirate@example.com\r\nSubject: Gagné";
    notifications.send(notifier.compose(templates.get("NEW_IDEA"), idea("camille", forged, IdeaStage.CLARIFICATION), TakeUp.NONE,
        List.of(Recipient.TEAM)));

    MimeMessage mail = theMailSentTo(TEAM_MAIL);
    assertThat(MailServer.subject(mail)).isEqualTo("[Construisons!] Nouvelle idée CONS-2026-0042 à clarifier");
    assertThat(mail.getHeader("Bcc")).isNull();
    assertThat(mail.getHeader("Subject")).hasSize(1);
    assertThat(MailServer.to("pirate@example.com")).isEmpty();
  }

  @Test
  void anIdeatorUnknownToTheDirectoryIsNotMailedAndNothingFails() {
    notifier.stageChanged(idea("parti-depuis", TITLE, IdeaStage.REVIEW), IdeaStage.REVIEW, null, Map.of());

    assertThat(MailServer.received()).isEmpty();
  }

  /** The model every template may use, all filled in. */
  static Map<String, Object> fullModel(IdeaStage stage) {
    Map<String, Object> model = new HashMap<>();
    model.put("idea", idea(stage));
    model.put("ideatorName", "Camille Martin");
    model.put("stageLabel", stage.label());
    model.put("tasklistUrl", "http://localhost:8080/camunda/app/tasklist/");
    model.put("reason", REASON);
    model.put("directorateNames", List.of("Direction de l'éducation", "Direction des systèmes d'information"));
    model.put("directorateName", "Direction de l'éducation");
    model.put("decisionLabel", TakeUpDecision.ALREADY_DONE.label());
    model.put("duplicateOf", "CONS-2026-0007");
    model.put("workstreamLabels", "juridique, financier, étude de marché, parcours usagers");
    // The answer to a personal-data request: the team's own words (free text, so the hostile title)
    // and the request's date, which stands where the idea's reference does in the subject.
    model.put("requesterName", "Camille Martin");
    model.put("requestedOn", REFERENCE);
    model.put("kindLabel", "effacement");
    model.put("accepted", true);
    model.put("answerText", TITLE);
    model.put("erasureSummary", "idées closes anonymisées : 1 ; commentaires supprimés : 2");
    model.put("kindAfterDemande", "d'effacement");
    // A deadline's mail: the step its timer watches (WatchedTask) and the deadline, by name.
    model.put("stepName", "Évaluer l'idée");
    // Task names tell the idea's title (TaskNamesTellTheIdea): user text, so the hostile title.
    model.put("taskName", "Évaluer l'idée — " + REFERENCE + " " + TITLE);
    model.put("deadlineName", "scoring-reminder");
    return model;
  }

  /** Markup our templates write, or an entity: none may reach the text part (user text aside). */
  private static final Pattern MARKUP = Pattern.compile(
      "</?(html|head|body|title|meta|table|tr|td|div|p|span|strong|em|a|br|ul|ol|li)\\b[^>]*>|&[a-zA-Z]+;|&#\\d+;");

  @Test
  void everyTemplateRendersItsSubjectHtmlAndTextCompletely() {
    assertThat(templates.all()).as("mail templates").hasSizeGreaterThan(30);
    SoftAssertions softly = new SoftAssertions();
    for (MailTemplate template : templates.all()) {
      IdeaStage stage = template.name().startsWith("STAGE_")
          ? IdeaStage.valueOf(template.name().substring("STAGE_".length())) : IdeaStage.FORWARDED;
      MailRenderer.RenderedMail rendered;
      try {
        rendered = renderer.render(template, fullModel(stage));
      } catch (RuntimeException e) {
        softly.fail(template + " does not render: " + e.getMessage());
        continue;
      }
      Consumer<String> noTemplateLeftovers = body -> softly.assertThat(body).as(template + " leftovers")
          .doesNotContain("[(").doesNotContain("[#").doesNotContain("[/]").doesNotContain("${")
          .doesNotContainPattern("\\sth:[a-z]").doesNotContain("~{");
      softly.assertThat(rendered.html()).as(template + " HTML").startsWith("<!DOCTYPE html>")
          .contains(ESCAPED_TITLE).contains(REFERENCE).doesNotContain("<script").contains("Construisons!");
      softly.assertThat(rendered.text()).as(template + " text").contains(TITLE).contains(REFERENCE)
          .doesNotContain("<html").doesNotContain("&amp;").doesNotContain("\u00A0").doesNotContain("\n\n\n");
      softly.assertThat(MARKUP.matcher(rendered.text().replace(TITLE, "")).results().map(MatchResult::group).toList())
          .as(template + " markup in the text").isEmpty();
      noTemplateLeftovers.accept(rendered.html());
      noTemplateLeftovers.accept(rendered.text());
      softly.assertThat(rendered.subject()).as(template + " subject")
          .startsWith("[Construisons!] ").contains(REFERENCE).doesNotContain("\n").doesNotContain("\r")
          .doesNotContain("Cie").doesNotContain("script");
    }
    softly.assertAll();
  }

  @Test
  void everyTemplateIsAMailOfSomeCatalogue() {
    assertThat(sendMail.mails()).extracting(MailTemplate::name)
        .containsExactlyInAnyOrderElementsOf(templates.all().stream().map(MailTemplate::name).toList());
  }
}
