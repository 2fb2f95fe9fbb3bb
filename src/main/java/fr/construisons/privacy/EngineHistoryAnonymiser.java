package fr.construisons.privacy;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.incubation.Incubation;
import fr.construisons.notification.SendMailDelegate;
import fr.construisons.privacy.requests.PersonalDataRequest;
import fr.construisons.privacy.retention.Retention;
import fr.construisons.process.VariableDeclarations;
import fr.construisons.process.VariableFate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes people from Camunda's history of finished process instances, keeping what the public
 * timeline and the dashboard read (activities, group links, the public variables).
 *
 * <p>Camunda offers an API to delete a historic variable, which is used for variables; it has none
 * to blank a user id in a history row, so those columns are updated here in SQL, in the engine's
 * own transaction. The tables and columns are the engine's documented history schema of 7.x (all
 * carry {@code ROOT_PROC_INST_ID_}); {@code EngineHistoryAnonymisationTest} scans every column of
 * every engine table after anonymisation, so a new engine version that stores a person elsewhere
 * fails the build instead of leaking. Only finished instances are touched: the engine rewrites the
 * history row of a running task from its runtime row.
 */
@Component
public class EngineHistoryAnonymiser {

  /**
   * The declarations of every process whose history holds an idea's people. Each process API
   * declares the fate of its variables ({@link VariableFate}); {@code ProcessVariableFateTest}
   * checks that every variable of the models and forms is declared once, and that this list holds
   * every declaration of the code base.
   */
  static final List<VariableDeclarations> DECLARATIONS = List.of(IdeaLifecycle.VARIABLES,
      IdeaLifecycle.CLOSURE_VARIABLES, Incubation.VARIABLES, PersonalDataRequest.VARIABLES, Retention.VARIABLES,
      SendMailDelegate.VARIABLES);

  /**
   * Variables that stay: those declared {@link VariableFate#KEPT} (the idea's public content, its
   * decisions and scores, what the public timeline shows). Every other variable (people's ids,
   * notes, comments, the manager's agreement, lists of candidates, reasons given by an agent) is
   * deleted, including a variable nobody declared: keeping one is a decision written in its process
   * API.
   */
  static final Set<String> KEPT_VARIABLES;

  static {
    Set<String> kept = new HashSet<>();
    DECLARATIONS.forEach(declared -> kept.addAll(declared.names(VariableFate.KEPT)));
    // Camunda's own multi-instance counters.
    kept.addAll(List.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter"));
    KEPT_VARIABLES = Set.copyOf(kept);
  }

  /** The lists of candidates of the project-team form, declared {@link VariableFate#CANDIDATES}. */
  static final List<String> CANDIDATE_LISTS = DECLARATIONS.stream()
      .flatMap(declared -> declared.names(VariableFate.CANDIDATES).stream()).sorted().toList();

  private static final String FINISHED_ROOTS =
      "select PROC_INST_ID_ from ACT_HI_PROCINST where PROC_INST_ID_ = ROOT_PROC_INST_ID_ and END_TIME_ is not null";

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final RepositoryService repository;

  public EngineHistoryAnonymiser(JdbcClient jdbc, HistoryService history, RepositoryService repository) {
    this.jdbc = jdbc;
    this.history = history;
    this.repository = repository;
  }

  /**
   * The finished root instances of an idea: its lifecycle (the incubation is called from it) and
   * the withdrawal or duplicate-closure requests naming it.
   */
  public List<String> finishedInstancesOf(String reference) {
    // Two index look-ups (business key; the ideaReference variable, indexed by db/engine V7)
    // rather than one OR, which PostgreSQL answered by reading every ideaReference row.
    return jdbc.sql("select r.PROC_INST_ID_ from ACT_HI_PROCINST p"
            + " join ACT_HI_PROCINST r on r.PROC_INST_ID_ = p.ROOT_PROC_INST_ID_"
            + " where p.BUSINESS_KEY_ = :ref and r.END_TIME_ is not null"
            + " union"
            + " select r.PROC_INST_ID_ from ACT_HI_VARINST v"
            + " join ACT_HI_PROCINST r on r.PROC_INST_ID_ = v.ROOT_PROC_INST_ID_"
            + " where v.NAME_ = :name and v.TEXT_ = :ref and r.END_TIME_ is not null")
        .param("ref", reference)
        .param("name", IdeaLifecycle.IDEA_REFERENCE.name())
        .query(String.class)
        .list();
  }

  /** Everybody out of these finished instances: user ids, free texts, private variables. */
  public void anonymiseInstances(List<String> roots) {
    if (roots.isEmpty()) {
      return;
    }
    in(roots, "update ACT_HI_PROCINST set START_USER_ID_ = null where ROOT_PROC_INST_ID_ in (:roots)");
    in(roots, "update ACT_HI_ACTINST set ASSIGNEE_ = null where ROOT_PROC_INST_ID_ in (:roots)");
    in(roots, "update ACT_HI_TASKINST set ASSIGNEE_ = null, OWNER_ = null where ROOT_PROC_INST_ID_ in (:roots)");
    in(roots, "delete from ACT_HI_IDENTITYLINK where ROOT_PROC_INST_ID_ in (:roots) and USER_ID_ is not null");
    in(roots, "update ACT_HI_IDENTITYLINK set ASSIGNER_ID_ = null where ROOT_PROC_INST_ID_ in (:roots)");
    in(roots, "update ACT_HI_OP_LOG set USER_ID_ = null where ROOT_PROC_INST_ID_ in (:roots)");
    in(roots, "update ACT_HI_OP_LOG set ORG_VALUE_ = null, NEW_VALUE_ = null where ROOT_PROC_INST_ID_ in (:roots)"
        + " and PROPERTY_ in ('assignee', 'owner', 'userId')");
    in(roots, "update ACT_HI_DECINST set USER_ID_ = null where ROOT_PROC_INST_ID_ in (:roots)");
    // Comments and attachments a user may add to a task through the REST API.
    in(roots, "update ACT_HI_COMMENT set USER_ID_ = null, MESSAGE_ = '" + IdeaAnonymiser.ANONYMISED
        + "', FULL_MSG_ = null where ROOT_PROC_INST_ID_ in (:roots)");
    in(roots, "delete from ACT_GE_BYTEARRAY where ID_ in (select CONTENT_ID_ from ACT_HI_ATTACHMENT"
        + " where ROOT_PROC_INST_ID_ in (:roots))");
    in(roots, "delete from ACT_HI_ATTACHMENT where ROOT_PROC_INST_ID_ in (:roots)");
    // A failed job's message may quote an address or a name (a refused recipient, for instance).
    in(roots, "delete from ACT_GE_BYTEARRAY where ID_ in (select JOB_EXCEPTION_STACK_ID_ from ACT_HI_JOB_LOG"
        + " where ROOT_PROC_INST_ID_ in (:roots))");
    in(roots, "update ACT_HI_JOB_LOG set JOB_EXCEPTION_MSG_ = null, JOB_EXCEPTION_STACK_ID_ = null"
        + " where ROOT_PROC_INST_ID_ in (:roots)");
    in(roots, "update ACT_HI_INCIDENT set INCIDENT_MSG_ = null where ROOT_PROC_INST_ID_ in (:roots)");
    jdbc.sql("select ID_, NAME_ from ACT_HI_VARINST where ROOT_PROC_INST_ID_ in (:roots)")
        .param("roots", roots)
        .query((rs, row) -> KEPT_VARIABLES.contains(rs.getString("NAME_")) ? null : rs.getString("ID_"))
        .list().stream()
        .filter(id -> id != null)
        .forEach(history::deleteHistoricVariableInstance);
  }

  /**
   * One agent out of the finished instances they took part in, leaving everybody else's part: the
   * tasks they held, the links naming them, the variables that name them or that they wrote in
   * their tasks (unless public).
   */
  public void anonymiseAgent(String agent) {
    String finished = " and ROOT_PROC_INST_ID_ in (" + FINISHED_ROOTS + ")";
    // Variables first: what they wrote is found through the tasks they held (with its name, to
    // keep the public ones).
    List<String> written = jdbc.sql("select distinct d.VAR_INST_ID_, v.NAME_ from ACT_HI_DETAIL d"
            + " join ACT_HI_ACTINST a on a.ID_ = d.ACT_INST_ID_"
            + " join ACT_HI_VARINST v on v.ID_ = d.VAR_INST_ID_"
            + " where a.ASSIGNEE_ = :agent and a.ROOT_PROC_INST_ID_ in (" + FINISHED_ROOTS + ")")
        .param("agent", agent)
        .query((rs, row) -> KEPT_VARIABLES.contains(rs.getString("NAME_")) ? null : rs.getString("VAR_INST_ID_"))
        .list().stream().filter(id -> id != null).toList();
    Set<String> doomed = new HashSet<>(jdbc.sql("select ID_ from ACT_HI_VARINST where TEXT_ = :agent" + finished)
        .param("agent", agent).query(String.class).list());
    doomed.addAll(written);
    // The candidate lists of the project-team form name every candidate (label and id); they are
    // of no use once an instance has finished.
    doomed.addAll(jdbc.sql("select ID_ from ACT_HI_VARINST where NAME_ in (:lists)" + finished)
        .param("lists", CANDIDATE_LISTS).query(String.class).list());
    // Her own closed personal-data requests are about her alone: every variable its process does
    // not declare kept goes (her words, her name), and the team's task, named after her, is named
    // after its model again.
    List<String> requests = jdbc.sql("select PROC_INST_ID_ from ACT_HI_PROCINST where START_USER_ID_ = :agent"
            + " and PROC_DEF_KEY_ = :key and END_TIME_ is not null")
        .param("agent", agent).param("key", PersonalDataRequest.PROCESS_KEY).query(String.class).list();
    if (!requests.isEmpty()) {
      doomed.addAll(jdbc.sql("select ID_, NAME_ from ACT_HI_VARINST where PROC_INST_ID_ in (:requests)")
          .param("requests", requests)
          .query((rs, row) -> KEPT_VARIABLES.contains(rs.getString("NAME_")) ? null : rs.getString("ID_"))
          .list().stream().filter(id -> id != null).toList());
      renameTasksAfterTheirModel(requests);
    }
    doomed.forEach(history::deleteHistoricVariableInstance);
    agent(agent, "update ACT_HI_PROCINST set START_USER_ID_ = null where START_USER_ID_ = :agent" + finished);
    agent(agent, "update ACT_HI_ACTINST set ASSIGNEE_ = null where ASSIGNEE_ = :agent" + finished);
    agent(agent, "update ACT_HI_TASKINST set ASSIGNEE_ = null where ASSIGNEE_ = :agent" + finished);
    agent(agent, "update ACT_HI_TASKINST set OWNER_ = null where OWNER_ = :agent" + finished);
    agent(agent, "delete from ACT_HI_IDENTITYLINK where USER_ID_ = :agent" + finished);
    agent(agent, "update ACT_HI_IDENTITYLINK set ASSIGNER_ID_ = null where ASSIGNER_ID_ = :agent" + finished);
    agent(agent, "update ACT_HI_OP_LOG set USER_ID_ = null where USER_ID_ = :agent" + finished);
    agent(agent, "update ACT_HI_OP_LOG set ORG_VALUE_ = null where ORG_VALUE_ = :agent" + finished);
    agent(agent, "update ACT_HI_OP_LOG set NEW_VALUE_ = null where NEW_VALUE_ = :agent" + finished);
    agent(agent, "update ACT_HI_DECINST set USER_ID_ = null where USER_ID_ = :agent" + finished);
    agent(agent, "update ACT_HI_COMMENT set USER_ID_ = null, MESSAGE_ = '" + IdeaAnonymiser.ANONYMISED
        + "', FULL_MSG_ = null where USER_ID_ = :agent" + finished);
  }

  /** A finished task's name back to its label in the model (no idea, no person in it). */
  private void renameTasksAfterTheirModel(List<String> instances) {
    record TaskRow(String id, String definition, String key) {}
    List<TaskRow> tasks = jdbc.sql("select ID_, PROC_DEF_ID_, TASK_DEF_KEY_ from ACT_HI_TASKINST"
            + " where PROC_INST_ID_ in (:instances)")
        .param("instances", instances)
        .query((rs, row) -> new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    for (TaskRow task : tasks) {
      var element = repository.getBpmnModelInstance(task.definition()).getModelElementById(task.key());
      String label = element instanceof org.camunda.bpm.model.bpmn.instance.FlowElement flow && flow.getName() != null
          ? flow.getName() : IdeaAnonymiser.ANONYMISED;
      jdbc.sql("update ACT_HI_TASKINST set NAME_ = :name where ID_ = :id").param("name", label)
          .param("id", task.id()).update();
    }
  }

  private void in(List<String> roots, String sql) {
    jdbc.sql(sql).param("roots", roots).update();
  }

  private void agent(String agent, String sql) {
    jdbc.sql(sql).param("agent", agent).update();
  }
}
