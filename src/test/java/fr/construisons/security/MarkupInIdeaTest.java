package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.TASK_CLARIFY_IDEA;
import static fr.construisons.security.HostileIdeas.*;
import static fr.construisons.security.MailChecks.*;
import static fr.construisons.support.IdeaScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Markup in an idea, submitted as an agent does from Tasklist: it is data, stored as typed and
 * quoted as text in every mail (escaped in HTML, verbatim in plain text). How Tasklist shows it is
 * {@link MarkupInTasklistBrowserTest}.
 */
@ProcessTest
class MarkupInIdeaTest {

  private static final String MARKUP_NOTES =
      "Hors dispositif <iframe src=\"https://hameconnage.example/\"></iframe> <b>désolé</b> & <script>alert('notes')</script>";

  @Autowired IdeaScenario scenario;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdeaRepository catalogue;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
  }

  @Test
  void markupIsStoredAsTypedAndQuotedAsTextInTheMailsOfTheSubmission() {
    ProcessInstance instance = scenario.submit(AGENT, markupIdea());

    assertThat(runtime.getVariables(instance.getId()))
        .containsEntry(TITLE.name(), MARKUP_TITLE)
        .containsEntry(PROBLEM.name(), MARKUP_PROBLEM)
        .containsEntry(SOLUTION.name(), MARKUP_SOLUTION)
        .containsEntry(BENEFITS.name(), MARKUP_BENEFITS);
    Idea idea = catalogue.find(scenario.reference(instance)).orElseThrow();
    assertThat(idea.title()).isEqualTo(MARKUP_TITLE);
    assertThat(idea.problem()).isEqualTo(MARKUP_PROBLEM);
    assertThat(idea.solution()).isEqualTo(MARKUP_SOLUTION);
    assertThat(idea.benefits()).isEqualTo(MARKUP_BENEFITS);

    MimeMessage acknowledgement = onlyMailTo(AGENT_MAIL);
    MimeMessage newIdea = onlyMailTo(TEAM_MAIL);
    for (MimeMessage mail : new MimeMessage[] {acknowledgement, newIdea}) {
      assertThat(MailServer.subject(mail)).contains(idea.reference()).doesNotContain("<", "gras");
      assertHtmlShowsAsText(mail, MARKUP_TITLE, MARKUP_PROBLEM, MARKUP_SOLUTION, MARKUP_BENEFITS);
      assertTextShowsVerbatim(mail, MARKUP_TITLE, MARKUP_PROBLEM, MARKUP_SOLUTION, MARKUP_BENEFITS);
    }
    // Spelled out once, so that a reader of this test sees what "escaped" means.
    assertThat(MailServer.html(acknowledgement))
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Idée &lt;b&gt;gras&lt;/b&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&quot;&gt;&lt;svg onload=alert(1)&gt;");
  }

  @Test
  void markupInTheNotesOfTheCallIsQuotedAsTextInTheClosingMail() {
    ProcessInstance instance = scenario.submit(AGENT, markupIdea());
    MailServer.purge();

    scenario.complete(instance, TASK_CLARIFY_IDEA,
        Map.of(CLARIFICATION_OUTCOME.name(), "OUT_OF_SCOPE", CLARIFICATION_NOTES.name(), MARKUP_NOTES));

    Idea idea = catalogue.find(scenario.reference(instance)).orElseThrow();
    assertThat(idea.stage()).isEqualTo(IdeaStage.OUT_OF_SCOPE);
    assertThat(idea.closingReason()).isEqualTo(MARKUP_NOTES);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(CLARIFICATION_NOTES.name()).singleResult().getValue()).isEqualTo(MARKUP_NOTES);
    MimeMessage closing = onlyMailTo(AGENT_MAIL);
    assertHtmlShowsAsText(closing, MARKUP_TITLE, MARKUP_NOTES);
    assertTextShowsVerbatim(closing, MARKUP_TITLE, MARKUP_NOTES);
  }
}
