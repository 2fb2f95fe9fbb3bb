package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.*;
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
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Expression syntax in what agents and reviewers type: the engine (JUEL, which the models use as
 * ${...} and #{...}) and the mail templates (Thymeleaf: ${...}, [[...]], [(...)], __...__,
 * *{...}, ~{...}) must carry it as text and never evaluate it. An evaluation would leave a trace:
 * a variable "pwned", the admin user gone, or the product 333333 in a mail.
 */
@ProcessTest
class ExpressionInIdeaTest {

  private static final String EVALUATED = "333333";
  private static final String TITLE_EXPRESSION = "${execution.setVariable('pwned', true)}";
  private static final String PROBLEM_EXPRESSION =
      "#{identityService.deleteUser('admin')} puis ${identityService.deleteUser('admin')}";
  private static final String SOLUTION_EXPRESSION =
      "${''.getClass().forName('java.lang.Runtime')} et [[${111111*3}]] et [(${111111*3})]";
  private static final String BENEFITS_EXPRESSION =
      "__${111111*3}__ *{111111*3} #{111111*3} ~{fragments/layout :: header} @{/x?a=${111111*3}}";
  private static final String NOTES_EXPRESSION =
      "${execution.setVariable('pwned', true)} #{identityService.deleteUser('admin')} [(${111111*3})]";
  private static final String COMMENT_EXPRESSION =
      "#{execution.setVariable('pwned', true)} __${111111*3}__ [[${111111*3}]]";

  @Autowired IdeaScenario scenario;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired IdeaRepository catalogue;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
    assertThat(identity.createUserQuery().userId("admin").count()).as("admin before the test").isEqualTo(1);
  }

  @AfterEach
  void nothingWasEvaluated() {
    assertThat(identity.createUserQuery().userId("admin").count()).as("admin after the test").isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().variableName("pwned").count())
        .as("variables named pwned, ever").isZero();
  }

  private static Map<String, Object> expressionIdea() {
    return HostileIdeas.idea(TITLE_EXPRESSION, PROBLEM_EXPRESSION, SOLUTION_EXPRESSION, BENEFITS_EXPRESSION);
  }

  @Test
  void anExpressionInTheIdeaIsStoredAndMailedAsTyped() {
    ProcessInstance instance = scenario.submit(AGENT, expressionIdea());

    assertThat(runtime.getVariables(instance.getId()))
        .containsEntry(TITLE.name(), TITLE_EXPRESSION)
        .containsEntry(PROBLEM.name(), PROBLEM_EXPRESSION)
        .containsEntry(SOLUTION.name(), SOLUTION_EXPRESSION)
        .containsEntry(BENEFITS.name(), BENEFITS_EXPRESSION)
        .doesNotContainKey("pwned");
    Idea idea = catalogue.find(scenario.reference(instance)).orElseThrow();
    assertThat(List.of(idea.title(), idea.problem(), idea.solution(), idea.benefits()))
        .containsExactly(TITLE_EXPRESSION, PROBLEM_EXPRESSION, SOLUTION_EXPRESSION, BENEFITS_EXPRESSION);

    for (MimeMessage mail : List.of(onlyMailTo(AGENT_MAIL), onlyMailTo(TEAM_MAIL))) {
      assertHtmlShowsAsText(mail, TITLE_EXPRESSION, PROBLEM_EXPRESSION, SOLUTION_EXPRESSION, BENEFITS_EXPRESSION);
      assertTextShowsVerbatim(mail, TITLE_EXPRESSION, PROBLEM_EXPRESSION, SOLUTION_EXPRESSION, BENEFITS_EXPRESSION);
      assertThat(MailServer.html(mail)).doesNotContain(EVALUATED);
      assertThat(MailServer.text(mail)).doesNotContain(EVALUATED);
    }
  }

  /** The notes reach the closing mail through the model's input mapping stageReason = ${clarificationNotes}. */
  @Test
  void anExpressionInTheNotesOfTheCallGoesThroughTheModelsMappingAsText() {
    ProcessInstance instance = scenario.submit(AGENT, expressionIdea());
    MailServer.purge();

    scenario.complete(instance, TASK_CLARIFY_IDEA,
        Map.of(CLARIFICATION_OUTCOME.name(), "OUT_OF_SCOPE", CLARIFICATION_NOTES.name(), NOTES_EXPRESSION));

    Idea idea = catalogue.find(scenario.reference(instance)).orElseThrow();
    assertThat(idea.stage()).isEqualTo(IdeaStage.OUT_OF_SCOPE);
    assertThat(idea.closingReason()).isEqualTo(NOTES_EXPRESSION);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(TITLE.name()).singleResult().getValue()).isEqualTo(TITLE_EXPRESSION);
    MimeMessage closing = onlyMailTo(AGENT_MAIL);
    assertHtmlShowsAsText(closing, TITLE_EXPRESSION, NOTES_EXPRESSION);
    assertTextShowsVerbatim(closing, TITLE_EXPRESSION, NOTES_EXPRESSION);
    assertThat(MailServer.html(closing) + MailServer.text(closing)).doesNotContain(EVALUATED);
  }

  /** The committee's comment reaches the study mail through ${orientationReasons.of(execution)}. */
  @Test
  void anExpressionInTheCommitteesCommentGoesThroughTheOrientationReasonAsText() {
    ProcessInstance instance = scenario.submit(AGENT, expressionIdea());
    scenario.toReview(instance);
    MailServer.purge();

    scenario.complete(instance, TASK_SCORE_IDEA, Map.of(STRATEGIC_IMPACT.name(), 3, FEASIBILITY.name(), 3,
        REVIEW_COMMENT.name(), COMMENT_EXPRESSION));
    String recommended = (String) runtime.getVariable(instance.getId(), RECOMMENDED_ORIENTATION.name());
    assertThat(recommended).isEqualTo("STUDY");
    scenario.complete(instance, TASK_DECIDE_ORIENTATION, orientation(recommended));

    assertThat(catalogue.find(scenario.reference(instance)).orElseThrow().stage()).isEqualTo(IdeaStage.FEASIBILITY_STUDY);
    assertThat(runtime.getVariables(instance.getId()))
        .containsEntry(REVIEW_COMMENT.name(), COMMENT_EXPRESSION)
        .containsEntry(TITLE.name(), TITLE_EXPRESSION)
        .doesNotContainKey("pwned");
    MimeMessage study = onlyMailTo(AGENT_MAIL);
    assertHtmlShowsAsText(study, TITLE_EXPRESSION, COMMENT_EXPRESSION);
    assertTextShowsVerbatim(study, TITLE_EXPRESSION, COMMENT_EXPRESSION);
    assertThat(MailServer.html(study) + MailServer.text(study)).doesNotContain(EVALUATED);
  }
}
