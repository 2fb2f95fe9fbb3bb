package fr.construisons.ideabox;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.*;
import static fr.construisons.support.IdeaScenario.AGENT;
import static fr.construisons.support.IdeaScenario.ideaForm;
import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.incubation.Incubation;
import fr.construisons.ideabox.IdeaTimeline.Step;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public timeline of an idea, built from the history of real engine runs: each path shows its
 * steps in order, the public answers and results, and none of the private notes, scores, comments
 * or agreement details, which the runs fill with recognisable markers.
 */
@ProcessTest
class IdeaTimelineTest {

  static final String PRIVATE_NOTES = "NOTES-PRIVEES-7f3a de l'appel de clarification";
  static final String PRIVATE_REVIEW = "AVIS-PRIVE-DG-91c2 sur l'idée";
  static final String PRIVATE_JUSTIFICATION = "JUSTIFICATION-PRIVEE-4d8e";

  @Autowired IdeaScenario scenario;
  @Autowired IdeaTimeline timeline;
  @Autowired IdeaRepository catalogue;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void setUp() {
    MailServer.get();
    MailServer.purge();
  }

  /** Clarification and review as the team and the committee fill them, with private markers. */
  static void reviewWithPrivateMarkers(IdeaScenario scenario, ProcessInstance idea, int impact, int feasibility,
      RuntimeService runtime) {
    scenario.complete(idea, TASK_CLARIFY_IDEA, Map.of(CLARIFICATION_OUTCOME.name(), "FITS",
        CLARIFICATION_NOTES.name(), PRIVATE_NOTES));
    scenario.complete(idea, TASK_SCORE_IDEA, Map.of(STRATEGIC_IMPACT.name(), impact, FEASIBILITY.name(), feasibility,
        REVIEW_COMMENT.name(), PRIVATE_REVIEW));
    String recommended = (String) runtime.getVariable(idea.getId(), RECOMMENDED_ORIENTATION.name());
    scenario.complete(idea, TASK_DECIDE_ORIENTATION, Map.of(ORIENTATION.name(), recommended,
        ORIENTATION_JUSTIFICATION.name(), PRIVATE_JUSTIFICATION));
  }

  private List<Step> stepsOf(ProcessInstance idea) {
    return timeline.of(catalogue.find(idea.getBusinessKey()).orElseThrow());
  }

  private static List<String> labels(List<Step> steps) {
    return steps.stream().map(Step::label).toList();
  }

  private static void assertNothingPrivate(List<Step> steps, String... more) {
    List<String> texts = steps.stream().flatMap(s -> Stream.of(s.label(), s.detail())).filter(t -> t != null).toList();
    for (String secret : Stream.concat(Stream.of(PRIVATE_NOTES, PRIVATE_REVIEW, PRIVATE_JUSTIFICATION), Stream.of(more)).toList()) {
      assertThat(texts).as("timeline texts").noneMatch(t -> t.contains(secret));
    }
    assertThat(steps).as("every step has a date").allMatch(s -> s.at() != null);
  }

  @Test
  void aForwardedIdeaShowsTheDirectoratesAndEachAnswerWithItsReason() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "education", "mobilites"));
    reviewWithPrivateMarkers(scenario, idea, 1, 3, runtime);
    Task education = tasks.createTaskQuery().processInstanceId(idea.getId()).taskCandidateGroup("dir-education").singleResult();
    Task mobilites = tasks.createTaskQuery().processInstanceId(idea.getId()).taskCandidateGroup("dir-mobilites").singleResult();

    // Before any answer: forwarded, nothing answered yet, not closed.
    assertThat(labels(stepsOf(idea))).containsExactly("Idée déposée",
        "Appel de clarification avec l'équipe Construisons!",
        "Présentée à la revue en direction générale",
        "Revue en direction générale : orientation « transmise aux directions »",
        "Transmise aux directions : Direction de l'éducation, Direction des mobilités");

    scenario.completeTask(mobilites, Map.of(TAKE_UP_DECISION.name(), "DECLINES",
        TAKE_UP_REASON.name(), "Hors de nos compétences de transport."));
    scenario.completeTask(education, Map.of(TAKE_UP_DECISION.name(), "TAKES_UP",
        TAKE_UP_REASON.name(), "Nous l'intégrons au plan collèges 2027."));

    List<Step> steps = stepsOf(idea);
    assertThat(labels(steps)).containsExactly("Idée déposée",
        "Appel de clarification avec l'équipe Construisons!",
        "Présentée à la revue en direction générale",
        "Revue en direction générale : orientation « transmise aux directions »",
        "Transmise aux directions : Direction de l'éducation, Direction des mobilités",
        "Direction des mobilités n'y donne pas suite",
        "Direction de l'éducation s'en saisit",
        "Idée close : Transmise aux directions, réponses reçues");
    assertThat(steps.get(5).detail()).isEqualTo("Hors de nos compétences de transport.");
    assertThat(steps.get(6).detail()).isEqualTo("Nous l'intégrons au plan collèges 2027.");
    assertNothingPrivate(steps);
  }

  @Test
  void anExperimentShowsItsOrientationAndItsResultOnce() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "dsi"));
    reviewWithPrivateMarkers(scenario, idea, 4, 4, runtime);
    String report = "COMPTE-RENDU-6b1e : trois sites pilotes";
    scenario.complete(idea, TASK_CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_REPORT.name(), report));
    scenario.complete(idea, TASK_ASSESS_EXPERIMENT, Map.of(EXPERIMENT_DECISION.name(), "STOP",
        EXPERIMENT_CONCLUSION.name(), "Volume trop faible, arrêt à la fin du pilote."));

    List<Step> steps = stepsOf(idea);
    assertThat(labels(steps)).containsExactly("Idée déposée",
        "Appel de clarification avec l'équipe Construisons!",
        "Présentée à la revue en direction générale",
        "Revue en direction générale : orientation « expérimentation »",
        "Bilan de l'expérimentation : l'expérimentation s'arrête",
        "Idée close : Expérimentation arrêtée");
    assertThat(steps.get(4).detail()).isEqualTo("Volume trop faible, arrêt à la fin du pilote.");
    assertThat(steps.get(5).detail()).as("the conclusion is not repeated by the closing step").isNull();
    assertNothingPrivate(steps);
  }

  @Test
  void anIncubatedIdeaShowsTheStudyTheIncubationAndItsImplementationButNoAgreementOrExpertDetail() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(true, "education"));
    ProcessInstance incubation = scenario.incubated(idea);
    assertThat(labels(stepsOf(idea))).endsWith(
        "Revue en direction générale : orientation « étude de faisabilité »",
        "Étude de faisabilité : l'idée est faisable",
        "Incubation commencée : l'agent-idéateur devient agent-intrapreneur");

    scenario.implement(incubation);

    List<Step> steps = stepsOf(idea);
    assertThat(labels(steps)).containsExactly("Idée déposée",
        "Appel de clarification avec l'équipe Construisons!",
        "Présentée à la revue en direction générale",
        "Revue en direction générale : orientation « étude de faisabilité »",
        "Étude de faisabilité : l'idée est faisable",
        "Incubation commencée : l'agent-idéateur devient agent-intrapreneur",
        "Équipe projet constituée",
        "Décision de la direction générale : mettre en œuvre",
        "Mise en œuvre par la direction",
        "Idée close : Mise en œuvre");
    assertThat(steps.get(4).detail()).isEqualTo("Faisable sur cinq sites avec une convention type.");
    assertThat(steps.get(9).detail()).isEqualTo("Relais-colis ouverts dans cinq collèges depuis le 1er septembre.");
    // The line manager's conditions and the experts' comments (IdeaScenario's forms) stay private.
    assertNothingPrivate(steps, "Hors période de rentrée scolaire.", "Analyse solide, risques maîtrisés.",
        "Livrable du volet", "Idée utile à tous les sites.", "Appel du 3 décembre");
  }

  @Test
  void aPivotThenAnImplementationShowEachDecisionAsItWasTaken() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(true, "education"));
    ProcessInstance incubation = scenario.incubated(idea);
    scenario.startWorkstreams(incubation);
    scenario.carryAndReviewWorkstreams(incubation, "WITH_RESERVATIONS");
    scenario.decide(incubation, Map.of(Incubation.IMPLEMENTATION_DECISION.name(), "PIVOT",
        Incubation.PIVOT_WORKSTREAMS, SpinValues.jsonValue("[\"LEGAL\"]").create(),
        Incubation.DECISION_REASON.name(), "Revoir le montage juridique."));
    scenario.carryAndReviewWorkstreams(incubation, "FAVOURABLE");
    scenario.decide(incubation, IdeaScenario.decision("IMPLEMENT"));

    assertThat(labels(stepsOf(idea))).endsWith(
        "Incubation commencée : l'agent-idéateur devient agent-intrapreneur",
        "Équipe projet constituée",
        "Décision de la direction générale : réorienter certains volets",
        "Décision de la direction générale : mettre en œuvre");
  }

  @Test
  void aWithdrawnIdeaKeepsTheAuthorsOwnReasonPrivate() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "dsi"));
    scenario.complete(idea, TASK_CLARIFY_IDEA, Map.of(CLARIFICATION_OUTCOME.name(), "FITS",
        CLARIFICATION_NOTES.name(), PRIVATE_NOTES));
    scenario.startAs(AGENT, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(
        IDEA_REFERENCE.name(), idea.getBusinessKey(), WITHDRAWAL_REASON.name(), "Je change de service le mois prochain."));
    scenario.runJobs();

    List<Step> steps = stepsOf(idea);
    assertThat(labels(steps)).containsExactly("Idée déposée",
        "Appel de clarification avec l'équipe Construisons!",
        "Présentée à la revue en direction générale",
        "Idée close : Retirée par l'agent");
    // The agent's own words may be personal ("I am changing jobs"): told to the team, not to all.
    assertThat(steps.get(3).detail()).isNull();
    assertThat(steps).noneSatisfy(step -> assertThat(String.valueOf(step.detail())).contains("Je change de service"));
    assertNothingPrivate(steps);
  }

  @Test
  void anIdeaOutOfTheSchemeDoesNotShowTheCallNotesThatExplainIt() {
    ProcessInstance idea = scenario.submit(AGENT, ideaForm(false, "dsi"));
    scenario.complete(idea, TASK_CLARIFY_IDEA, Map.of(CLARIFICATION_OUTCOME.name(), "OUT_OF_SCOPE",
        CLARIFICATION_NOTES.name(), PRIVATE_NOTES));
    assertThat(catalogue.find(idea.getBusinessKey()).orElseThrow().closingReason())
        .as("the catalogue keeps the notes as the closing reason").isEqualTo(PRIVATE_NOTES);

    List<Step> steps = stepsOf(idea);
    assertThat(labels(steps)).containsExactly("Idée déposée",
        "Appel de clarification avec l'équipe Construisons!",
        "Orientée hors du dispositif après l'appel de clarification",
        "Idée close : Hors du dispositif");
    assertNothingPrivate(steps);
  }
}
