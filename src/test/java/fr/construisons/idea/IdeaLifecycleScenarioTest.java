package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.*;
import static fr.construisons.idea.IdeaLifecycle.Elements.*;
import static fr.construisons.support.IdeaScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.process.InvalidFormDataException;
import fr.construisons.support.FullProcessCoverage;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One scenario per path of idea-lifecycle (and of the withdrawal and duplicate-closure processes
 * that interrupt it), against the real engine, database and SMTP server. The class fails unless
 * every flow node and sequence flow of the models is covered; the report is in
 * target/process-test-coverage/.
 */
@ProcessTest
// The incubation has its own scenario class (IncubationScenarioTest).
@FullProcessCoverage(excluding = "incubation")
class IdeaLifecycleScenarioTest {

  @Autowired IdeaScenario scenario;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdeaRepository catalogue;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    MailServer.get();
    MailServer.purge();
  }

  private ProcessInstance submitted(boolean wantsToCarry, String... impacted) {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(wantsToCarry, impacted));
    MailServer.purge();
    return instance;
  }

  private Idea idea(ProcessInstance instance) {
    return catalogue.find(scenario.reference(instance)).orElseThrow();
  }

  private List<String> subjectsTo(String address) {
    return MailServer.to(address).stream().map(MailServer::subject).toList();
  }

  private static String lastMailTo(String address) {
    List<MimeMessage> mails = MailServer.to(address);
    assertThat(mails).isNotEmpty();
    return body(mails.get(mails.size() - 1));
  }

  private static String body(MimeMessage message) {
    return MailServer.text(message);
  }

  @Test
  void submittingRegistersTheIdeaTellsTheAgentAndTheTeamAndWaitsForTheCall() {
    ProcessInstance instance = scenario.submit(AGENT, ideaForm(false, "education", "dsi"));

    String reference = scenario.reference(instance);
    assertThat(reference).matches("CONS-\\d{4}-\\d{4}");
    assertThat(instance.getBusinessKey()).isEqualTo(reference);
    assertThat(instance).isWaitingAt(TASK_CLARIFY_IDEA)
        .hasPassed(TASK_REGISTER_IDEA, TASK_ACKNOWLEDGE_IDEA, TASK_NOTIFY_TEAM)
        .variables().containsEntry(IDEATOR.name(), AGENT).containsEntry(STAGE.name(), "CLARIFICATION");
    Task call = scenario.task(instance, TASK_CLARIFY_IDEA);
    assertThat(call).hasCandidateGroup("equipe-construisons");
    // The call's form shows the ideator by name: a display variable of the task alone, from the
    // directory; the process keeps her id.
    assertThat(tasks.getVariablesLocal(call.getId())).containsExactly(Map.entry(IDEATOR_NAME.name(), "Camille Martin"));
    assertThat(tasks.getVariables(call.getId())).containsEntry(IDEATOR.name(), AGENT);
    assertThat(runtime.getVariable(instance.getId(), IDEATOR_NAME.name())).as("not a process variable").isNull();

    Idea idea = idea(instance);
    assertThat(idea.stage()).isEqualTo(IdeaStage.CLARIFICATION);
    assertThat(idea.ideator()).isEqualTo(AGENT);
    assertThat(idea.impactedDirectorates()).containsExactly("education", "dsi");
    assertThat(idea.closedAt()).isNull();

    assertThat(subjectsTo(AGENT_MAIL)).containsExactly("[Construisons!] Votre idée " + reference + " a bien été déposée");
    assertThat(subjectsTo(TEAM_MAIL)).containsExactly("[Construisons!] Nouvelle idée " + reference + " à clarifier");
  }

  @Test
  void anInvalidSubmissionIsRefusedInFrenchAndNothingIsStored() {
    long ideasBefore = catalogue.count();
    long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    Map<String, Object> form = ideaForm(false, "education", "nowhere");
    form.put(TITLE.name(), "Oui");
    form.remove(SOLUTION.name());

    assertThatThrownBy(() -> scenario.startAs(AGENT, PROCESS_KEY, form))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("« Titre de l'idée » doit contenir au moins 5 caractères")
        .hasMessageContaining("« Solution proposée » est obligatoire")
        .hasMessageContaining("la direction concernée « nowhere » n'existe pas");

    assertThat(catalogue.count()).isEqualTo(ideasBefore);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(instancesBefore);
  }

  @Test
  void anIdeaWithoutAnAuthenticatedAgentIsRefused() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, ideaForm(false, "dsi")))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("doit être connecté");
  }

  @Test
  void anIdeaToBeReformulatedGoesBackToTheAgentThenToANewCall() {
    ProcessInstance instance = submitted(false, "rh");
    scenario.complete(instance, TASK_CLARIFY_IDEA, clarification("REFORMULATE"));

    assertThat(instance).isWaitingAt(TASK_REFORMULATE_IDEA);
    assertThat(scenario.task(instance, TASK_REFORMULATE_IDEA)).isAssignedTo(AGENT);
    String reference = scenario.reference(instance);
    // The ideator learns what the team asked and where to rework her idea, in one mail.
    assertThat(MailServer.to(AGENT_MAIL)).singleElement().satisfies(mail -> {
      assertThat(MailServer.subject(mail)).isEqualTo("[Construisons!] Votre idée " + reference + " est à reformuler");
      assertThat(body(mail)).contains("Appel du 3 décembre : la solution répond au besoin des sites.")
          .contains("« Reformuler l'idée »").contains("/camunda/app/tasklist/");
    });
    assertThat(MailServer.to(TEAM_MAIL)).as("nothing for the team until the idea comes back").isEmpty();
    MailServer.purge();

    Map<String, Object> rework = new HashMap<>(ideaForm(true, "rh", "dsi"));
    rework.put(TITLE.name(), "Relais-colis dans les collèges et les maisons du Département");
    rework.put(RESOURCES_NEEDED.name(), "  Une étagère par accueil et deux heures de formation.  ");
    scenario.complete(instance, TASK_REFORMULATE_IDEA, rework);

    assertThat(instance).isWaitingAt(TASK_CLARIFY_IDEA);
    assertThat(runtime.getVariable(instance.getId(), CLARIFICATION_OUTCOME.name()))
        .as("the new call starts without the previous outcome").isNull();
    // The team hears that the reworked idea is back for a new call; the ideator gets nothing more.
    assertThat(MailServer.to(TEAM_MAIL)).singleElement().satisfies(mail -> {
      assertThat(MailServer.subject(mail)).isEqualTo("[Construisons!] Idée " + reference + " reformulée : nouvel appel de clarification");
      assertThat(body(mail)).contains("Relais-colis dans les collèges et les maisons du Département")
          .contains("Camille Martin").contains("/camunda/app/tasklist/");
    });
    assertThat(MailServer.to(AGENT_MAIL)).isEmpty();
    Idea idea = idea(instance);
    assertThat(idea.title()).isEqualTo("Relais-colis dans les collèges et les maisons du Département");
    assertThat(idea.impactedDirectorates()).containsExactly("rh", "dsi");
    assertThat(idea.wantsToCarry()).isTrue();
    assertThat(idea.details()).as("an optional detail given in the reformulation, cleaned")
        .containsExactly(Map.entry(RESOURCES_NEEDED.name(), "Une étagère par accueil et deux heures de formation."));
  }

  @Test
  void aDetailLongerThanDeclaredIsRefusedInFrench() {
    Map<String, Object> form = ideaForm(false, "rh");
    form.put(RESOURCES_NEEDED.name(), "x".repeat(1001));
    assertThatThrownBy(() -> scenario.startAs(AGENT, PROCESS_KEY, form))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("le champ « Moyens nécessaires (estimation) » ne doit pas dépasser 1000 caractères");
  }

  @Test
  void anInvalidTaskCompletionIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = submitted(false, "rh");
    Task call = scenario.task(instance, TASK_CLARIFY_IDEA);

    assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of(CLARIFICATION_OUTCOME.name(), "MAYBE")))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("« Issue de l'appel » doit valoir FITS, REFORMULATE, OUT_OF_SCOPE")
        .hasMessageContaining("« Notes de l'appel » est obligatoire");

    assertThat(instance).isWaitingAt(TASK_CLARIFY_IDEA);
    assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).isEqualTo(1);
  }

  @Test
  void anIdeaOutOfScopeEndsAndTheAgentIsToldWhy() {
    ProcessInstance instance = submitted(false, "rh");
    scenario.complete(instance, TASK_CLARIFY_IDEA, Map.of(CLARIFICATION_OUTCOME.name(), "OUT_OF_SCOPE",
        CLARIFICATION_NOTES.name(), "Relève du règlement intérieur, déjà en révision par la DRH."));

    assertThat(instance).isEnded().hasPassed(END_OUT_OF_SCOPE, END_INSTRUCTION_CLOSED);
    Idea idea = idea(instance);
    assertThat(idea.stage()).isEqualTo(IdeaStage.OUT_OF_SCOPE);
    assertThat(idea.closedAt()).isNotNull();
    assertThat(idea.closingReason()).isEqualTo("Relève du règlement intérieur, déjà en révision par la DRH.");
    List<MimeMessage> mails = MailServer.to(AGENT_MAIL);
    assertThat(mails).hasSize(1);
    assertThat(MailServer.subject(mails.get(0))).contains("ne relève pas du dispositif");
    assertThat(body(mails.get(0))).contains("déjà en révision par la DRH");
  }

  @Test
  void aLateCallIsRemindedAfterFiveWorkingDaysThenEscalated() {
    ProcessInstance instance = submitted(false, "rh");
    List<Job> timers = management.createJobQuery().processInstanceId(instance.getId()).timers()
        .orderByJobDuedate().asc().list();
    assertThat(timers).hasSize(2);

    management.executeJob(timers.get(0).getId());
    scenario.runJobs();
    assertThat(instance).hasPassed(TASK_REMIND_TEAM).isWaitingAt(TASK_CLARIFY_IDEA);
    assertThat(subjectsTo(TEAM_MAIL)).singleElement().asString().startsWith("[Construisons!] Relance");

    management.executeJob(timers.get(1).getId());
    scenario.runJobs();
    assertThat(instance).hasPassed(TASK_ESCALATE_CLARIFICATION).isWaitingAt(TASK_CLARIFY_IDEA);
    assertThat(subjectsTo("dpm@departement.example")).singleElement().asString().startsWith("[Construisons!] Retard signalé");
  }

  @Test
  void theCommitteeFollowsAnExperimentThatIsGeneralised() {
    ProcessInstance instance = submitted(false, "dsi");
    String reference = scenario.reference(instance);
    scenario.toReview(instance);
    assertThat(instance).isWaitingAt(TASK_SCORE_IDEA).hasPassed(TASK_NOTIFY_GENERAL_MANAGEMENT);
    // General management is told that an idea waits for its scores, with the idea and the way to Tasklist.
    assertThat(MailServer.to(DG_MAIL)).singleElement().satisfies(mail -> {
      assertThat(MailServer.subject(mail)).isEqualTo("[Construisons!] Idée " + reference + " à évaluer en direction générale");
      assertThat(body(mail)).contains("Relais-colis dans nos implantations").contains("Camille Martin")
          .contains("Appel du 3 décembre").contains("/camunda/app/tasklist/");
    });
    assertThat(subjectsTo(AGENT_MAIL)).as("one mail to the ideator for the review: its stage mail")
        .containsExactly("[Construisons!] Votre idée " + reference + " passe en revue en direction générale");
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.REVIEW);
    assertThat(scenario.task(instance, TASK_SCORE_IDEA)).hasCandidateGroup("direction-generale");

    scenario.complete(instance, TASK_SCORE_IDEA, scores(4, 4));
    assertThat(instance).isWaitingAt(TASK_DECIDE_ORIENTATION).variables()
        .containsEntry(RECOMMENDED_ORIENTATION.name(), "EXPERIMENT")
        .containsEntry(ORIENTATION.name(), "EXPERIMENT");
    MailServer.purge();
    scenario.complete(instance, TASK_DECIDE_ORIENTATION, orientation("EXPERIMENT"));

    assertThat(instance).isWaitingAt(TASK_CONDUCT_EXPERIMENT);
    // One mail tells the ideator both the stage and her task « Conduire l'expérimentation ».
    assertThat(MailServer.to(AGENT_MAIL)).singleElement().satisfies(mail -> {
      assertThat(MailServer.subject(mail)).isEqualTo("[Construisons!] Votre idée " + reference + " va être expérimentée");
      assertThat(body(mail)).contains("« Conduire l'expérimentation »").contains("/camunda/app/tasklist/");
    });
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.EXPERIMENT);
    Task experiment = scenario.task(instance, TASK_CONDUCT_EXPERIMENT);
    assertThat(experiment).isAssignedTo(AGENT);
    assertThat(tasks.getIdentityLinksForTask(experiment.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("equipe-construisons"));
    scenario.complete(instance, TASK_CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_REPORT.name(),
        "Trois sites pilotes pendant deux mois, 240 colis livrés sans incident."));
    scenario.complete(instance, TASK_ASSESS_EXPERIMENT, Map.of(EXPERIMENT_DECISION.name(), "GENERALISE",
        EXPERIMENT_CONCLUSION.name(), "Généralisé à toutes les implantations en 2027."));

    assertThat(instance).isEnded().hasPassed(END_EXPERIMENT_GENERALISED);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.IMPLEMENTED);
    assertThat(subjectsTo(AGENT_MAIL)).contains("[Construisons!] Votre idée " + scenario.reference(instance) + " est mise en œuvre");
  }

  @Test
  void anExperimentCanBeStoppedWithItsReason() {
    ProcessInstance instance = submitted(false, "dsi");
    scenario.orient(instance, 3, 4);
    scenario.complete(instance, TASK_CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_REPORT.name(),
        "Un site pilote : trop peu de colis pour justifier l'accueil dédié."));
    scenario.complete(instance, TASK_ASSESS_EXPERIMENT, Map.of(EXPERIMENT_DECISION.name(), "STOP",
        EXPERIMENT_CONCLUSION.name(), "Volume trop faible, arrêt à la fin du pilote."));

    assertThat(instance).isEnded().hasPassed(END_EXPERIMENT_STOPPED);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.EXPERIMENT_STOPPED);
    assertThat(idea(instance).closingReason()).isEqualTo("Volume trop faible, arrêt à la fin du pilote.");
  }

  @Test
  void departingFromTheRecommendationNeedsAJustification() {
    ProcessInstance instance = submitted(false, "dsi", "mobilites");
    scenario.toReview(instance);
    scenario.complete(instance, TASK_SCORE_IDEA, scores(3, 2));
    assertThat(runtime.getVariable(instance.getId(), RECOMMENDED_ORIENTATION.name())).isEqualTo("STUDY");

    Task decision = scenario.task(instance, TASK_DECIDE_ORIENTATION);
    assertThatThrownBy(() -> tasks.complete(decision.getId(), orientation("FORWARD")))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("« Justification de l'écart avec la recommandation » est obligatoire");
    assertThat(instance).isWaitingAt(TASK_DECIDE_ORIENTATION);

    scenario.complete(instance, TASK_DECIDE_ORIENTATION, Map.of(ORIENTATION.name(), "FORWARD",
        ORIENTATION_JUSTIFICATION.name(), "La DSI et les mobilités ont déjà un projet proche."));
    assertThat(instance).hasPassed(TASK_ANNOUNCE_FORWARDING);
    assertThat(lastMailTo(AGENT_MAIL)).contains("ont déjà un projet proche");
  }

  @Test
  void scoresOutsideOneToFourAreRefused() {
    ProcessInstance instance = submitted(false, "dsi");
    scenario.toReview(instance);
    Task scoring = scenario.task(instance, TASK_SCORE_IDEA);

    assertThatThrownBy(() -> tasks.complete(scoring.getId(), Map.of(STRATEGIC_IMPACT.name(), 5, FEASIBILITY.name(), 2.5)))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("« Impact stratégique » doit être un nombre entier de 1 à 4")
        .hasMessageContaining("« Faisabilité » doit être un nombre entier de 1 à 4");
  }

  /**
   * The form refuses such scores, but a score can still reach the decision table another way (an
   * administrator moving the idea in Cockpit, a variable written through the API): the table then
   * matches no rule, and the idea must not go on to « Décider de l'orientation » without one.
   */
  @Test
  void aScoreOutsideOneToFourThatReachesTheTableStopsTheIdeaWithAFrenchError() {
    ProcessInstance instance = submitted(false, "dsi");
    scenario.toReview(instance);

    assertThatThrownBy(() -> runtime.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(TASK_RECOMMEND_ORIENTATION)
        .setVariable(STRATEGIC_IMPACT.name(), 5)
        .setVariable(FEASIBILITY.name(), 2)
        .execute())
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("aucune orientation ne peut être recommandée")
        .hasMessageContaining("impact stratégique 5")
        .hasMessageContaining("de 1 à 4");

    // Nothing moved: the idea still waits for its scores, with no recommendation.
    assertThat(instance).isWaitingAt(TASK_SCORE_IDEA).isNotWaitingAt(TASK_DECIDE_ORIENTATION);
    assertThat(runtime.getVariable(instance.getId(), RECOMMENDED_ORIENTATION.name())).isNull();
    assertThat(runtime.getVariable(instance.getId(), STRATEGIC_IMPACT.name())).isNull();
  }

  @Test
  void anIdeaThatIsNotFeasibleEndsAfterTheStudy() {
    ProcessInstance instance = submitted(true, "education");
    scenario.orient(instance, 2, 2);
    assertThat(instance).isWaitingAt(TASK_STUDY_FEASIBILITY);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.FEASIBILITY_STUDY);
    assertThat(scenario.task(instance, TASK_STUDY_FEASIBILITY)).hasCandidateGroup("equipe-construisons").hasCandidateUser(AGENT);

    scenario.complete(instance, TASK_STUDY_FEASIBILITY, Map.of(STUDY_OUTCOME.name(), "NOT_FEASIBLE",
        STUDY_CONCLUSION.name(), "Contraintes d'assurance incompatibles avec les locaux."));

    assertThat(instance).isEnded().hasPassed(END_NOT_FEASIBLE);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.NOT_FEASIBLE);
  }

  @Test
  void aFeasibleIdeaWithAVolunteerIsIncubatedThenImplemented() {
    ProcessInstance instance = submitted(true, "education");
    ProcessInstance incubation = scenario.incubated(instance);

    assertThat(instance).hasPassed(TASK_ANNOUNCE_INCUBATION, END_READY_FOR_INCUBATION).isWaitingAt(CALL_INCUBATION);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.INCUBATION);
    assertThat(subjectsTo(AGENT_MAIL)).contains("[Construisons!] Votre idée " + scenario.reference(instance) + " entre en incubation");
    assertThat(incubation.getBusinessKey()).isEqualTo(scenario.reference(instance));
    assertThat(runtime.getVariable(incubation.getId(), IDEATOR_DIRECTORATE.name())).isEqualTo("education");

    scenario.implement(incubation);

    assertThat(instance).isEnded().hasPassed(END_IMPLEMENTED_AFTER_INCUBATION);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.IMPLEMENTED);
    assertThat(idea(instance).closingReason()).isEqualTo("Relais-colis ouverts dans cinq collèges depuis le 1er septembre.");
  }

  @Test
  void anIncubationCanEndWithoutImplementation() {
    ProcessInstance instance = submitted(true, "education");
    ProcessInstance incubation = scenario.incubated(instance);
    scenario.startWorkstreams(incubation);
    scenario.carryAndReviewWorkstreams(incubation, "BLOCKING");
    scenario.decide(incubation, Map.of("implementationDecision", "STOP",
        "decisionReason", "Étude de marché défavorable : la demande est trop faible."));

    assertThat(instance).isEnded().hasPassed(END_INCUBATION_ABANDONED);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.INCUBATION_ABANDONED);
    assertThat(idea(instance).closingReason()).isEqualTo("Étude de marché défavorable : la demande est trop faible.");
  }

  @Test
  void anIncubationThatCannotStartEndsTheIdeaWithTheReason() {
    ProcessInstance instance = submitted(true, "education");
    ProcessInstance incubation = scenario.incubated(instance);
    scenario.complete(incubation, "Task_AgreeOnWorkingTime", IdeaScenario.agreement("REFUSE"));
    scenario.complete(incubation, "Task_MediateAgreement", Map.of("mediationDecision", "NOT_STARTED",
        "mediationNote", "Aucun aménagement possible avant la fin de l'année scolaire."));

    assertThat(instance).isEnded().hasPassed(END_INCUBATION_NOT_STARTED);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.INCUBATION_NOT_STARTED);
    assertThat(lastMailTo(AGENT_MAIL)).contains("Aucun aménagement possible");
  }

  @Test
  void aFeasibleIdeaWithoutVolunteerIsForwardedToTheImpactedDirectorates() {
    ProcessInstance instance = submitted(false, "mobilites");
    scenario.orient(instance, 3, 1);
    scenario.complete(instance, TASK_STUDY_FEASIBILITY, Map.of(STUDY_OUTCOME.name(), "FEASIBLE",
        STUDY_CONCLUSION.name(), "Faisable, à porter par la direction des mobilités.", WANTS_TO_CARRY.name(), false));

    assertThat(instance).hasPassed(TASK_ANNOUNCE_FORWARDING).isWaitingAt(TASK_TAKE_UP_IDEA);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.FORWARDED);
    assertThat(lastMailTo(AGENT_MAIL)).contains("à porter par la direction des mobilités");
    assertThat(scenario.tasks(instance, TASK_TAKE_UP_IDEA)).singleElement()
        .satisfies(task -> assertThat(task).hasCandidateGroup("dir-mobilites"));
  }

  @Test
  void aForwardedIdeaIsTakenUpOrDeclinedByEachDirectorateAndTheAgentHearsEachAnswer() {
    ProcessInstance instance = submitted(false, "education", "mobilites");
    scenario.orient(instance, 1, 3);
    assertThat(instance).hasPassed(TASK_ANNOUNCE_FORWARDING);

    List<Task> takeUps = scenario.tasks(instance, TASK_TAKE_UP_IDEA);
    assertThat(takeUps).hasSize(2);
    assertThat(subjectsTo("direction.education@departement.example")).hasSize(1);
    assertThat(subjectsTo("direction.mobilites@departement.example")).hasSize(1);
    Task education = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("dir-education").singleResult();
    Task mobilites = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("dir-mobilites").singleResult();
    assertThat(education).isNotNull();
    assertThat(mobilites).isNotNull();
    // Someone who answers for both directorates tells the two tasks apart.
    assertThat(education.getName()).isEqualTo("Prendre en charge l'idée (Direction de l'éducation) — "
        + scenario.reference(instance) + " « Relais-colis dans nos implantations »");
    assertThat(mobilites.getName()).startsWith("Prendre en charge l'idée (Direction des mobilités) — ");
    MailServer.purge();

    // Both directorates answer before any job runs: their answers must not overwrite each other.
    tasks.complete(education.getId(), Map.of(TAKE_UP_DECISION.name(), "TAKES_UP",
        TAKE_UP_REASON.name(), "Nous l'intégrons au plan collèges 2027."));
    tasks.complete(mobilites.getId(), Map.of(TAKE_UP_DECISION.name(), "DECLINES",
        TAKE_UP_REASON.name(), "Hors de nos compétences de transport."));
    scenario.runJobs();

    assertThat(instance).isEnded().hasPassed(TASK_TELL_IDEATOR_ANSWER, END_FORWARDED);
    String reference = scenario.reference(instance);
    assertThat(subjectsTo(AGENT_MAIL)).as("each answer's subject names its directorate and the idea").contains(
        "[Construisons!] Direction de l'éducation : réponse sur votre idée " + reference,
        "[Construisons!] Direction des mobilités : réponse sur votre idée " + reference);
    List<String> bodies = MailServer.to(AGENT_MAIL).stream().map(m -> body(m)).toList();
    assertThat(bodies).hasSize(3);
    assertThat(bodies).anySatisfy(b -> assertThat(b).contains("s'en saisit").contains("plan collèges 2027"));
    assertThat(bodies).anySatisfy(b -> assertThat(b).contains("n'y donne pas suite").contains("Hors de nos compétences"));
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.TAKEN_UP_BY_DIRECTORATES);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(TAKE_UP_DECISION.name()).list())
        .extracting(v -> (Object) v.getValue()).containsExactlyInAnyOrder("TAKES_UP", "DECLINES");
  }

  @Test
  void aDirectorateThatDoesNotAnswerIsRemindedAfterFifteenWorkingDays() {
    ProcessInstance instance = submitted(false, "dsi");
    scenario.orient(instance, 2, 4);
    Job reminder = management.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(TIMER_TAKE_UP_REMINDER).singleResult();
    MailServer.purge();

    management.executeJob(reminder.getId());
    scenario.runJobs();

    assertThat(instance).hasPassed(TASK_REMIND_DIRECTORATE).isWaitingAt(TASK_TAKE_UP_IDEA);
    assertThat(subjectsTo("dsi@departement.example")).singleElement().asString().startsWith("[Construisons!] Relance");
  }

  @Test
  void theAgentWithdrawsTheirIdeaFromTasklist() {
    ProcessInstance instance = submitted(false, "dsi");
    scenario.toReview(instance);
    String reference = scenario.reference(instance);
    MailServer.purge();

    ProcessInstance withdrawal = scenario.startAs(AGENT, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(
        IDEA_REFERENCE.name(), reference, WITHDRAWAL_REASON.name(), "Je change de service le mois prochain."));
    scenario.runJobs();

    assertThat(withdrawal).isEnded();
    assertThat(instance).isEnded().hasPassed(BOUNDARY_WITHDRAWN, END_WITHDRAWN);
    assertThat(idea(instance).stage()).isEqualTo(IdeaStage.WITHDRAWN);
    assertThat(idea(instance).closingReason()).isEqualTo("Je change de service le mois prochain.");
    assertThat(subjectsTo(AGENT_MAIL)).containsExactly("[Construisons!] Votre idée " + reference + " est retirée");
  }

  @Test
  void onlyTheIdeatorMayWithdrawAndOnlyAnOpenIdea() {
    ProcessInstance instance = submitted(false, "dsi");
    String reference = scenario.reference(instance);

    assertThatThrownBy(() -> scenario.startAs(DG_MEMBER, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(
        IDEA_REFERENCE.name(), reference, WITHDRAWAL_REASON.name(), "Je la retire pour elle.")))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("seul l'agent qui a déposé l'idée " + reference + " peut la retirer");
    assertThatThrownBy(() -> scenario.startAs(AGENT, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(
        IDEA_REFERENCE.name(), "CONS-1999-0001", WITHDRAWAL_REASON.name(), "Je change de service.")))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("aucune idée ne porte la référence CONS-1999-0001");
    assertThatThrownBy(() -> scenario.startAs(AGENT, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(
        IDEA_REFERENCE.name(), "idée 12", WITHDRAWAL_REASON.name(), "court")))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("doit avoir la forme CONS-2026-0001")
        .hasMessageContaining("au moins 10 caractères");
    assertThat(instance).isWaitingAt(TASK_CLARIFY_IDEA);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(IdeaClosure.WITHDRAWAL_PROCESS_KEY).count()).isZero();
  }

  @Test
  void theTeamClosesADuplicateAndTheAgentLearnsWhichIdeaItJoins() {
    ProcessInstance original = submitted(false, "dsi");
    ProcessInstance duplicate = submitted(false, "dsi");
    String originalReference = scenario.reference(original);

    scenario.startAs(TEAM_MEMBER, IdeaClosure.DUPLICATE_PROCESS_KEY, Map.of(
        IDEA_REFERENCE.name(), scenario.reference(duplicate), DUPLICATE_OF.name(), originalReference));
    scenario.runJobs();

    assertThat(duplicate).isEnded().hasPassed(BOUNDARY_DUPLICATE, END_DUPLICATE);
    assertThat(original).isWaitingAt(TASK_CLARIFY_IDEA);
    assertThat(idea(duplicate).stage()).isEqualTo(IdeaStage.DUPLICATE);
    assertThat(idea(duplicate).closingReason()).contains(originalReference);
    assertThat(MailServer.to(AGENT_MAIL)).singleElement().satisfies(m -> assertThat(body(m)).contains(originalReference));

    assertThatThrownBy(() -> scenario.startAs(TEAM_MEMBER, IdeaClosure.DUPLICATE_PROCESS_KEY, Map.of(
        IDEA_REFERENCE.name(), originalReference, DUPLICATE_OF.name(), originalReference)))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("doublon d'elle-même");
  }

  @Test
  void anIdeaInIncubationCanNoLongerBeWithdrawnHere() {
    ProcessInstance instance = submitted(true, "education");
    scenario.incubated(instance);

    assertThatThrownBy(() -> scenario.startAs(AGENT, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(
        IDEA_REFERENCE.name(), scenario.reference(instance), WITHDRAWAL_REASON.name(), "Je n'ai plus le temps.")))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("est en incubation");
    assertThat(instance).isWaitingAt(CALL_INCUBATION);
  }

  /**
   * Every human step has a reminder to whoever holds its task and a later escalation, both
   * non-interrupting timers whose path ends in the mail; doing the step in time cancels both.
   */

  private static final String INNOVATION_DIRECTORATE_MAIL = "dpm@departement.example";
  private static final String DSI_MAIL = "dsi@departement.example";

  /** Up to the step's task, on an idea of its own. */
  private ProcessInstance reachStep(String task) {
    ProcessInstance instance = submitted(false, "dsi");
    switch (task) {
      case TASK_REFORMULATE_IDEA -> scenario.complete(instance, TASK_CLARIFY_IDEA, clarification("REFORMULATE"));
      case TASK_SCORE_IDEA -> scenario.toReview(instance);
      case TASK_DECIDE_ORIENTATION -> {
        scenario.toReview(instance);
        scenario.complete(instance, TASK_SCORE_IDEA, scores(4, 4));
      }
      case TASK_CONDUCT_EXPERIMENT -> scenario.orient(instance, 4, 4);
      case TASK_ASSESS_EXPERIMENT -> {
        scenario.orient(instance, 4, 4);
        completeStep(instance, TASK_CONDUCT_EXPERIMENT);
      }
      case TASK_STUDY_FEASIBILITY -> scenario.orient(instance, 3, 3);
      case TASK_TAKE_UP_IDEA -> scenario.orient(instance, 2, 4);
      default -> throw new IllegalArgumentException(task);
    }
    assertThat(instance).isWaitingAt(task);
    MailServer.purge();
    return instance;
  }

  private void completeStep(ProcessInstance instance, String task) {
    switch (task) {
      case TASK_REFORMULATE_IDEA -> scenario.complete(instance, task, ideaForm(false, "dsi"));
      case TASK_SCORE_IDEA -> scenario.complete(instance, task, scores(4, 4));
      case TASK_DECIDE_ORIENTATION -> scenario.complete(instance, task, orientation("EXPERIMENT"));
      case TASK_CONDUCT_EXPERIMENT -> scenario.complete(instance, task, Map.of(EXPERIMENT_REPORT.name(),
          "Trois sites pilotes pendant deux mois, 240 colis livrés sans incident."));
      case TASK_ASSESS_EXPERIMENT -> scenario.complete(instance, task, Map.of(EXPERIMENT_DECISION.name(), "STOP",
          EXPERIMENT_CONCLUSION.name(), "Volume trop faible, arrêt à la fin du pilote."));
      case TASK_STUDY_FEASIBILITY -> scenario.complete(instance, task, Map.of(STUDY_OUTCOME.name(), "NOT_FEASIBLE",
          STUDY_CONCLUSION.name(), "Contraintes d'assurance incompatibles avec les locaux."));
      case TASK_TAKE_UP_IDEA -> scenario.complete(instance, task, Map.of(TAKE_UP_DECISION.name(), "TAKES_UP",
          TAKE_UP_REASON.name(), "Nous l'intégrons au plan numérique 2027."));
      default -> throw new IllegalArgumentException(task);
    }
  }

  /** Who holds the task: the reminder's addressees. */
  private List<String> holders(String task) {
    return switch (task) {
      case TASK_REFORMULATE_IDEA, TASK_CONDUCT_EXPERIMENT -> List.of(AGENT_MAIL);
      case TASK_SCORE_IDEA, TASK_DECIDE_ORIENTATION -> List.of(DG_MAIL);
      case TASK_ASSESS_EXPERIMENT -> List.of(TEAM_MAIL);
      case TASK_STUDY_FEASIBILITY -> List.of(TEAM_MAIL, AGENT_MAIL);
      default -> List.of();
    };
  }

  /** Team steps go to the team's directorate, the DG's to the committee and the team, a directorate's to its head's mailbox. */
  private List<String> escalatedTo(String task) {
    return switch (task) {
      case TASK_REFORMULATE_IDEA, TASK_CONDUCT_EXPERIMENT -> List.of(TEAM_MAIL);
      case TASK_SCORE_IDEA, TASK_DECIDE_ORIENTATION -> List.of(DG_MAIL, TEAM_MAIL);
      case TASK_ASSESS_EXPERIMENT, TASK_STUDY_FEASIBILITY -> List.of(TEAM_MAIL, INNOVATION_DIRECTORATE_MAIL);
      case TASK_TAKE_UP_IDEA -> List.of(DSI_MAIL, TEAM_MAIL);
      default -> throw new IllegalArgumentException(task);
    };
  }

  private String stepName(ProcessInstance instance, String task) {
    return engine.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId())
        .getModelElementById(task).getAttributeValue("name");
  }

  private Job timer(ProcessInstance instance, String boundaryEvent) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(boundaryEvent)
        .singleResult();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TASK_REFORMULATE_IDEA, TASK_SCORE_IDEA, TASK_DECIDE_ORIENTATION, TASK_CONDUCT_EXPERIMENT,
      TASK_ASSESS_EXPERIMENT, TASK_STUDY_FEASIBILITY, TASK_TAKE_UP_IDEA})
  void aLateStepIsRemindedToWhoeverHoldsItThenEscalated(String task) {
    ProcessInstance instance = reachStep(task);
    String step = task.substring("Task_".length());
    String reference = scenario.reference(instance);
    String name = stepName(instance, task);

    if (!holders(task).isEmpty()) {
      management.executeJob(timer(instance, "BoundaryEvent_" + step + "Reminder").getId());
      scenario.runJobs();
      assertThat(instance).hasPassed("EndEvent_" + step + "Reminded").isWaitingAt(task);
      for (String holder : holders(task)) {
        assertThat(subjectsTo(holder)).as("reminder to %s", holder)
            .containsExactly("[Construisons!] Relance : « " + name + " » attend pour l'idée " + reference);
        assertThat(lastMailTo(holder)).as("the reminder names the step and its delay")
            .contains("« " + name + " »").containsPattern("depuis \\d+ jours ouvrés");
      }
      MailServer.purge();
    }

    Job escalation = timer(instance, "BoundaryEvent_" + step + "Escalation");
    assertThat(escalation.getDuedate()).as("the escalation comes after the reminder")
        .isAfter(ClockUtil.getCurrentTime());
    management.executeJob(escalation.getId());
    scenario.runJobs();
    assertThat(instance).hasPassed("EndEvent_" + step + "Escalated").isWaitingAt(task);
    for (String address : escalatedTo(task)) {
      assertThat(subjectsTo(address)).as("escalation to %s", address)
          .containsExactly("[Construisons!] Retard signalé : « " + name + " » en retard pour l'idée " + reference);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TASK_REFORMULATE_IDEA, TASK_SCORE_IDEA, TASK_DECIDE_ORIENTATION, TASK_CONDUCT_EXPERIMENT,
      TASK_ASSESS_EXPERIMENT, TASK_STUDY_FEASIBILITY, TASK_TAKE_UP_IDEA})
  void aStepDoneInTimeCancelsItsReminderAndEscalation(String task) {
    ProcessInstance instance = reachStep(task);
    String step = task.substring("Task_".length());
    assertThat(timer(instance, "BoundaryEvent_" + step + "Escalation")).isNotNull();

    completeStep(instance, task);

    assertThat(timer(instance, "BoundaryEvent_" + step + "Reminder")).isNull();
    assertThat(timer(instance, "BoundaryEvent_" + step + "Escalation")).isNull();
    assertThat(MailServer.received()).extracting(MailServer::subject)
        .noneMatch(subject -> subject.startsWith("[Construisons!] Relance") || subject.startsWith("[Construisons!] Retard signalé"));
  }
}
