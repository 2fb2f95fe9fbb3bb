package fr.construisons.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.process.FormContract;
import fr.construisons.process.SeparationOfDuties;
import fr.construisons.process.TaskFormValidation.ExcludedActor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * What a caller who is not an administrator may do through the engine's API: the REST API
 * ({@code /engine-rest}) and the same resources behind the web applications
 * ({@code /camunda/api/engine}), which Tasklist and Cockpit use. The engine's authorizations say
 * <em>which</em> tasks and instances a person may touch; this says <em>what</em> they may write
 * there, because the engine would store any variable a task's worker sends.
 *
 * <ul>
 *   <li><b>Reads</b> (GET) are left to the engine's authorizations, except the engine's metrics,
 *       telemetry and schema log: {@code supervision} and {@code camunda-admin} only.</li>
 *   <li><b>Form submissions</b> (a start form, a task's {@code submit-form}, {@code complete},
 *       {@code resolve}) may carry exactly the fields of the Camunda Form of that start event or
 *       task, read from the deployed form ({@link FormContract}); any other variable, a business
 *       key, a variable of a type no form produces (file, bytes, Java object, XML) or a request to
 *       return the process's variables is refused with a French 400 naming it, before the engine
 *       sees anything.</li>
 *   <li><b>Claiming</b> a task is for oneself only, and not for a task the process keeps from that
 *       person ({@link SeparationOfDuties}: the review of one's own idea).</li>
 *   <li>The other writes a person needs (unclaim, comment a task, queries sent by POST, retry a
 *       failed job, change one's own password) pass to the engine's authorizations.</li>
 *   <li><b>Everything else</b> that writes (variables set or deleted directly, processes started
 *       without their form, messages, signals, modifications, attachments, task updates…) is an
 *       administrator's tool: refused with a French 403. New endpoints of a future Camunda
 *       version are refused too until someone decides otherwise.</li>
 * </ul>
 *
 * <p>Runs after authentication (the REST API's Basic authentication, or the web applications'
 * session) and after {@link RequestBodyGuard}, which has already read the body within its size
 * limit and serves it again to every reader.
 */
class EngineApiGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);

  static final String SUPERVISION_GROUP = OrganisationDirectory.GROUP_SUPERVISION;
  private static final Set<String> OPERATORS = Set.of(SUPERVISION_GROUP, OrganisationDirectory.GROUP_ADMIN);

  /** The value types Tasklist's forms submit; anything else is not a form's doing. */
  private static final Set<String> FORM_VALUE_TYPES = Set.of(
      "string", "boolean", "integer", "long", "short", "double", "date", "json", "null");

  private static final Pattern NAMED_ENGINE = Pattern.compile("/engine/[^/]+(/.*)?");
  private static final Pattern OPERATIONAL = Pattern.compile("/(metrics|telemetry|schema/log)(/.*)?");
  private static final Pattern START_FORM =
      Pattern.compile("/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/submit-form");
  private static final Pattern TASK_FORM = Pattern.compile("/task/([^/]+)/(submit-form|complete|resolve)");
  private static final Pattern CLAIM = Pattern.compile("/task/([^/]+)/claim");
  private static final Pattern OWN_CREDENTIALS = Pattern.compile("/user/([^/]+)/credentials");
  /** Writes that change nothing a process decides on, or that the engine's authorizations cover. */
  private static final List<Pattern> OTHER_ALLOWED_WRITES = List.of(
      // Queries sent by POST (Tasklist's filters, Cockpit's lists).
      Pattern.compile("/(task|process-instance|execution|variable-instance|job|incident|external-task"
          + "|process-definition|decision-definition|deployment|batch|job-definition|event-subscription"
          // the Welcome app's and Cockpit's searches of groups and users (names of the groups shown)
          + "|group|user)(/count)?"),
      Pattern.compile("/history/(process-instance|activity-instance|task|variable-instance|detail|incident"
          + "|job-log|decision-instance|external-task-log|identity-link-log|user-operation)(/count)?"),
      Pattern.compile("/filter/[^/]+/(list|count|singleresult)"),
      Pattern.compile("/task/[^/]+/(unclaim|comment/create)"),
      // Cockpit's "retry" of a failed job; the engine checks RETRY_JOB.
      Pattern.compile("/(job|job-definition|external-task)/[^/]+/retries"),
      Pattern.compile("/(job/retries|external-task/retries|external-task/retries-async)"),
      // Checks a new password against the policy; stores nothing.
      Pattern.compile("/identity/password-policy"));

  private static final ObjectMapper JSON = JsonMapper.builder()
      // A repeated key could be read one way here and another way by the engine.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final ProcessEngine engine;
  private final SeparationOfDuties duties;
  private final String webappEnginePrefix;
  private final UrlPathHelper paths = new UrlPathHelper();

  public EngineApiGuard(ProcessEngine engine, SeparationOfDuties duties, String webappPath) {
    this.engine = engine;
    this.duties = duties;
    this.webappEnginePrefix = webappPath + "/api/engine";
    paths.setUrlDecode(true);
    paths.setRemoveSemicolonContent(true);
  }

  /** Who calls, and the part of the path the engine's REST resources see. */
  private record Call(String userId, List<String> groups, String method, String resource) {

    boolean isAdministrator() {
      return groups.contains(OrganisationDirectory.GROUP_ADMIN);
    }

    boolean isOperator() {
      return groups.stream().anyMatch(OPERATORS::contains);
    }

    boolean reads() {
      return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    String describe() {
      return method + " " + resource;
    }
  }

  private static final class Refusal extends Exception {
    final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Optional<Call> call = call(request);
    if (call.isEmpty() || call.get().isAdministrator()) {
      // Not an engine resource, an anonymous caller (the engine's own filters answer 401), or an
      // administrator, who holds every right in the engine anyway.
      chain.doFilter(request, response);
      return;
    }
    try {
      check(call.get(), request);
    } catch (Refusal refusal) {
      LOG.warn("Appel de l'API du moteur refusé à {} : {} ({})", call.get().userId(), call.get().describe(),
          refusal.getMessage());
      JsonErrors.write(response, refusal.status,
          switch (refusal.status) {
            case HttpServletResponse.SC_BAD_REQUEST -> "InvalidRequestException";
            case HttpServletResponse.SC_NOT_FOUND -> "InvalidRequestException";
            default -> "AuthorizationException";
          },
          refusal.getMessage());
      return;
    }
    chain.doFilter(request, response);
  }

  private void check(Call call, HttpServletRequest request) throws Refusal, IOException {
    String resource = call.resource().toLowerCase(Locale.ROOT);
    if (OPERATIONAL.matcher(resource).matches()) {
      if (!call.isOperator()) {
        throw new Refusal(HttpServletResponse.SC_FORBIDDEN, "Les métriques et journaux du moteur sont réservés "
            + "aux groupes « supervision » et « camunda-admin ».");
      }
      return;
    }
    if (call.reads()) {
      return;
    }
    if (!call.method().equals("POST") && !call.method().equals("PUT")) {
      throw forbidden(call);
    }
    Matcher start = START_FORM.matcher(call.resource());
    if (call.method().equals("POST") && start.matches()) {
      checkStartForm(start, body(request));
      return;
    }
    Matcher task = TASK_FORM.matcher(call.resource());
    if (call.method().equals("POST") && task.matches()) {
      checkTaskForm(task.group(1), body(request));
      return;
    }
    Matcher claim = CLAIM.matcher(call.resource());
    if (call.method().equals("POST") && claim.matches()) {
      checkClaim(call, claim.group(1), body(request));
      return;
    }
    Matcher credentials = OWN_CREDENTIALS.matcher(call.resource());
    if (call.method().equals("PUT") && credentials.matches()) {
      if (!credentials.group(1).equals(call.userId())) {
        throw forbidden(call);
      }
      return;
    }
    boolean allowed = OTHER_ALLOWED_WRITES.stream().anyMatch(pattern -> pattern.matcher(resource).matches())
        && (call.method().equals("POST") || resource.endsWith("/retries"));
    if (!allowed) {
      throw forbidden(call);
    }
  }

  private static Refusal notFound(String what) {
    return new Refusal(HttpServletResponse.SC_NOT_FOUND, what + " : rien n'a été enregistré.");
  }

  private static Refusal forbidden(Call call) {
    return new Refusal(HttpServletResponse.SC_FORBIDDEN, "Cette opération de l'API du moteur (" + call.describe()
        + ") est réservée aux administrateurs (camunda-admin) : rien n'a été enregistré.");
  }

  // ------------------------------------------------------------------------------------------
  // Form contracts
  // ------------------------------------------------------------------------------------------

  private void checkStartForm(Matcher path, JsonNode body) throws Refusal {
    Optional<ProcessDefinition> definition = privileged(() -> {
      if (path.group(3) != null) {
        return Optional.ofNullable(engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionId(path.group(3)).singleResult());
      }
      ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(path.group(1)).latestVersion();
      query = path.group(2) == null ? query.withoutTenantId() : query.tenantIdIn(path.group(2));
      return Optional.ofNullable(query.singleResult());
    });
    if (definition.isEmpty()) {
      // Answered here rather than passed on: what the guard cannot check does not reach the engine,
      // even if the engine were to find what this look-up did not.
      throw notFound("Aucun processus ne correspond à cette adresse");
    }
    FormContract contract = privileged(() -> {
      StartFormData form = engine.getFormService().getStartFormData(definition.get().getId());
      return hasForm(form.getCamundaFormRef(), form.getFormKey())
          ? FormContract.read(engine.getFormService().getDeployedStartForm(definition.get().getId()))
          : FormContract.none();
    });
    String formName = "de démarrage de « " + nameOf(definition.get()) + " »";
    JsonNode businessKey = body.path("businessKey");
    if (!businessKey.isMissingNode() && !businessKey.isNull()) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Le formulaire " + formName + " ne contient pas "
          + "de clé métier : elle est attribuée par la plateforme (rien n'a été enregistré).");
    }
    checkVariables(body, contract, formName, Set.of("variables", "businessKey"));
  }

  private void checkTaskForm(String taskId, JsonNode body) throws Refusal {
    Optional<Task> task = task(taskId);
    if (task.isEmpty()) {
      throw new Refusal(HttpServletResponse.SC_NOT_FOUND, EngineErrorsInFrench.TASK_GONE);
    }
    FormContract contract = privileged(() -> {
      TaskFormData form = engine.getFormService().getTaskFormData(taskId);
      return hasForm(form.getCamundaFormRef(), form.getFormKey())
          ? FormContract.read(engine.getFormService().getDeployedTaskForm(taskId))
          : FormContract.none();
    });
    checkVariables(body, contract, "« " + task.get().getName() + " »", Set.of("variables", "withVariablesInReturn"));
    if (body.path("withVariablesInReturn").asBoolean(false)) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Les variables du processus ne sont pas renvoyées "
          + "après la tâche « " + task.get().getName() + " » : ne demandez pas withVariablesInReturn.");
    }
  }

  private static boolean hasForm(Object camundaFormRef, String formKey) {
    return camundaFormRef != null || (formKey != null && !formKey.isBlank());
  }

  private static void checkVariables(JsonNode body, FormContract contract, String formName, Set<String> knownKeys)
      throws Refusal {
    List<String> unknownKeys = new ArrayList<>();
    body.fieldNames().forEachRemaining(key -> {
      if (!knownKeys.contains(key)) {
        unknownKeys.add(key);
      }
    });
    if (!unknownKeys.isEmpty()) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "La requête contient " + quoted(unknownKeys)
          + ", que le formulaire " + formName + " n'attend pas : rien n'a été enregistré.");
    }
    JsonNode variables = body.path("variables");
    if (variables.isMissingNode() || variables.isNull()) {
      return;
    }
    if (!variables.isObject()) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "« variables » doit être un objet JSON : "
          + "rien n'a été enregistré.");
    }
    List<String> foreign = new ArrayList<>();
    List<String> badlyTyped = new ArrayList<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!contract.allows(name)) {
        foreign.add(name);
        continue;
      }
      JsonNode variable = variables.get(name);
      JsonNode type = variable.path("type");
      boolean untyped = type.isMissingNode() || type.isNull();
      if (untyped ? variable.path("value").isContainerNode()
          : !type.isTextual() || !FORM_VALUE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
        // Without a type the engine would store an object or a list as a serialised Object.
        badlyTyped.add(name);
      }
    }
    if (!foreign.isEmpty()) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Le formulaire " + formName + " ne contient pas "
          + (foreign.size() == 1 ? "le champ " : "les champs ") + quoted(foreign) + " : rien n'a été enregistré.");
    }
    if (!badlyTyped.isEmpty()) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, (badlyTyped.size() == 1 ? "Le champ " : "Les champs ")
          + quoted(badlyTyped) + " du formulaire " + formName + " s'envoient en texte, nombre, date, booléen "
          + "ou JSON : rien n'a été enregistré.");
    }
  }

  // ------------------------------------------------------------------------------------------
  // Claims
  // ------------------------------------------------------------------------------------------

  private void checkClaim(Call call, String taskId, JsonNode body) throws Refusal {
    if (!call.userId().equals(body.path("userId").asText(null))) {
      throw new Refusal(HttpServletResponse.SC_FORBIDDEN, "Une tâche ne se prend que pour soi : "
          + "« userId » doit être votre propre identifiant.");
    }
    Optional<Task> task = task(taskId);
    if (task.isEmpty()) {
      throw new Refusal(HttpServletResponse.SC_NOT_FOUND, EngineErrorsInFrench.TASK_GONE);
    }
    if (task.get().getProcessDefinitionId() == null) {
      // A task of no process (created through the API by an administrator): no duty to keep.
      return;
    }
    String processKey = privileged(() ->
        engine.getRepositoryService().getProcessDefinition(task.get().getProcessDefinitionId()).getKey());
    Optional<ExcludedActor> excluded = duties.excludedActor(processKey, task.get().getTaskDefinitionKey());
    if (excluded.isPresent()) {
      Object person = privileged(() ->
          engine.getRuntimeService().getVariable(task.get().getExecutionId(), excluded.get().person().name()));
      // Ignoring case, as the completion check does (an LDAP login keeps the id as typed).
      if (person instanceof String id && call.userId().equalsIgnoreCase(id)) {
        String why = excluded.get().why();
        throw new Refusal(HttpServletResponse.SC_FORBIDDEN, "Vous ne pouvez pas prendre la tâche « "
            + task.get().getName() + " » : " + why + ".");
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Plumbing
  // ------------------------------------------------------------------------------------------

  private Optional<Task> task(String taskId) {
    return privileged(() -> Optional.ofNullable(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()));
  }

  /**
   * The guard's own look-ups (the task's form, the definition, the idea's author) are made by the
   * platform, not in the caller's name: what the caller may see is the engine's business after.
   */
  private <T> T privileged(Supplier<T> lookup) {
    // The engine checks authorizations only for the authenticated user of the thread (set by the
    // authentication filters for this request): step out of it for the look-up, then back in.
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static JsonNode body(HttpServletRequest request) throws Refusal, IOException {
    byte[] bytes = request.getInputStream().readAllBytes();
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    try (JsonParser parser = JSON.createParser(bytes)) {
      JsonNode body = JSON.readTree(parser);
      if (body == null || !body.isObject() || parser.nextToken() != null) {
        throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Le corps de la requête doit être un objet JSON : "
            + "rien n'a été enregistré.");
      }
      return body;
    } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Le corps de la requête n'est pas un JSON valide "
          + "(ou répète une clé) : rien n'a été enregistré.");
    }
  }

  /** The caller and the engine resource addressed, or empty when this is no engine resource. */
  private Optional<Call> call(HttpServletRequest request) {
    String path = paths.getPathWithinApplication(request).replaceAll("/{2,}", "/");
    String resource;
    Optional<String> userId;
    List<String> groups;
    if (path.startsWith("/engine-rest/") || path.equals("/engine-rest")) {
      resource = withoutEngineName(path.substring("/engine-rest".length()));
      Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
      userId = Optional.ofNullable(authentication).map(Authentication::getUserId);
      groups = authentication == null || authentication.getGroupIds() == null ? List.of()
          : List.copyOf(authentication.getGroupIds());
    } else if (path.startsWith(webappEnginePrefix + "/")) {
      resource = withoutEngineName(path.substring(webappEnginePrefix.length()));
      HttpSession session = request.getSession(false);
      var authentication = session == null ? null
          : AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
      if (authentication instanceof UserAuthentication user) {
        userId = Optional.of(user.getName());
        groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
      } else {
        userId = Optional.empty();
        groups = List.of();
      }
    } else {
      return Optional.empty();
    }
    String stripped = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
    return userId.map(id -> new Call(id, groups, request.getMethod().toUpperCase(Locale.ROOT), stripped));
  }

  /** {@code /engine/default/task} and {@code /task} are the same resource. */
  private static String withoutEngineName(String resource) {
    Matcher named = NAMED_ENGINE.matcher(resource);
    if (named.matches()) {
      return named.group(1) == null ? "/" : named.group(1);
    }
    return resource;
  }

  private String nameOf(ProcessDefinition definition) {
    return definition.getName() == null ? definition.getKey() : definition.getName();
  }

  private static String quoted(List<String> names) {
    return names.stream().map(name -> "« " + name + " »").collect(Collectors.joining(", "));
  }
}
