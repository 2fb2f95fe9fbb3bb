package fr.construisons.privacy.requests;

import static fr.construisons.privacy.requests.PersonalDataRequest.*;
import static fr.construisons.privacy.requests.PersonalDataRequest.Elements.*;
import static fr.construisons.support.IdeaScenario.TEAM_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.ideabox.IdeaComments;
import fr.construisons.ideabox.IdeaSupports;
import fr.construisons.privacy.PersonalDataLog;
import fr.construisons.privacy.PersonalDataLog.Action;
import fr.construisons.process.InvalidFormDataException;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.MailServer;
import fr.construisons.support.ProcessTest;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One scenario per path of personal-data-request, against the real engine, database and SMTP
 * server: a correction answered, an erasure refused, an erasure accepted (checked in our tables and
 * in the engine's finished history), and requests that do not start.
 */
@ProcessTest
class PersonalDataRequestScenarioTest {

  static final String AGENT = IdeaScenario.AGENT;
  static final String OTHER_AGENT = "karim";
  static final String TEAM_MEMBER = IdeaScenario.TEAM_MEMBER;
  static final String AGENT_MAIL = IdeaScenario.AGENT_MAIL;
  /** Erased in one test: an agent no other test relies on. */
  static final String ERASED_AGENT = "ines";
  static final String ERASED_AGENT_MAIL = "ines.garcia@departement.example";

  @Autowired ProcessEngine engine;
  @Autowired IdeaScenario scenario;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired PersonalDataLog log;
  @Autowired IdeaComments comments;
  @Autowired IdeaSupports supports;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    MailServer.get();
    MailServer.purge();
  }

  /** The start form as Tasklist or « Mes données » submits it, signed in as the agent. */
  private ProcessInstance request(String agent, Kind kind, String text, Map<String, Object> extra) {
    Map<String, Object> form = new HashMap<>(extra);
    form.put(REQUEST_KIND.name(), kind.name());
    form.put(REQUEST_TEXT.name(), text);
    identity.setAuthentication(agent, scenario.groupsOf(agent));
    try {
      String definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
          .latestVersion().singleResult().getId();
      return forms.submitStartForm(definition, form);
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance request(String agent, Kind kind, String text) {
    return request(agent, kind, text, Map.of());
  }

  /** The team member claims the task and completes it in Tasklist (signed in), then the jobs run. */
  private void answer(ProcessInstance instance, Answer answer, String text) {
    Task task = scenario.task(instance, TASK_PROCESS_REQUEST);
    tasks.claim(task.getId(), TEAM_MEMBER);
    identity.setAuthentication(TEAM_MEMBER, scenario.groupsOf(TEAM_MEMBER));
    try {
      tasks.complete(task.getId(), Map.of(ANSWER.name(), answer.name(), ANSWER_TEXT.name(), text));
    } finally {
      identity.clearAuthentication();
    }
    scenario.runJobs();
  }

  private List<Action> actionsOn(String agent) {
    return log.of(agent).stream().map(PersonalDataLog.Entry::action).toList();
  }

  private MimeMessage onlyAnswerTo(String address) {
    List<MimeMessage> mails = MailServer.to(address).stream()
        .filter(m -> MailServer.subject(m).contains("données personnelles")).toList();
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  @Test
  void aCorrectionIsProcessedByTheTeamAndTheAgentGetsTheAnswer() {
    ProcessInstance instance = request(AGENT, Kind.CORRECTION, "  Mon nom est mal orthographié dans l'idée : Martin et non Martine.  ");

    assertThat(instance).isWaitingAt(TASK_PROCESS_REQUEST).task().hasCandidateGroup("equipe-construisons");
    // The team's task list tells one request from another: its kind, who made it and when.
    String requestedOn = (String) engine.getRuntimeService().getVariable(instance.getId(), REQUESTED_ON.name());
    assertThat(scenario.task(instance, TASK_PROCESS_REQUEST).getName())
        .isEqualTo("Traiter la demande de rectification de Camille Martin du " + requestedOn);
    assertThat(instance).variables().containsEntry(REQUESTER.name(), AGENT)
        .containsEntry(REQUEST_TEXT.name(), "Mon nom est mal orthographié dans l'idée : Martin et non Martine.")
        .containsEntry(REQUESTER_NAME.name(), "Camille Martin")
        .containsEntry(REQUEST_KIND_LABEL.name(), "rectification")
        .doesNotContainKey(OPEN_IDEAS_KEPT.name());
    assertThat(actionsOn(AGENT)).endsWith(Action.CORRECTION_REQUESTED);

    answer(instance, Answer.ACCEPTED, "Votre nom a été corrigé dans l'annuaire le jour même.");

    assertThat(instance).hasPassedInOrder(TASK_PROCESS_REQUEST, GATEWAY_ERASURE_ACCEPTED, GATEWAY_ANSWER_READY,
        TASK_ANSWER_REQUESTER).hasNotPassed(TASK_ERASE_AGENT_DATA).isEnded();
    assertThat(instance).hasPassed(END_REQUEST_ANSWERED);
    PersonalDataLog.Entry answered = log.of(AGENT).get(log.of(AGENT).size() - 1);
    assertThat(answered.action()).isEqualTo(Action.CORRECTION_ANSWERED);
    assertThat(answered.actor()).isEqualTo(TEAM_MEMBER);
    assertThat(answered.detail()).contains(instance.getId()).doesNotContain("Martine");
    MimeMessage mail = onlyAnswerTo(AGENT_MAIL);
    assertThat(MailServer.subject(mail)).startsWith("[Construisons!] Réponse à votre demande du ")
        .matches(".*\\d{2}/\\d{2}/\\d{4}.*");
    assertThat(MailServer.text(mail)).contains("Bonjour Camille Martin", "rectification", "a été acceptée",
        "Votre nom a été corrigé dans l'annuaire le jour même.").doesNotContain("effacé");
  }

  @Test
  void aRefusedErasureErasesNothingAndTheAgentIsToldWhy() {
    ProcessInstance idea = scenario.submit(AGENT, IdeaScenario.ideaForm(false, "dsi"));
    String reference = idea.getBusinessKey();
    ProcessInstance instance = request(AGENT, Kind.ERASURE, "Je quitte la collectivité, effacez mes données.");
    assertThat(scenario.task(instance, TASK_PROCESS_REQUEST).getName())
        .startsWith("Traiter la demande d'effacement de Camille Martin du ");

    // Camille's other tests' ideas may be open too (shared context): hers is among them.
    assertThat(instance).variables().containsEntry(REQUEST_KIND_LABEL.name(), "effacement")
        .extractingByKey(OPEN_IDEAS_KEPT.name()).asString().contains(reference);
    answer(instance, Answer.REFUSED, "Votre idée est encore à l'étude : nous effacerons vos données à sa clôture.");

    assertThat(instance).hasPassed(TASK_ANSWER_REQUESTER).hasNotPassed(TASK_ERASE_AGENT_DATA).isEnded();
    assertThat(actionsOn(AGENT)).endsWith(Action.ERASURE_REQUESTED, Action.REQUEST_REFUSED)
        .doesNotContain(Action.DATA_ERASED);
    assertThat(jdbc.sql("select ideator from idea where reference = :r").param("r", reference)
        .query(String.class).single()).isEqualTo(AGENT);
    assertThat(MailServer.text(onlyAnswerTo(AGENT_MAIL))).contains("Votre demande d'effacement de vos données", "n'a pas été acceptée",
        "nous effacerons vos données à sa clôture");
  }

  @Test
  void anAcceptedErasureTakesTheAgentOutOfTheirClosedIdeaAndOthersContributionsButNobodyElses() {
    // An agent nobody else's test erases (the test context is shared): her idea, reformulated by her
    // and closed by the team; another one still open.
    ProcessInstance closed = scenario.submit(ERASED_AGENT, IdeaScenario.ideaForm(false, "dsi"));
    String closedRef = closed.getBusinessKey();
    scenario.complete(closed, IdeaLifecycle.Elements.TASK_CLARIFY_IDEA, IdeaScenario.clarification("REFORMULATE"));
    Task reformulate = scenario.task(closed, IdeaLifecycle.Elements.TASK_REFORMULATE_IDEA);
    scenario.completeTask(reformulate, Map.of(IdeaLifecycle.TITLE.name(), "Relais-colis dans tous nos sites",
        IdeaLifecycle.PROBLEM.name(), "Les agents des sites éloignés perdent du temps pour récupérer leurs colis.",
        IdeaLifecycle.SOLUTION.name(), "Utiliser les accueils des implantations du Département comme relais-colis.",
        IdeaLifecycle.BENEFITS.name(), "Du temps gagné pour les agents et un service de proximité."));
    scenario.complete(closed, IdeaLifecycle.Elements.TASK_CLARIFY_IDEA, Map.of(
        IdeaLifecycle.CLARIFICATION_OUTCOME.name(), "OUT_OF_SCOPE",
        IdeaLifecycle.CLARIFICATION_NOTES.name(), "Relève du règlement intérieur, pas du dispositif."));
    assertThat(closed).isEnded();
    String openRef = scenario.submit(ERASED_AGENT, IdeaScenario.ideaForm(false, "rh")).getBusinessKey();
    String karimsRef = scenario.submit(OTHER_AGENT, IdeaScenario.ideaForm(false, "education")).getBusinessKey();
    // Both agents comment and support on each other's ideas.
    comments.add(closedRef, ERASED_AGENT, "Je précise : surtout pour les sites de montagne.");
    comments.add(closedRef, OTHER_AGENT, "Bonne idée, Karim approuve.");
    supports.set(closedRef, OTHER_AGENT, true);
    comments.add(karimsRef, ERASED_AGENT, "Inès soutient l'idée de Karim.");
    comments.add(karimsRef, OTHER_AGENT, "Karim répond à Inès.");
    supports.set(karimsRef, ERASED_AGENT, true);
    supports.set(karimsRef, OTHER_AGENT, true);
    // An earlier request of hers, answered and closed: her words and her name are in its history.
    ProcessInstance earlier = request(ERASED_AGENT, Kind.CORRECTION, "Mon nom est mal orthographié dans l'annuaire.");
    answer(earlier, Answer.ACCEPTED, "Votre nom est corrigé dans l'annuaire.");
    assertThat(earlier).isEnded();
    MailServer.purge();

    ProcessInstance instance = request(ERASED_AGENT, Kind.ERASURE, "Je quitte la collectivité, effacez mes données.");
    assertThat(scenario.task(instance, TASK_PROCESS_REQUEST).getName()).as("« de » elided before a vowel")
        .startsWith("Traiter la demande d'effacement d'Inès Garcia du ");
    assertThat(instance).variables().extractingByKey(OPEN_IDEAS_KEPT.name()).asString().contains(openRef).doesNotContain(closedRef);
    answer(instance, Answer.ACCEPTED, "Vos données ont été effacées, sauf votre idée encore à l'étude.");

    assertThat(instance).hasPassedInOrder(TASK_PROCESS_REQUEST, TASK_ERASE_AGENT_DATA, TASK_ANSWER_REQUESTER).isEnded();
    // Our tables: her comments gone, her support still counted but no longer hers, her closed idea
    // no longer names her, her open idea still does; Karim's comments and supports are untouched.
    assertThat(jdbc.sql("select count(*) from idea_comment where author = :a").param("a", ERASED_AGENT)
        .query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select body from idea_comment where author = :a and idea_reference in (:refs) order by id")
        .param("a", OTHER_AGENT).param("refs", List.of(closedRef, karimsRef)).query(String.class).list()).containsExactly("Bonne idée, Karim approuve.", "Karim répond à Inès.");
    assertThat(supports.count(karimsRef)).isEqualTo(2);
    assertThat(supports.supports(karimsRef, ERASED_AGENT)).isFalse();
    assertThat(supports.supports(karimsRef, OTHER_AGENT)).isTrue();
    assertThat(supports.supports(closedRef, OTHER_AGENT)).isTrue();
    assertThat(jdbc.sql("select count(*) from idea_support where agent = :a").param("a", ERASED_AGENT)
        .query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select ideator from idea where reference = :r").param("r", closedRef)
        .query(String.class).single()).isEqualTo("anonyme");
    assertThat(jdbc.sql("select ideator from idea where reference = :r").param("r", openRef)
        .query(String.class).single()).isEqualTo(ERASED_AGENT);
    assertThat(jdbc.sql("select ideator from idea where reference = :r").param("r", karimsRef)
        .query(String.class).single()).isEqualTo(OTHER_AGENT);
    // The engine's finished history of her closed idea names her nowhere; the team member's task stays.
    String closedId = closed.getId();
    assertThat(jdbc.sql("select START_USER_ID_ from ACT_HI_PROCINST where PROC_INST_ID_ = :id").param("id", closedId)
        .query(String.class).optional()).isEmpty();
    assertThat(jdbc.sql("select count(*) from ACT_HI_PROCINST where PROC_INST_ID_ = :id").param("id", closedId)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from ACT_HI_TASKINST where ROOT_PROC_INST_ID_ = :id and ASSIGNEE_ = :a")
        .param("id", closedId).param("a", ERASED_AGENT).query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from ACT_HI_TASKINST where ROOT_PROC_INST_ID_ = :id and TASK_DEF_KEY_ = :k")
        .param("id", closedId).param("k", IdeaLifecycle.Elements.TASK_REFORMULATE_IDEA).query(Integer.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where ROOT_PROC_INST_ID_ = :id and TEXT_ = :a")
        .param("id", closedId).param("a", ERASED_AGENT).query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select TEXT_ from ACT_HI_VARINST where ROOT_PROC_INST_ID_ = :id and NAME_ = :n")
        .param("id", closedId).param("n", IdeaLifecycle.TITLE.name()).query(String.class).single())
        .isEqualTo("Relais-colis dans tous nos sites");
    assertThat(jdbc.sql("select TEXT_ from ACT_HI_VARINST where ROOT_PROC_INST_ID_ = :id and NAME_ = :n")
        .param("id", closedId).param("n", IdeaLifecycle.CLARIFICATION_NOTES.name()).query(String.class).single())
        .as("the team's notes on her idea are the team's, not hers: they stay until the idea's period ends")
        .isEqualTo("Relève du règlement intérieur, pas du dispositif.");
    // Her earlier request: neither her words nor her name remain (the team's task is named after
    // its model again); what kind of request it was, and that it was answered, stay.
    assertThat(jdbc.sql("select NAME_ from ACT_HI_TASKINST where PROC_INST_ID_ = :id").param("id", earlier.getId())
        .query(String.class).list()).isNotEmpty().noneMatch(name -> name.contains("Inès") || name.contains("Garcia"));
    assertThat(jdbc.sql("select NAME_ from ACT_HI_VARINST where PROC_INST_ID_ = :id").param("id", earlier.getId())
        .query(String.class).list()).doesNotContain(REQUEST_TEXT.name(), REQUESTER_NAME.name());
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = :id and TEXT_ like :w")
        .param("id", earlier.getId()).param("w", "%orthographié%").query(Integer.class).single()).isZero();
    // The log: her request, then the erasure in the name of the team member who processed it.
    assertThat(actionsOn(ERASED_AGENT)).endsWith(Action.ERASURE_REQUESTED, Action.DATA_ERASED);
    PersonalDataLog.Entry erased = log.of(ERASED_AGENT).get(log.of(ERASED_AGENT).size() - 1);
    assertThat(erased.actor()).isEqualTo(TEAM_MEMBER);
    assertThat(erased.detail()).contains("idées closes anonymisées : 1", "commentaires supprimés : 2", openRef);
    assertThat(actionsOn(OTHER_AGENT)).doesNotContain(Action.DATA_ERASED);
    // Her answer says what was erased; she is still in the directory, so she gets it.
    assertThat(MailServer.text(onlyAnswerTo(ERASED_AGENT_MAIL))).contains("a été acceptée", "Ce qui a été effacé",
        "commentaires supprimés : 2");
  }

  @Test
  void aRequestWithoutAKindOrWithTooShortATextDoesNotStart() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    Map<String, Object> form = new HashMap<>();
    form.put(REQUEST_TEXT.name(), "court");
    identity.setAuthentication(AGENT, scenario.groupsOf(AGENT));
    try {
      String definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
          .latestVersion().singleResult().getId();
      assertThatThrownBy(() -> forms.submitStartForm(definition, form))
          .isInstanceOf(InvalidFormDataException.class)
          .hasMessageContaining("le champ « Votre demande » est obligatoire")
          .hasMessageContaining("le champ « Précisez votre demande » doit contenir au moins 10 caractères");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .count()).isEqualTo(before);
  }

  @Test
  void nobodyCanMakeARequestAboutSomebodyElse() {
    int karimsEntries = log.of(OTHER_AGENT).size();
    // The REST API and Tasklist submit whatever variables they are given: naming another requester
    // is refused, the initiator is the signed-in agent.
    assertThatThrownBy(() -> request(AGENT, Kind.ERASURE, "Effacez les données de Karim, s'il vous plaît.",
        Map.of(REQUESTER.name(), OTHER_AGENT)))
        .isInstanceOf(InvalidFormDataException.class)
        .hasMessageContaining("ne peut être faite que par l'agent connecté");
    // Nor can a request be started by nobody in particular (no signed-in user).
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, Map.of(
        REQUEST_KIND.name(), "ERASURE", REQUEST_TEXT.name(), "Effacez les données de Karim.", REQUESTER.name(), OTHER_AGENT)))
        .isInstanceOf(InvalidFormDataException.class);
    assertThat(log.of(OTHER_AGENT)).hasSize(karimsEntries);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .startedBy(OTHER_AGENT).count()).isZero();
  }

  @Test
  void theTeamMustAnswerInWordsAndTheTaskStaysOpenOtherwise() {
    ProcessInstance instance = request(AGENT, Kind.CORRECTION, "Ma direction est fausse dans mon profil.");
    Task task = scenario.task(instance, TASK_PROCESS_REQUEST);
    tasks.claim(task.getId(), TEAM_MEMBER);
    identity.setAuthentication(TEAM_MEMBER, scenario.groupsOf(TEAM_MEMBER));
    try {
      assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(ANSWER.name(), "MAYBE", ANSWER_TEXT.name(), "ok")))
          .isInstanceOf(InvalidFormDataException.class)
          .hasMessageContaining("« Décision » doit valoir ACCEPTED, REFUSED")
          .hasMessageContaining("« Réponse à l'agent » doit contenir au moins 10 caractères");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(instance).isWaitingAt(TASK_PROCESS_REQUEST);
    assertThat(actionsOn(AGENT)).endsWith(Action.CORRECTION_REQUESTED);
  }

  /**
   * The RGPD gives one month to answer: the request's task is reminded to the team, then escalated
   * to the team and its directorate well before the month runs out; answering in time cancels both.
   */
  @Test
  void aRequestLeftUnansweredIsRemindedThenEscalatedBeforeTheRgpdMonthRunsOut() {
    java.time.Instant submitted = java.time.Instant.parse("2026-09-01T08:00:00Z");
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(submitted));
    try {
      ProcessInstance instance = request(AGENT, Kind.CORRECTION, "Mon nom est mal orthographié dans l'idée : Martin.");
      String requestedOn = (String) engine.getRuntimeService().getVariable(instance.getId(), REQUESTED_ON.name());
      var management = engine.getManagementService();
      var reminder = management.createJobQuery().processInstanceId(instance.getId()).timers()
          .activityId("BoundaryEvent_ProcessPersonalDataRequestReminder").singleResult();
      var escalation = management.createJobQuery().processInstanceId(instance.getId()).timers()
          .activityId("BoundaryEvent_ProcessPersonalDataRequestEscalation").singleResult();
      assertThat(escalation.getDuedate()).as("escalated within the RGPD's month")
          .isBefore(java.util.Date.from(submitted.atZone(java.time.ZoneId.of("Europe/Paris")).plusMonths(1).toInstant()))
          .isAfter(reminder.getDuedate());
      MailServer.purge();

      management.executeJob(reminder.getId());
      scenario.runJobs();
      assertThat(instance).hasPassed("EndEvent_ProcessPersonalDataRequestReminded").isWaitingAt(TASK_PROCESS_REQUEST);
      assertThat(MailServer.to(TEAM_MAIL)).extracting(MailServer::subject).containsExactly(
          "[Construisons!] Relance : demande du " + requestedOn + " sur des données personnelles à traiter");
      assertThat(MailServer.text(MailServer.to(TEAM_MAIL).get(0))).contains("de rectification")
          .doesNotContain("Martin.").as("the reminder never quotes the request");
      assertThat(MailServer.to(AGENT_MAIL)).as("the requester is not told of the deadlines").isEmpty();
      MailServer.purge();

      management.executeJob(escalation.getId());
      scenario.runJobs();
      assertThat(instance).hasPassed("EndEvent_ProcessPersonalDataRequestEscalated").isWaitingAt(TASK_PROCESS_REQUEST);
      for (String address : List.of(TEAM_MAIL, "dpm@departement.example")) {
        assertThat(MailServer.to(address)).extracting(MailServer::subject).as(address).containsExactly(
            "[Construisons!] Retard signalé : demande du " + requestedOn + " sur des données personnelles sans réponse");
      }
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void aRequestAnsweredInTimeIsNeitherRemindedNorEscalated() {
    ProcessInstance instance = request(AGENT, Kind.CORRECTION, "Mon nom est mal orthographié dans l'idée : Martin.");
    var jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers();
    assertThat(jobs.count()).isEqualTo(2);

    answer(instance, Answer.ACCEPTED, "Corrigé dans l'annuaire et dans l'idée.");

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
    assertThat(MailServer.received()).extracting(MailServer::subject)
        .noneMatch(subject -> subject.startsWith("[Construisons!] Relance") || subject.startsWith("[Construisons!] Retard signalé"));
  }
}
