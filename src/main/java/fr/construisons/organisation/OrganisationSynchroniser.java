package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;

import fr.construisons.organisation.OrganisationDirectory.Directorate;
import fr.construisons.organisation.OrganisationFile.AgentEntry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityInfoEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Camunda's identity tables say what the organisation file says, idempotently:
 * <ul>
 *   <li>the scheme's groups and one {@code dir-<code>} group per directorate exist, with their names;
 *   <li>every agent of the file is a user, member of {@code agents} and of exactly the managed groups
 *       the file gives, with the user infos {@code manager}, {@code directorate} and
 *       {@code source=organisation-file};
 *   <li>a user the file used to manage and no longer lists is disabled, never deleted (history keeps
 *       their name): no membership, an unknown random password, user info {@code disabled} = the date.
 *       Back in the file, they are enabled again; their password changes only if the file gives one.
 * </ul>
 * Users the file never managed ({@code admin}, people created in Admin) are left alone, and so are
 * groups outside the scheme ({@code camunda-admin}). Passwords are set only when a user is created
 * or enabled again: afterwards they belong to the person (Admin, Tasklist).
 *
 * <p>Built for thousands of agents: the current users, memberships and infos are read in bulk, the
 * differences computed in memory, and only the changes written, a few hundred users per
 * transaction. An unchanged file writes nothing.
 */
class OrganisationSynchroniser {

  /** User info marking the users the file manages (the only ones it may disable). */
  public static final String SOURCE_INFO_KEY = "source";
  public static final String SOURCE_FILE = "organisation-file";
  /** User info holding the code of the directorate where the agent works. */
  public static final String DIRECTORATE_INFO_KEY = "directorate";
  /** User info present on disabled users: the ISO date they left the file. */
  public static final String DISABLED_INFO_KEY = "disabled";

  static final Set<String> MANAGED_INFO_KEYS =
      Set.of(SOURCE_INFO_KEY, DIRECTORATE_INFO_KEY, MANAGER_INFO_KEY, DISABLED_INFO_KEY);

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationSynchroniser.class);
  private static final int PAGE_SIZE = 1000;
  private static final int USERS_PER_TRANSACTION = 500;
  // Camunda's own default when neither the user nor the general pattern is configured.
  private static final String DEFAULT_ID_PATTERN = "[a-zA-Z0-9]+|camunda-admin";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProcessEngine engine;
  private final ProcessEngineConfigurationImpl configuration;
  private final Clock clock;

  public OrganisationSynchroniser(ProcessEngine engine) {
    this(engine, Clock.systemDefaultZone());
  }

  public OrganisationSynchroniser(ProcessEngine engine, Clock clock) {
    this.engine = engine;
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.clock = clock;
  }

  /** The scheme's groups with French names, then one group per directorate named after it. */
  public static Map<String, String> managedGroups(OrganisationFile file) {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(GROUP_AGENTS, "Agents");
    groups.put(GROUP_INNOVATION_TEAM, "Équipe Construisons!");
    groups.put(GROUP_GENERAL_MANAGEMENT, "Direction générale");
    groups.putAll(ExpertGroups.NAMES);
    for (Directorate directorate : file.directorates()) {
      groups.put(directorate.groupId(), directorate.name());
    }
    return groups;
  }

  public SyncReport synchronise(OrganisationFile file) {
    long start = System.nanoTime();
    IdentityService identity = engine.getIdentityService();
    // Authorization checks apply to an authenticated user only: the synchronisation is the system.
    Authentication previous = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      checkUserIds(file);
      Counters counters = new Counters();
      Map<String, String> groups = managedGroups(file);
      synchroniseGroups(identity, groups, counters);
      State state = load(identity);
      List<Consumer<CommandContext>> changes = plan(file, groups.keySet(), state, counters);
      for (int from = 0; from < changes.size(); from += USERS_PER_TRANSACTION) {
        List<Consumer<CommandContext>> batch = changes.subList(from, Math.min(changes.size(), from + USERS_PER_TRANSACTION));
        configuration.getCommandExecutorTxRequired().execute(context -> {
          batch.forEach(change -> change.accept(context));
          return null;
        });
      }
      SyncReport report = counters.report(file.agents().size(), Duration.ofNanos(System.nanoTime() - start));
      LOG.info("Organisation synchronisée depuis {} : {}", file.source(), report.summary());
      return report;
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      }
    }
  }

  private void checkUserIds(OrganisationFile file) {
    String configured = Objects.requireNonNullElse(configuration.getUserResourceWhitelistPattern(),
        Objects.requireNonNullElse(configuration.getGeneralResourceWhitelistPattern(), DEFAULT_ID_PATTERN));
    Pattern pattern = Pattern.compile(configured);
    List<String> refused = file.agents().stream().map(AgentEntry::id).filter(id -> !pattern.matcher(id).matches())
        .limit(20).toList();
    if (!refused.isEmpty()) {
      throw new OrganisationFileException("Fichier d'organisation " + file.source()
          + " : identifiants refusés par le moteur (motif « " + configured + " ») : " + String.join(", ", refused));
    }
  }

  private void synchroniseGroups(IdentityService identity, Map<String, String> groups, Counters counters) {
    Map<String, Group> existing = new HashMap<>();
    identity.createGroupQuery().groupIdIn(groups.keySet().toArray(String[]::new)).list()
        .forEach(group -> existing.put(group.getId(), group));
    List<Group> changed = new ArrayList<>();
    groups.forEach((id, name) -> {
      Group group = existing.get(id);
      if (group == null) {
        group = identity.newGroup(id);
        group.setType("WORKFLOW");
        counters.groupsCreated++;
      } else if (name.equals(group.getName())) {
        return;
      } else {
        counters.groupsRenamed++;
      }
      group.setName(name);
      changed.add(group);
    });
    if (!changed.isEmpty()) {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        changed.forEach(group -> new SaveGroupCmd(group).execute(context));
        return null;
      });
    }
  }

  /** What the identity tables hold now, read in a few queries whatever the number of users. */
  private record State(Map<String, User> users, Map<String, Set<String>> memberships,
      Map<String, Map<String, String>> infos) {}

  private State load(IdentityService identity) {
    Map<String, User> users = new HashMap<>();
    for (int first = 0; ; first += PAGE_SIZE) {
      List<User> page = identity.createUserQuery().orderByUserId().asc().listPage(first, PAGE_SIZE);
      page.forEach(user -> users.put(user.getId(), user));
      if (page.size() < PAGE_SIZE) {
        break;
      }
    }
    // The public API has no bulk query for memberships or user infos (per user only): read the
    // tables in one statement each, inside a command so that it is the engine's own connection.
    Map<String, Set<String>> memberships = new HashMap<>();
    Map<String, Map<String, String>> infos = new HashMap<>();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      String prefix = Objects.toString(configuration.getDatabaseTablePrefix(), "");
      Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
      query(connection, "select USER_ID_, GROUP_ID_ from " + prefix + "ACT_ID_MEMBERSHIP", List.of(),
          row -> memberships.computeIfAbsent(row[0], id -> new HashSet<>()).add(row[1]));
      query(connection, "select USER_ID_, KEY_, VALUE_ from " + prefix + "ACT_ID_INFO where TYPE_ = ? and KEY_ in (?, ?, ?, ?)",
          List.of(IdentityInfoEntity.TYPE_USERINFO, SOURCE_INFO_KEY, DIRECTORATE_INFO_KEY, MANAGER_INFO_KEY, DISABLED_INFO_KEY),
          row -> infos.computeIfAbsent(row[0], id -> new HashMap<>()).put(row[1], row[2]));
      return null;
    });
    return new State(users, memberships, infos);
  }

  private static void query(Connection connection, String sql, List<String> parameters, Consumer<String[]> rows) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameters.get(i));
      }
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          String[] row = new String[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = result.getString(c + 1);
          }
          rows.accept(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Lecture des tables d'identité de Camunda impossible : " + sql, e);
    }
  }

  /** One change per user that differs from the file; each change writes everything about its user. */
  private List<Consumer<CommandContext>> plan(OrganisationFile file, Set<String> managedGroups, State state,
      Counters counters) {
    List<Consumer<CommandContext>> changes = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (AgentEntry agent : file.agents()) {
      listed.add(agent.id());
      User user = state.users().get(agent.id());
      if (user == null) {
        changes.add(create(agent, counters));
      } else {
        Consumer<CommandContext> change = update(agent, user, managedGroups, state, counters);
        if (change != null) {
          changes.add(change);
        }
      }
    }
    state.infos().forEach((userId, infos) -> {
      if (SOURCE_FILE.equals(infos.get(SOURCE_INFO_KEY)) && !listed.contains(userId)
          && state.users().containsKey(userId)) {
        Consumer<CommandContext> change = disable(state.users().get(userId), infos,
            state.memberships().getOrDefault(userId, Set.of()), counters);
        if (change != null) {
          changes.add(change);
        }
      }
    });
    return changes;
  }

  private Consumer<CommandContext> create(AgentEntry agent, Counters counters) {
    counters.usersCreated++;
    Set<String> groups = wantedGroups(agent);
    counters.membershipsAdded += groups.size();
    return context -> {
      User user = context.getWritableIdentityProvider().createNewUser(agent.id());
      user.setFirstName(agent.firstName());
      user.setLastName(agent.lastName());
      user.setEmail(agent.email());
      // Without a password in the file nobody can log in until one is set (Admin, LDAP, SSO).
      user.setPassword(agent.password() != null ? agent.password() : randomPassword());
      saveUser(context, user, agent.password() != null);
      wantedInfos(agent).forEach((key, value) -> insertInfo(context, agent.id(), key, value));
      groups.forEach(group -> new CreateMembershipCmd(agent.id(), group).execute(context));
    };
  }

  private Consumer<CommandContext> update(AgentEntry agent, User user, Set<String> managedGroups, State state,
      Counters counters) {
    Map<String, String> infos = state.infos().getOrDefault(agent.id(), Map.of());
    boolean disabled = infos.containsKey(DISABLED_INFO_KEY);

    boolean userChanged = false;
    if (!Objects.equals(user.getFirstName(), agent.firstName())) {
      user.setFirstName(agent.firstName());
      userChanged = true;
    }
    if (!Objects.equals(user.getLastName(), agent.lastName())) {
      user.setLastName(agent.lastName());
      userChanged = true;
    }
    if (!Objects.equals(blankToNull(user.getEmail()), agent.email())) {
      user.setEmail(agent.email());
      userChanged = true;
    }
    if (disabled && agent.password() != null) {
      user.setPassword(agent.password());
      userChanged = true;
    }

    Map<String, String> wanted = wantedInfos(agent);
    Map<String, String> toInsert = new LinkedHashMap<>();
    Map<String, String> toUpdate = new LinkedHashMap<>();
    Set<String> toDelete = new LinkedHashSet<>();
    wanted.forEach((key, value) -> {
      String current = infos.get(key);
      if (current == null) {
        toInsert.put(key, value);
      } else if (!current.equals(value)) {
        toUpdate.put(key, value);
      }
    });
    infos.keySet().stream().filter(key -> !wanted.containsKey(key)).forEach(toDelete::add);

    Set<String> current = state.memberships().getOrDefault(agent.id(), Set.of());
    Set<String> wantedGroups = wantedGroups(agent);
    List<String> toJoin = wantedGroups.stream().filter(group -> !current.contains(group)).toList();
    List<String> toLeave = current.stream()
        .filter(group -> managedGroups.contains(group) && !wantedGroups.contains(group)).sorted().toList();

    boolean changed = userChanged || !toInsert.isEmpty() || !toUpdate.isEmpty() || !toDelete.isEmpty()
        || !toJoin.isEmpty() || !toLeave.isEmpty();
    if (!changed) {
      return null;
    }
    if (disabled) {
      counters.usersEnabledAgain++;
    } else {
      counters.usersUpdated++;
    }
    counters.membershipsAdded += toJoin.size();
    counters.membershipsRemoved += toLeave.size();
    boolean saveUser = userChanged;
    boolean passwordFromFile = disabled && agent.password() != null;
    return context -> {
      if (saveUser) {
        saveUser(context, user, passwordFromFile);
      }
      toInsert.forEach((key, value) -> insertInfo(context, agent.id(), key, value));
      toUpdate.forEach((key, value) -> new SetUserInfoCmd(agent.id(), key, value).execute(context));
      toDelete.forEach(key -> new DeleteUserInfoCmd(agent.id(), key).execute(context));
      toJoin.forEach(group -> new CreateMembershipCmd(agent.id(), group).execute(context));
      toLeave.forEach(group -> new DeleteMembershipCmd(agent.id(), group).execute(context));
    };
  }

  /**
   * Left the file: every membership goes (camunda-admin too: a departed agent keeps no access),
   * the password becomes one nobody knows, and the user row stays for history.
   */
  private Consumer<CommandContext> disable(User user, Map<String, String> infos, Set<String> memberships,
      Counters counters) {
    boolean alreadyDisabled = infos.containsKey(DISABLED_INFO_KEY);
    if (alreadyDisabled && memberships.isEmpty()) {
      return null;
    }
    if (alreadyDisabled) {
      // Someone added a disabled user to a group by hand: a disabled user stays without access.
      counters.usersUpdated++;
    } else {
      counters.usersDisabled++;
    }
    counters.membershipsRemoved += memberships.size();
    List<String> groups = memberships.stream().sorted().toList();
    String today = LocalDate.now(clock).toString();
    return context -> {
      groups.forEach(group -> new DeleteMembershipCmd(user.getId(), group).execute(context));
      if (!alreadyDisabled) {
        user.setPassword(randomPassword());
        saveUser(context, user, false);
        insertInfo(context, user.getId(), DISABLED_INFO_KEY, today);
      }
    };
  }

  private static Set<String> wantedGroups(AgentEntry agent) {
    Set<String> groups = new LinkedHashSet<>();
    groups.add(GROUP_AGENTS);
    groups.addAll(agent.groups());
    return groups;
  }

  private static Map<String, String> wantedInfos(AgentEntry agent) {
    Map<String, String> infos = new LinkedHashMap<>();
    infos.put(SOURCE_INFO_KEY, SOURCE_FILE);
    infos.put(DIRECTORATE_INFO_KEY, agent.directorate());
    if (agent.manager() != null) {
      infos.put(MANAGER_INFO_KEY, agent.manager());
    }
    return infos;
  }

  /**
   * A password written in the file is held to the password policy when one is on (the demo
   * profile turns it off for its "demo" passwords): a weak password in a production file stops the
   * synchronisation instead of opening an account. A random password nobody knows need not be.
   */
  private static void saveUser(CommandContext context, User user, boolean passwordFromFile) {
    new SaveUserCmd(user, !passwordFromFile).execute(context);
  }

  /**
   * Inserts a user info known to be absent (read in bulk beforehand). SetUserInfoCmd would first
   * look it up, and ACT_ID_INFO has no index on the user id: a full scan per agent and key.
   */
  private static void insertInfo(CommandContext context, String userId, String key, String value) {
    IdentityInfoEntity info = new IdentityInfoEntity();
    info.setUserId(userId);
    info.setType(IdentityInfoEntity.TYPE_USERINFO);
    info.setKey(key);
    info.setValue(value);
    context.getDbEntityManager().insert(info);
  }

  private static String randomPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static final class Counters {
    int groupsCreated;
    int groupsRenamed;
    int usersCreated;
    int usersUpdated;
    int usersDisabled;
    int usersEnabledAgain;
    int membershipsAdded;
    int membershipsRemoved;

    SyncReport report(int agents, Duration duration) {
      return new SyncReport(agents, groupsCreated, groupsRenamed, usersCreated, usersUpdated, usersDisabled,
          usersEnabledAgain, membershipsAdded, membershipsRemoved, duration);
    }
  }

  /** What a synchronisation changed; {@link #changes()} is 0 when the tables already matched. */
  public record SyncReport(int agents, int groupsCreated, int groupsRenamed, int usersCreated, int usersUpdated,
      int usersDisabled, int usersEnabledAgain, int membershipsAdded, int membershipsRemoved, Duration duration) {

    public int changes() {
      return groupsCreated + groupsRenamed + usersCreated + usersUpdated + usersDisabled + usersEnabledAgain
          + membershipsAdded + membershipsRemoved;
    }

    public String summary() {
      return String.format(java.util.Locale.FRANCE,
          "%d agents ; utilisateurs : %d créés, %d modifiés, %d désactivés, %d réactivés ; appartenances : "
              + "%d ajoutées, %d retirées ; groupes : %d créés, %d renommés ; durée %.2f s",
          agents, usersCreated, usersUpdated, usersDisabled, usersEnabledAgain, membershipsAdded, membershipsRemoved,
          groupsCreated, groupsRenamed, duration.toMillis() / 1000.0);
    }
  }
}
