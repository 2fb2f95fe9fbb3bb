package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.*;

import fr.construisons.organisation.OrganisationDirectory.Directorate;
import fr.construisons.organisation.OrganisationFile.AgentEntry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks an organisation file (format in docs/organisation.md). Every problem is
 * reported at once, in French, with the agent or directorate it concerns: the file is written by
 * people (or exported by HR tools) and a start-up that fails on the first typo of fifty wastes
 * their time. A file that reads is consistent: known directorates, groups and managers.
 */
public final class OrganisationFileReader {

  /** Memberships the file may give besides {@code dir-<code>} (see the domain notes). */
  public static final Set<String> SCHEME_GROUPS = Stream.concat(
      Stream.of(GROUP_AGENTS, GROUP_INNOVATION_TEAM, GROUP_GENERAL_MANAGEMENT),
      ExpertGroups.NAMES.keySet().stream()).collect(Collectors.toUnmodifiableSet());

  // Codes end up in group ids (dir-<code>): the same shape as the engine's group-id pattern.
  private static final Pattern CODE = Pattern.compile("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
  private static final Set<String> TOP_KEYS = Set.of("innovation-directorate", "directorates", "agents");
  private static final Set<String> DIRECTORATE_KEYS = Set.of("code", "name", "mailbox");
  private static final Set<String> AGENT_KEYS =
      Set.of("id", "first-name", "last-name", "email", "directorate", "manager", "groups", "password");
  private static final int MAX_REPORTED_PROBLEMS = 50;

  private final String source;
  private final List<String> problems = new ArrayList<>();

  private OrganisationFileReader(String source) {
    this.source = source;
  }

  public static OrganisationFile read(Resource resource) {
    String source = resource.getDescription();
    if (!resource.exists()) {
      throw new OrganisationFileException("Fichier d'organisation introuvable : " + source
          + " (construisons.organisation.file)");
    }
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return read(reader, source);
    } catch (IOException e) {
      throw new OrganisationFileException("Lecture impossible du fichier d'organisation " + source, e);
    }
  }

  public static OrganisationFile read(Reader reader, String source) {
    LoaderOptions options = new LoaderOptions();
    // Default is 3 MB: a few tens of thousands of agents is more than that.
    options.setCodePointLimit(256 * 1024 * 1024);
    Object document;
    try {
      document = new Yaml(new SafeConstructor(options)).load(reader);
    } catch (YAMLException e) {
      throw new OrganisationFileException("Fichier d'organisation " + source + " : YAML illisible : "
          + e.getMessage(), e);
    }
    return new OrganisationFileReader(source).parse(document);
  }

  private OrganisationFile parse(Object document) {
    if (!(document instanceof Map<?, ?> top)) {
      throw new OrganisationFileException("Fichier d'organisation " + source
          + " : il doit contenir innovation-directorate, directorates et agents");
    }
    unknownKeys(top, TOP_KEYS, "le fichier");
    List<Directorate> directorates = directorates(top.get("directorates"));
    Set<String> codes = new HashSet<>();
    directorates.forEach(d -> codes.add(d.code()));
    String innovation = text(top, "innovation-directorate", "le fichier", true);
    if (innovation != null && !codes.contains(innovation)) {
      problem("innovation-directorate : « " + innovation + " » n'est pas une des directions " + codes);
    }
    List<AgentEntry> agents = agents(top.get("agents"), codes);
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder("Fichier d'organisation " + source + " invalide ("
          + problems.size() + " problème(s)) :");
      problems.stream().limit(MAX_REPORTED_PROBLEMS).forEach(p -> message.append("\n - ").append(p));
      if (problems.size() > MAX_REPORTED_PROBLEMS) {
        message.append("\n - …");
      }
      throw new OrganisationFileException(message.toString());
    }
    return new OrganisationFile(source, innovation, directorates, agents);
  }

  private List<Directorate> directorates(Object node) {
    List<Directorate> directorates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int index = 0;
    for (Map<?, ?> entry : entries(node, "directorates")) {
      index++;
      String where = "direction n°" + index;
      String code = text(entry, "code", where, true);
      where = code == null ? where : "direction « " + code + " »";
      unknownKeys(entry, DIRECTORATE_KEYS, where);
      String name = text(entry, "name", where, true);
      String mailbox = text(entry, "mailbox", where, true);
      if (code == null) {
        continue;
      }
      if (!CODE.matcher(code).matches()) {
        problem(where + " : le code ne peut contenir que des lettres, des chiffres et des tirets");
      } else if (!seen.add(code)) {
        problem(where + " : code en double");
      } else {
        directorates.add(new Directorate(code, name, mailbox));
      }
    }
    if (directorates.isEmpty() && index == 0) {
      problem("directorates : au moins une direction est attendue");
    }
    return directorates;
  }

  private List<AgentEntry> agents(Object node, Set<String> codes) {
    if (node == null) {
      // LDAP mode: the file only gives the directorates.
      return List.of();
    }
    Map<String, AgentEntry> agents = new LinkedHashMap<>();
    int index = 0;
    for (Map<?, ?> entry : entries(node, "agents")) {
      index++;
      String where = "agent n°" + index;
      String id = text(entry, "id", where, true);
      where = id == null ? where : "agent « " + id + " »";
      unknownKeys(entry, AGENT_KEYS, where);
      String firstName = text(entry, "first-name", where, true);
      String lastName = text(entry, "last-name", where, true);
      String email = text(entry, "email", where, false);
      String directorate = text(entry, "directorate", where, true);
      String manager = text(entry, "manager", where, false);
      String password = text(entry, "password", where, false);
      List<String> groups = groups(entry.get("groups"), where, codes);
      if (directorate != null && !codes.contains(directorate)) {
        problem(where + " : direction « " + directorate + " » inconnue");
      }
      if (id == null) {
        continue;
      }
      if (id.equals(manager)) {
        problem(where + " : un agent n'est pas sa propre hiérarchie");
      }
      if (agents.putIfAbsent(id, new AgentEntry(id, firstName, lastName, email, directorate, manager, groups,
          password)) != null) {
        problem(where + " : identifiant en double");
      }
    }
    // Managers once every agent is known, so that a manager may come later in the file.
    agents.values().stream()
        .filter(agent -> agent.manager() != null && !agents.containsKey(agent.manager()))
        .forEach(agent -> problem("agent « " + agent.id() + " » : hiérarchie « " + agent.manager()
            + " » absente du fichier"));
    return List.copyOf(agents.values());
  }

  private List<String> groups(Object node, String where, Set<String> codes) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      problem(where + " : groups doit être une liste, par exemple [equipe-construisons, dir-education]");
      return List.of();
    }
    List<String> groups = new ArrayList<>();
    for (Object item : list) {
      String group = String.valueOf(item).trim();
      if (GROUP_ADMIN.equals(group)) {
        problem(where + " : le groupe " + GROUP_ADMIN + " ne se donne pas par le fichier, mais dans Admin");
      } else if (GROUP_AGENTS.equals(group)) {
        // Every agent is in it anyway; saying it again is harmless.
        continue;
      } else if (!SCHEME_GROUPS.contains(group) && !(group.startsWith(DIRECTORATE_GROUP_PREFIX)
          && codes.contains(group.substring(DIRECTORATE_GROUP_PREFIX.length())))) {
        problem(where + " : groupe « " + group + " » inconnu (attendus : " + String.join(", ",
            SCHEME_GROUPS.stream().sorted().toList()) + ", dir-<code d'une direction>)");
      } else if (!groups.contains(group)) {
        groups.add(group);
      }
    }
    return groups;
  }

  private List<Map<?, ?>> entries(Object node, String key) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      problem(key + " doit être une liste");
      return List.of();
    }
    List<Map<?, ?>> entries = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map<?, ?> map) {
        entries.add(map);
      } else {
        problem(key + " : chaque élément doit être un ensemble de champs (« - code: … »), pas « " + item + " »");
      }
    }
    return entries;
  }

  private String text(Map<?, ?> entry, String key, String where, boolean required) {
    Object value = entry.get(key);
    String text = value == null ? null : String.valueOf(value).trim();
    if (text == null || text.isEmpty()) {
      if (required) {
        problem(where + " : " + key + " manquant");
      }
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      problem(where + " : " + key + " doit être un texte");
      return null;
    }
    return text;
  }

  private void unknownKeys(Map<?, ?> entry, Set<String> known, String where) {
    entry.keySet().stream()
        .map(String::valueOf)
        .filter(key -> !known.contains(key))
        .forEach(key -> problem(where + " : champ « " + key + " » inconnu (attendus : "
            + String.join(", ", known.stream().sorted().toList()) + ")"));
  }

  private void problem(String problem) {
    problems.add(problem);
  }
}
