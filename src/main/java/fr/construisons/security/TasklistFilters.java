package fr.construisons.security;

import static fr.construisons.organisation.OrganisationDirectory.GROUP_AGENTS;
import static fr.construisons.organisation.OrganisationDirectory.GROUP_INNOVATION_TEAM;

import fr.construisons.idea.IdeaLifecycle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters of each role, owned by the application: created at start-up, brought back
 * to this definition at every start, readable by the groups named here. Their expressions
 * ({@code ${currentUser()}}) are evaluated for whoever opens the filter; only administrators and
 * the application may store such expressions (see the query-expression guard).
 */
public final class TasklistFilters {

  public static final String MY_TASKS = "Mes tâches";
  public static final String GROUP_TASKS = "Tâches de mon groupe";
  public static final String MONITORING = "Suivi Construisons!";

  /**
   * Names a filter had in earlier releases: the filter is found under them and renamed, so that an
   * installation keeps one filter (and its readers' grants), not the old one beside a new one.
   */
  private static final Map<String, List<String>> FORMER_NAMES = Map.of(
      MONITORING, List.of("Suivi Construisons\u00a0!", "Suivi Construisons !"));

  /** What a filter shows, to whom, and where it stands in Tasklist's list (lowest first). */
  record Definition(String name, String description, int priority, List<String> readers, TaskQuery query) {}

  private final FilterService filters;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, AuthorizationService authorizations) {
    this.filters = filters;
    this.authorizations = authorizations;
  }

  static List<Definition> definitions() {
    return List.of(
        new Definition(MY_TASKS,
            "Les tâches qui vous sont attribuées ou proposées (à vous ou à l'un de vos groupes).",
            -10, List.of(GROUP_AGENTS),
            newQuery().or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}")
                .endOr()
                .orderByTaskCreateTime().desc()),
        new Definition(GROUP_TASKS,
            "Les tâches de vos groupes, y compris celles qu'un collègue a déjà prises.",
            0, List.of(GROUP_AGENTS),
            newQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskCreateTime().desc()),
        new Definition(MONITORING,
            "Toutes les tâches en cours du dispositif, pour le suivi par l'équipe Construisons!",
            10, List.of(GROUP_INNOVATION_TEAM),
            newQuery().orderByDueDate().asc()));
  }

  private static TaskQuery newQuery() {
    // A detached query: it is only serialised into the filter, never executed here.
    return new TaskQueryImpl();
  }

  /** Creates or refreshes every filter and its READ grants; returns how many filters exist. */
  int ensure() {
    for (Definition definition : definitions()) {
      List<String> names = new ArrayList<>(List.of(definition.name()));
      names.addAll(FORMER_NAMES.getOrDefault(definition.name(), List.of()));
      Filter filter = names.stream()
          .flatMap(name -> filters.createFilterQuery()
              .filterResourceType(Resources.TASK.resourceName())
              .filterName(name)
              .list().stream())
          .filter(f -> f.getOwner() == null)
          .findFirst()
          .orElseGet(() -> filters.newTaskFilter(definition.name()));
      filter.setName(definition.name());
      filter.setQuery(definition.query());
      filter.setProperties(properties(definition));
      filters.saveFilter(filter);
      for (String group : definition.readers()) {
        AuthorizationProvisioner.ensure(authorizations, new AccessPolicy.Grant(group, Resources.FILTER,
            filter.getId(), List.of(Permissions.READ), "filtre « " + definition.name() + " »"));
      }
    }
    return definitions().size();
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    // Shown under each task in the list: which idea the task is about.
    properties.put("variables", List.of(
        Map.of("name", IdeaLifecycle.IDEA_REFERENCE.name(), "label", "Référence"),
        Map.of("name", IdeaLifecycle.TITLE.name(), "label", "Idée")));
    return properties;
  }

}
