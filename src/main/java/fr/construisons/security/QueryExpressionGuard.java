package fr.construisons.security;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Keeps JUEL expressions of task queries ({@code assigneeExpression}, {@code dueDateExpression},
 * {@code candidateGroupExpression}, …) out of the hands of anyone but Camunda administrators.
 *
 * <p>Such an expression is evaluated on the server and reaches every Spring bean (JDBC included).
 * The engine refuses them in ad-hoc queries unless {@code enableExpressionsInAdhocQueries}, but it
 * does not look inside {@code orQueries}, and a stored filter evaluates whatever its creator
 * stored, for every user who opens it. As an engine interceptor this guard covers the REST API and
 * the web applications' internal API alike; an authenticated user who is not a Camunda
 * administrator is refused:
 * <ul>
 *   <li>a task query (or any engine query) run through the engine with an expression in itself or
 *       in one of its or-queries;</li>
 *   <li>saving a filter whose query holds an expression;</li>
 *   <li>running a filter with an extending query that holds one.</li>
 * </ul>
 * A stored filter's own expressions still run for everyone, so the administrators' filters such as
 * "Mes tâches" ({@code ${currentUser()}}) keep working in Tasklist: only an administrator can have
 * saved them. Code of the engine and of the application, which runs without an authenticated user,
 * is left alone.
 *
 * <p>Installed after the engine's command-context interceptor, so the command context and the
 * caller's authentication are there to look at.
 */
class QueryExpressionGuard extends CommandInterceptor {

  static final String MESSAGE = "Les expressions (${…}) dans les requêtes de tâches et les filtres "
      + "sont réservées aux administrateurs de Camunda.";

  // Camunda keeps the filter and the extending query of these commands in protected fields with
  // no getter. Resolved once, at engine start: if an upgrade renames them, the application fails
  // to start instead of running unguarded.
  private static final Field SAVED_FILTER = accessibleField(SaveFilterCmd.class, "filter");
  private static final Field EXTENDING_QUERY =
      accessibleField(AbstractExecuteFilterCmd.class, "extendingQuery");

  @Override
  public <T> T execute(Command<T> command) {
    Object query = queryFromCaller(command);
    if (query != null && holdsExpressions(query)) {
      CommandContext commandContext = Context.getCommandContext();
      if (!mayUseExpressions(commandContext)) {
        throw new EngineErrorsInFrench.RefusalInFrench(MESSAGE);
      }
    }
    return next.execute(command);
  }

  /** The part of the command that the caller wrote, or null when the command carries none. */
  private static Object queryFromCaller(Command<?> command) {
    if (command instanceof AbstractQuery<?, ?>) {
      // An ad-hoc query run through the engine (query.list(), count(), listPage()…).
      return command;
    }
    if (command instanceof SaveFilterCmd) {
      Filter filter = (Filter) read(SAVED_FILTER, command);
      return filter == null ? null : filter.getQuery();
    }
    if (command instanceof AbstractExecuteFilterCmd) {
      // Only the extending query: the stored query was checked when it was saved.
      return read(EXTENDING_QUERY, command);
    }
    return null;
  }

  static boolean holdsExpressions(Object query) {
    if (query instanceof TaskQueryImpl taskQuery) {
      // getQueries() holds the query itself first, then each or-query.
      for (TaskQueryImpl part : taskQuery.getQueries()) {
        if (hasExpressions(part)) {
          return true;
        }
      }
    }
    return query instanceof AbstractQuery<?, ?> any && hasExpressions(any);
  }

  private static boolean hasExpressions(AbstractQuery<?, ?> query) {
    return query.getExpressions() != null && !query.getExpressions().isEmpty();
  }

  private static boolean mayUseExpressions(CommandContext commandContext) {
    if (commandContext == null) {
      return true;
    }
    Authentication authentication = commandContext.getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      // Engine-internal or application code, not a client request.
      return true;
    }
    return commandContext.getAuthorizationManager().isCamundaAdmin(authentication);
  }

  private static Field accessibleField(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda " + type.getName() + " has no field '" + name
          + "' any more: the JUEL expression guard must be adapted to this Camunda version", e);
    }
  }

  private static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
