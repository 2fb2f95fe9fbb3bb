package fr.construisons.security;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import fr.construisons.process.InvalidFormDataException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's errors as a person reads them, in the REST API ({@code /engine-rest}) and in the
 * web applications' API that Tasklist calls ({@code /camunda/api/engine}): Camunda's answer
 * ({@code {"type", "message", "code"}}, the status Camunda gives) with a French message only.
 *
 * <p>Why exception mappers: the engine's errors become HTTP answers in Camunda's own JAX-RS
 * mappers ({@code ExceptionHandler} for any throwable, {@code RestExceptionHandler},
 * {@code ProcessEngineExceptionHandler}, the two Jackson ones); the REST resources wrap the engine's
 * message in English ("Cannot submit task form &lt;id&gt;: …") before that. A mapper of ours for each
 * of the same exception types, with a higher {@link Priority}, is the one Jersey picks, still sees
 * the whole chain of causes (our {@link InvalidFormDataException} under Camunda's wrapper, the
 * missing authorizations) and writes the same shape: Tasklist and REST clients keep working, and
 * nothing rewrites bodies after the fact. docs/security.md, "Error messages".
 *
 * <p>Nothing internal leaves: not the English prefix and the task or definition id it names, not
 * the user id, resource id and permission of an authorization failure (Camunda's
 * {@code AuthorizationExceptionDto} lists them), never a class name or stack line. Errors of the
 * server itself (500) are logged with their stack, as Camunda's handler does.
 */
public final class EngineErrorsInFrench {

  private static final Logger LOG = LoggerFactory.getLogger(EngineErrorsInFrench.class);

  /** Ahead of Camunda's mappers (no priority, i.e. {@link Priorities#USER}) for the same types. */
  static final int PRIORITY = Priorities.USER - 1000;

  public static final String TASK_GONE =
      "Cette tâche n'existe pas ou plus : elle a peut-être déjà été traitée. Rechargez la liste des tâches.";
  static final String TASK_TAKEN =
      "Cette tâche est déjà prise en charge par une autre personne : rechargez la liste des tâches.";
  static final String CHANGED_MEANWHILE =
      "Quelqu'un d'autre vient de modifier cet élément : rechargez la page et recommencez.";
  static final String SERVER_ERROR = "Une erreur est survenue sur le serveur : rien n'a été enregistré. "
      + "Réessayez dans un instant ; si l'erreur persiste, prévenez l'équipe Construisons!";

  /** The mappers, registered in both Jersey applications (see {@link EngineErrorsConfiguration}). */
  public static final Set<Class<?>> MAPPERS = Set.of(AnyError.class, RestError.class, EngineError.class,
      JsonShapeError.class, JsonSyntaxError.class);

  private static final Pattern CONVERSION = Pattern.compile("Cannot convert value '(.*?)' of type '(\\w+)'",
      Pattern.DOTALL);
  private static final Pattern UNSUPPORTED_TYPE = Pattern.compile("Unsupported value type '(.*?)'");
  private static final Pattern QUERY_PARAMETER = Pattern.compile("Cannot set query parameter '([\\w.]+)' to value '(.*?)'",
      Pattern.DOTALL);
  private static final Pattern TASK_NOT_FOUND =
      Pattern.compile("(?i)(cannot find task|no matching task|task is null|task with id .* (does not exist|not found))");

  private EngineErrorsInFrench() {}

  /**
   * One answer: Camunda's status, type and code, our message; for a form refused on the server,
   * also each problem with the variable of the field it is about ({@code fields}), so that Tasklist
   * writes it next to that field (scripts/tasklist-guidance.js). Camunda's clients ignore the
   * property they do not know.
   */
  record Answer(int status, String type, String message, Integer code, List<Map<String, String>> fields) {

    Answer(int status, String type, String message, Integer code) {
      this(status, type, message, code, List.of());
    }

    Response response() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("message", message);
      if (code != null) {
        body.put("code", code);
      }
      if (!fields.isEmpty()) {
        body.put("fields", fields);
      }
      return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }

  static Response respond(Throwable error) {
    Answer answer = answer(error);
    if (answer.status() >= 500) {
      LOG.warn("Engine API error {} answered as: {}", answer.status(), answer.message(), error);
    } else {
      LOG.debug("Engine API refusal {}: {}", answer.status(), error.toString());
    }
    return answer.response();
  }

  static Answer answer(Throwable error) {
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    int status = camunda.getStatus(error).getStatusCode();
    ExceptionDto shape = camunda.fromException(error);
    String type = shape.getType();
    Integer code = shape.getCode();

    AuthorizationException denied = cause(error, AuthorizationException.class);
    if (denied != null) {
      return new Answer(403, "AuthorizationException", notAllowed(denied), denied.getCode());
    }
    InvalidFormDataException refused = cause(error, InvalidFormDataException.class);
    if (refused != null) {
      List<Map<String, String>> fields = refused.fieldProblems().stream().filter(p -> p.field() != null)
          .map(p -> Map.of("field", p.field(), "message", p.message())).toList();
      return new Answer(400, type, refused.getMessage(), code, fields);
    }
    if (cause(error, FormFieldValidationException.class) != null) {
      return new Answer(400, type, "Le formulaire ne peut pas être enregistré : une des valeurs saisies n'est pas "
          + "acceptée. Vérifiez chaque champ et recommencez.", code);
    }
    if (cause(error, TaskAlreadyClaimedException.class) != null) {
      return new Answer(409, type, TASK_TAKEN, code);
    }
    if (cause(error, OptimisticLockingException.class) != null) {
      return new Answer(409, type, CHANGED_MEANWHILE, code);
    }
    if (mentions(error, TASK_NOT_FOUND) && (status == 404 || cause(error, NullValueException.class) != null
        || cause(error, org.camunda.bpm.engine.exception.NotFoundException.class) != null)) {
      return new Answer(404, type, TASK_GONE, code);
    }
    // Camunda's own texts first: a conversion error of a value also carries Jackson's exception.
    String message = messages(error);
    Matcher parameter = QUERY_PARAMETER.matcher(message);
    if (parameter.find()) {
      return new Answer(400, type, "Le paramètre « " + parameter.group(1) + " » ne peut pas valoir « "
          + parameter.group(2) + " ».", code);
    }
    Matcher conversion = CONVERSION.matcher(message);
    if (conversion.find()) {
      return new Answer(400, type, "La valeur « " + conversion.group(1) + " » n'est pas du type attendu ("
          + typeLabel(conversion.group(2)) + ") : corrigez-la et recommencez.", code);
    }
    Matcher unsupported = UNSUPPORTED_TYPE.matcher(message);
    if (unsupported.find()) {
      return new Answer(400, type, "Le type de valeur « " + unsupported.group(1)
          + " » n'est pas accepté : envoyez une valeur de type String, Boolean, Integer, Long, Double, Date ou Json.",
          code);
    }
    // The body itself: only when Jersey could not read it (the error is Jackson's, unwrapped).
    if (error instanceof JsonParseException) {
      return new Answer(400, type, "Le contenu de la requête n'est pas du JSON valide : rien n'a été enregistré.",
          code);
    }
    if (error instanceof JsonMappingException shapeError) {
      return new Answer(400, type, wrongShape(shapeError), code);
    }
    if (error instanceof WebApplicationException web && web.getResponse() != null) {
      status = web.getResponse().getStatus();
    }
    return new Answer(status, type, byStatus(status), code);
  }

  /** The sentence of a status when nothing more precise is known. */
  static String byStatus(int status) {
    return switch (status) {
      case 400 -> "La requête n'est pas valide : vérifiez les valeurs envoyées. Rien n'a été enregistré.";
      case 401 -> "Identifiez-vous pour continuer.";
      case 403 -> "Cette opération ne vous est pas ouverte.";
      case 404 -> "Cette adresse n'existe pas.";
      case 405 -> "Cette adresse n'accepte pas cette opération.";
      case 406 -> "Le format de réponse demandé n'est pas disponible : demandez du JSON (application/json).";
      case 409 -> CHANGED_MEANWHILE;
      case 413 -> "La requête est trop volumineuse : rien n'a été enregistré.";
      case 415 -> "Le contenu envoyé doit être du JSON (Content-Type: application/json) : rien n'a été enregistré.";
      default -> status >= 500 ? SERVER_ERROR : "La requête n'a pas pu être traitée : rien n'a été enregistré.";
    };
  }

  /**
   * An authorization refusal of ours inside the engine (e.g. {@link QueryExpressionGuard}), whose
   * message is already the French one to show.
   */
  static final class RefusalInFrench extends AuthorizationException {
    RefusalInFrench(String message) {
      super(message);
    }
  }

  /** "Vous n'avez pas le droit de consulter ce processus." from the first missing authorization. */
  static String notAllowed(AuthorizationException denied) {
    if (denied instanceof RefusalInFrench) {
      return denied.getMessage();
    }
    List<MissingAuthorization> missing = denied.getMissingAuthorizations();
    if (missing == null || missing.isEmpty()) {
      return byStatus(403);
    }
    MissingAuthorization first = missing.get(0);
    return "Vous n'avez pas le droit de " + verb(first.getViolatedPermissionName()) + " "
        + resource(first.getResourceType()) + ".";
  }

  private static String verb(String permission) {
    return switch (permission == null ? "" : permission) {
      case "READ" -> "consulter";
      case "UPDATE" -> "modifier";
      case "CREATE" -> "créer";
      case "DELETE" -> "supprimer";
      case "ACCESS" -> "ouvrir";
      case "CREATE_INSTANCE" -> "démarrer";
      case "TASK_WORK" -> "traiter";
      case "TASK_ASSIGN" -> "attribuer";
      case "READ_VARIABLE", "READ_INSTANCE_VARIABLE", "READ_TASK_VARIABLE" -> "lire les variables de";
      case "UPDATE_VARIABLE", "UPDATE_INSTANCE_VARIABLE", "UPDATE_TASK_VARIABLE" -> "modifier les variables de";
      case "READ_INSTANCE" -> "consulter les instances de";
      case "UPDATE_INSTANCE" -> "modifier les instances de";
      case "DELETE_INSTANCE" -> "supprimer les instances de";
      case "READ_TASK" -> "consulter les tâches de";
      case "UPDATE_TASK" -> "modifier les tâches de";
      case "READ_HISTORY", "READ_HISTORY_VARIABLE" -> "consulter l'historique de";
      case "DELETE_HISTORY" -> "supprimer l'historique de";
      case "RETRY_JOB" -> "relancer les traitements de";
      case "SUSPEND", "SUSPEND_INSTANCE" -> "suspendre";
      case "MIGRATE_INSTANCE" -> "migrer les instances de";
      default -> "faire cette opération sur";
    };
  }

  private static String resource(String type) {
    return switch (type == null ? "" : type) {
      case "ProcessDefinition" -> "ce processus";
      case "ProcessInstance" -> "cette instance de processus";
      case "Task" -> "cette tâche";
      case "Deployment" -> "ce déploiement";
      case "DecisionDefinition", "DecisionRequirementsDefinition" -> "cette table de décision";
      case "User" -> "cet utilisateur";
      case "Group", "GroupMembership" -> "ce groupe";
      case "Tenant", "TenantMembership" -> "ce locataire";
      case "Authorization" -> "ces autorisations";
      case "Filter" -> "ce filtre";
      case "Batch" -> "ce lot d'opérations";
      case "Application" -> "cette application";
      case "HistoricProcessInstance" -> "cette instance de processus terminée";
      case "HistoricTask" -> "cette tâche terminée";
      case "System" -> "le système";
      default -> "cet élément";
    };
  }

  private static String typeLabel(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "integer", "long", "short" -> "nombre entier";
      case "double" -> "nombre";
      case "boolean" -> "true ou false";
      case "date" -> "date";
      case "json" -> "JSON";
      default -> type;
    };
  }

  /** The field of the body that is not of the expected kind, as the client wrote its path. */
  private static String wrongShape(JsonMappingException error) {
    String path = error.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
            : String.valueOf(reference.getIndex()))
        .collect(Collectors.joining("."));
    return "Le contenu de la requête ne suit pas le format attendu"
        + (path.isEmpty() ? "" : " (champ « " + path + " »)") + " : rien n'a été enregistré.";
  }

  private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean mentions(Throwable error, Pattern pattern) {
    return pattern.matcher(messages(error)).find();
  }

  /** Every message of the chain, outermost first: patterns match Camunda's text wherever it sits. */
  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        all.append(t.getMessage()).append('\n');
      }
    }
    return all.toString();
  }

  // One mapper per exception type Camunda maps: Jersey takes the mapper of the closest type, and
  // among those of the same type the one of highest priority.

  @Provider
  @Priority(PRIORITY)
  public static final class AnyError implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable error) {
      return respond(error);
    }
  }

  @Provider
  @Priority(PRIORITY)
  public static final class RestError implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException error) {
      return respond(error);
    }
  }

  @Provider
  @Priority(PRIORITY)
  public static final class EngineError implements ExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {
    @Override
    public Response toResponse(org.camunda.bpm.engine.ProcessEngineException error) {
      return respond(error);
    }
  }

  @Provider
  @Priority(PRIORITY)
  public static final class JsonShapeError implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException error) {
      return respond(error);
    }
  }

  @Provider
  @Priority(PRIORITY)
  public static final class JsonSyntaxError implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException error) {
      return respond(error);
    }
  }

  /**
   * The web applications' engine API ({@code /camunda/api/engine}) with our mappers: Camunda's own
   * application, plus them. Registered under the servlet name Camunda uses, before Camunda's
   * initializer, which then leaves it in place (see {@link EngineErrorsConfiguration}).
   */
  public static class WebappEngineApi extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new java.util.HashSet<>(super.getClasses());
      classes.addAll(MAPPERS);
      return classes;
    }
  }
}
