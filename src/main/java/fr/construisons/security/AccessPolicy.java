package fr.construisons.security;

import static fr.construisons.organisation.OrganisationDirectory.GROUP_AGENTS;
import static fr.construisons.organisation.OrganisationDirectory.GROUP_INNOVATION_TEAM;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.incubation.Incubation;
import fr.construisons.privacy.requests.PersonalDataRequest;
import fr.construisons.privacy.retention.Retention;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * Who may do what, beyond what the engine grants by itself. This list is the single source of
 * the authorizations created at start-up ({@link AuthorizationProvisioner}) and of the table in
 * docs/security.md ({@link #markdownTable()}), so the documentation cannot drift from the system.
 *
 * <p>What is deliberately <em>not</em> here, because the engine grants it task by task: the
 * assignee, candidate users and candidate groups of a task get READ and TASK_WORK on that task
 * only ({@code default-user-permission-name-for-task: TASK_WORK}). That is how an agent sees the
 * tasks of their own ideas, a manager the agreement they must give, a directorate the ideas
 * forwarded to it, an expert the workstream they review — and nothing else. {@code camunda-admin}
 * holds ALL on every resource (created with the administrator).
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /** One authorization of type GRANT for a group. {@code why} is the wording of docs/security.md. */
  public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions,
      String why) {

    Grant(String groupId, Resource resource, String resourceId, String why, Permission... permissions) {
      this(groupId, resource, resourceId, List.of(permissions), why);
    }
  }

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";

  private static final String[] MONITORED_PROCESSES = {
      IdeaLifecycle.PROCESS_KEY, Incubation.PROCESS_KEY,
      IdeaClosure.WITHDRAWAL_PROCESS_KEY, IdeaClosure.DUPLICATE_PROCESS_KEY, Retention.PROCESS_KEY,
      PersonalDataRequest.PROCESS_KEY};

  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>(List.of(
        // Every agent: Tasklist, submit and withdraw their own ideas, ask about their own data.
        new Grant(GROUP_AGENTS, Resources.APPLICATION, TASKLIST,
            "ouvrir Tasklist", Permissions.ACCESS),
        new Grant(GROUP_AGENTS, Resources.PROCESS_DEFINITION, IdeaLifecycle.PROCESS_KEY,
            "déposer une idée (démarrer « Cycle de vie d'une idée »)",
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
        new Grant(GROUP_AGENTS, Resources.PROCESS_DEFINITION, IdeaClosure.WITHDRAWAL_PROCESS_KEY,
            "retirer une de ses idées (le processus vérifie qu'il en est l'auteur)",
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
        new Grant(GROUP_AGENTS, Resources.PROCESS_DEFINITION, PersonalDataRequest.PROCESS_KEY,
            "demander la rectification ou l'effacement de ses données (la demande ne concerne que l'agent connecté)",
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
        new Grant(GROUP_AGENTS, Resources.PROCESS_INSTANCE, ANY,
            "créer les instances qu'il démarre (aucune lecture)", ProcessInstancePermissions.CREATE),
        // Tasklist names the process of each task and shows who holds it; both come from here.
        new Grant(GROUP_AGENTS, Resources.PROCESS_DEFINITION, Incubation.PROCESS_KEY,
            "voir le nom du processus de ses tâches d'incubation", ProcessDefinitionPermissions.READ),
        new Grant(GROUP_AGENTS, Resources.USER, ANY,
            "voir le nom des personnes (annuaire interne)", Permissions.READ),
        new Grant(GROUP_AGENTS, Resources.GROUP, ANY,
            "voir le nom des groupes", Permissions.READ),
        // The innovation team: monitors every instance in Cockpit, flags duplicates (below).
        new Grant(GROUP_INNOVATION_TEAM, Resources.APPLICATION, COCKPIT,
            "ouvrir Cockpit", Permissions.ACCESS),
        new Grant(GROUP_INNOVATION_TEAM, Resources.TASK, ANY,
            "voir toutes les tâches (suivi), sans pouvoir les traiter à la place des autres",
            TaskPermissions.READ, TaskPermissions.READ_VARIABLE),
        new Grant(GROUP_INNOVATION_TEAM, Resources.PROCESS_INSTANCE, ANY,
            "voir les instances et relancer un job en incident",
            ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB),
        new Grant(GROUP_INNOVATION_TEAM, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
            "voir l'historique des instances", HistoricProcessInstancePermissions.READ),
        new Grant(GROUP_INNOVATION_TEAM, Resources.HISTORIC_TASK, ANY,
            "voir l'historique des tâches", HistoricTaskPermissions.READ),
        new Grant(GROUP_INNOVATION_TEAM, Resources.DEPLOYMENT, ANY,
            "voir les déploiements (sans déployer)", Permissions.READ),
        new Grant(GROUP_INNOVATION_TEAM, Resources.DECISION_DEFINITION, ANY,
            "voir la table de décision et ses évaluations", Permissions.READ, Permissions.READ_HISTORY),
        new Grant(GROUP_INNOVATION_TEAM, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY,
            "voir les exigences de décision", Permissions.READ)));
    for (String key : MONITORED_PROCESSES) {
      List<Permission> permissions = new ArrayList<>(List.of(
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
          ProcessDefinitionPermissions.RETRY_JOB));
      String why = "suivre « " + key + " » dans Cockpit (instances, variables, historique, relance des incidents)";
      if (key.equals(IdeaClosure.DUPLICATE_PROCESS_KEY)) {
        permissions.add(ProcessDefinitionPermissions.CREATE_INSTANCE);
        why += " et clore une idée en doublon";
      }
      grants.add(new Grant(GROUP_INNOVATION_TEAM, Resources.PROCESS_DEFINITION, key, List.copyOf(permissions), why));
    }
    return List.copyOf(grants);
  }

  /** The authorization table of docs/security.md, generated from {@link #grants()}. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder()
        .append("| Groupe | Ressource | Identifiant | Permissions | Pour |\n")
        .append("|---|---|---|---|---|\n");
    for (Grant grant : grants()) {
      table.append("| `").append(grant.groupId()).append("` | ")
          .append(grant.resource().resourceName()).append(" | `").append(grant.resourceId()).append("` | ")
          .append(grant.permissions().stream().map(Permission::getName).collect(Collectors.joining(", ")))
          .append(" | ").append(grant.why()).append(" |\n");
    }
    return table.toString();
  }
}
