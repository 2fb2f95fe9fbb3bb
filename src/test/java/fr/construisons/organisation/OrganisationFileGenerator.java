package fr.construisons.organisation;

import static fr.construisons.organisation.OrganisationDirectory.GROUP_GENERAL_MANAGEMENT;
import static fr.construisons.organisation.OrganisationDirectory.GROUP_INNOVATION_TEAM;

import fr.construisons.organisation.OrganisationDirectory.Directorate;
import fr.construisons.organisation.OrganisationFile.AgentEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A test fixture (hence in src/test, beside the organisation's tests, in its package): writes a
 * realistic organisation file of N agents in M directorates, for benchmarks and load tests: plausible French names, a management tree (the DGS, deputy DGs, one director per
 * directorate, heads of department, agents), the innovation team, experts and one or two people
 * answering for each directorate. The same arguments always give the same file.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=fr.construisons.organisation.OrganisationFileGenerator \
 *     -Dexec.args="target/organisation-5000.yml 5000 20"
 * java -cp target/test-classes:target/classes fr.construisons.organisation.OrganisationFileGenerator out.yml 5000 20 --password=demo
 * </pre>
 *
 * Arguments: output file (default {@code target/organisation-generated.yml}), number of agents
 * (default 5000), number of directorates (default 20, at least 2), {@code --password=…} to give every
 * agent that password (load tests that log in; never for production), {@code --seed=…}.
 */
public final class OrganisationFileGenerator {

  public static final int DEFAULT_AGENTS = 5000;
  public static final int DEFAULT_DIRECTORATES = 20;
  public static final String INNOVATION_DIRECTORATE = "dpm";
  public static final String GENERAL_MANAGEMENT_DIRECTORATE = "dgs";
  private static final String MAIL_DOMAIN = "departement.example";
  private static final int DEPUTY_GENERAL_DIRECTORS = 4;
  private static final int AGENTS_PER_HEAD_OF_DEPARTMENT = 15;
  private static final int INNOVATION_TEAM_SIZE = 5;
  private static final int EXPERTS_PER_WORKSTREAM = 5;

  /** Directorates of a département, in the order they are taken; the first two always are. */
  private static final String[][] DIRECTORATES = {
      {GENERAL_MANAGEMENT_DIRECTORATE, "Direction générale des services"},
      {INNOVATION_DIRECTORATE, "Direction performance et modernisation"},
      {"education", "Direction de l'éducation"},
      {"mobilites", "Direction des mobilités"},
      {"dsi", "Direction des systèmes d'information"},
      {"rh", "Direction des ressources humaines"},
      {"finances", "Direction des finances"},
      {"juridique", "Direction des affaires juridiques"},
      {"achats", "Direction de la commande publique"},
      {"routes", "Direction des routes"},
      {"autonomie", "Direction de l'autonomie"},
      {"enfance", "Direction de l'enfance et de la famille"},
      {"insertion", "Direction de l'insertion et de l'emploi"},
      {"culture", "Direction de la culture et du patrimoine"},
      {"jeunesse-sport", "Direction de la jeunesse et du sport"},
      {"environnement", "Direction de l'environnement"},
      {"batiments", "Direction des bâtiments"},
      {"communication", "Direction de la communication"},
      {"territoires", "Direction de l'aménagement des territoires"},
      {"sante", "Direction de la santé publique"},
      {"archives", "Direction des archives départementales"},
      {"tourisme", "Direction du tourisme"},
      {"agriculture", "Direction de l'agriculture et de la forêt"},
      {"habitat", "Direction de l'habitat"},
      {"logistique", "Direction de la logistique"},
  };

  /** Where each workstream's experts work, when the organisation has that directorate. */
  private static final Map<String, String> EXPERT_DIRECTORATES = Map.of(
      ExpertGroups.LEGAL, "juridique",
      ExpertGroups.FINANCE, "finances",
      ExpertGroups.MARKET, "achats",
      ExpertGroups.USER_JOURNEY, "dsi");

  private static final String[] FIRST_NAMES = {
      "Camille", "Léa", "Paul", "Sophie", "Karim", "Jeanne", "Marc", "Inès", "Hugo", "Emma", "Louis", "Chloé",
      "Gabriel", "Manon", "Lucas", "Sarah", "Nathan", "Julie", "Thomas", "Laura", "Nicolas", "Pauline",
      "Julien", "Marie", "Antoine", "Claire", "Maxime", "Anaïs", "Alexandre", "Céline", "Mehdi", "Fatima",
      "Yasmine", "Olivier", "Nathalie", "Christophe", "Isabelle", "Stéphane", "Sandrine", "Philippe",
      "Valérie", "Frédéric", "Véronique", "Sébastien", "Aurélie", "Jérôme", "Élodie", "David", "Catherine",
      "François", "Hélène", "Pierre", "Martine", "Jean", "Sylvie", "Michel", "Agnès", "Bernard", "Brigitte",
      "Éric", "Delphine", "Laurent", "Caroline", "Vincent", "Émilie", "Arnaud", "Lucie", "Benoît", "Margaux",
      "Damien", "Océane", "Romain", "Justine", "Yann", "Nadia", "Samir", "Amina", "Théo", "Zoé", "Baptiste",
      "Clémence", "Guillaume", "Mathilde", "Rémi", "Noémie", "Loïc", "Gaëlle", "Adrien", "Salomé", "Kevin",
      "Audrey", "Malik", "Leïla", "Cédric", "Morgane", "Fabien", "Virginie", "Thierry", "Corinne", "Patrick"};

  private static final String[] LAST_NAMES = {
      "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
      "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
      "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure",
      "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
      "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
      "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer",
      "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard",
      "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin",
      "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
      "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq",
      "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez",
      "Dupuis", "Moulin", "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer",
      "Klein", "Jacquet", "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault",
      "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez",
      "Le Gall", "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux",
      "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier",
      "Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier",
      "Michaud", "Rodriguez", "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier",
      "Collin", "Chauvin", "Da Silva", "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud",
      "Antoine", "Hoarau", "Perret", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay",
      "Pasquier", "Carlier", "Laporte", "Ben Ali", "Benali", "Haddad", "Nguyen", "Diallo", "Traoré", "N'Diaye"};

  private final Random random;
  private final String password;
  private final Set<String> ids = new HashSet<>();
  private final Set<String> mails = new HashSet<>();

  private OrganisationFileGenerator(long seed, String password) {
    this.random = new Random(seed);
    this.password = password;
  }

  public static void main(String[] args) throws IOException {
    List<String> positional = new ArrayList<>();
    String password = null;
    long seed = 2026;
    for (String arg : args) {
      if (arg.startsWith("--password=")) {
        password = arg.substring("--password=".length());
      } else if (arg.startsWith("--seed=")) {
        seed = Long.parseLong(arg.substring("--seed=".length()));
      } else {
        positional.add(arg);
      }
    }
    Path output = Path.of(positional.size() > 0 ? positional.get(0) : "target/organisation-generated.yml");
    int agents = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : DEFAULT_AGENTS;
    int directorates = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : DEFAULT_DIRECTORATES;
    OrganisationFile organisation = generate(agents, directorates, seed, password);
    write(organisation, output);
    System.out.printf("%s : %d agents, %d directions%n", output, organisation.agents().size(),
        organisation.directorates().size());
  }

  /** An organisation of exactly {@code agents} agents in {@code directorates} directorates. */
  public static OrganisationFile generate(int agents, int directorates, long seed, String password) {
    if (directorates < 2) {
      throw new IllegalArgumentException("at least 2 directorates (general management and innovation)");
    }
    if (agents < directorates * 3) {
      throw new IllegalArgumentException("at least 3 agents per directorate");
    }
    return new OrganisationFileGenerator(seed, password).organisation(agents, directorates);
  }

  public static void write(OrganisationFile organisation, Path output) {
    try {
      if (output.toAbsolutePath().getParent() != null) {
        Files.createDirectories(output.toAbsolutePath().getParent());
      }
      try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        OrganisationFileWriter.write(organisation, "Organisation générée par OrganisationFileGenerator ("
            + organisation.agents().size() + " agents, " + organisation.directorates().size()
            + " directions) : données fictives pour les essais de charge.\nFormat : docs/organisation.md", writer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OrganisationFile organisation(int agentCount, int directorateCount) {
    List<Directorate> directorates = new ArrayList<>();
    for (int i = 0; i < directorateCount; i++) {
      String code = i < DIRECTORATES.length ? DIRECTORATES[i][0] : "territoire-" + (i - DIRECTORATES.length + 1);
      String name = i < DIRECTORATES.length ? DIRECTORATES[i][1]
          : "Direction territoriale n°" + (i - DIRECTORATES.length + 1);
      directorates.add(new Directorate(code, name, code + "@" + MAIL_DOMAIN));
    }

    // People per directorate: as even as possible; general management is the first.
    Map<String, List<Person>> staff = new LinkedHashMap<>();
    for (int i = 0; i < directorateCount; i++) {
      int size = agentCount / directorateCount + (i < agentCount % directorateCount ? 1 : 0);
      String code = directorates.get(i).code();
      List<Person> people = new ArrayList<>();
      for (int n = 0; n < size; n++) {
        people.add(person(code));
      }
      staff.put(code, people);
    }

    // General management: the DGS, deputies, then their assistants.
    List<Person> generalManagement = staff.get(GENERAL_MANAGEMENT_DIRECTORATE);
    Person dgs = generalManagement.get(0);
    dgs.groups.add(GROUP_GENERAL_MANAGEMENT);
    List<Person> deputies = new ArrayList<>();
    for (int i = 1; i < generalManagement.size() && deputies.size() < DEPUTY_GENERAL_DIRECTORS; i++) {
      Person deputy = generalManagement.get(i);
      deputy.manager = dgs.id;
      deputy.groups.add(GROUP_GENERAL_MANAGEMENT);
      deputies.add(deputy);
    }
    for (int i = 1 + deputies.size(); i < generalManagement.size(); i++) {
      generalManagement.get(i).manager = (i % 2 == 0 || deputies.isEmpty() ? dgs : deputies.get(i % deputies.size())).id;
    }
    if (generalManagement.size() > 1 + deputies.size()) {
      // Someone answers for the general management's own directorate group (an assistant).
      generalManagement.get(1 + deputies.size()).groups.add(OrganisationDirectory.directorateGroup(GENERAL_MANAGEMENT_DIRECTORATE));
    } else {
      dgs.groups.add(OrganisationDirectory.directorateGroup(GENERAL_MANAGEMENT_DIRECTORATE));
    }

    // Every other directorate: a director under a deputy, heads of department, agents.
    int directorIndex = 0;
    for (Map.Entry<String, List<Person>> entry : staff.entrySet()) {
      if (entry.getKey().equals(GENERAL_MANAGEMENT_DIRECTORATE)) {
        continue;
      }
      List<Person> people = entry.getValue();
      Person director = people.get(0);
      director.manager = (deputies.isEmpty() ? dgs : deputies.get(directorIndex++ % deputies.size())).id;
      director.groups.add(OrganisationDirectory.directorateGroup(entry.getKey()));
      int heads = Math.max(1, (people.size() - 1) / (AGENTS_PER_HEAD_OF_DEPARTMENT + 1));
      for (int i = 1; i <= heads; i++) {
        people.get(i).manager = director.id;
      }
      // One head of department is the directorate's correspondent for forwarded ideas.
      people.get(1).groups.add(OrganisationDirectory.directorateGroup(entry.getKey()));
      for (int i = heads + 1; i < people.size(); i++) {
        people.get(i).manager = people.get(1 + (i % heads)).id;
      }
    }

    // The innovation team works in the innovation directorate (below its director).
    List<Person> innovation = staff.get(INNOVATION_DIRECTORATE);
    for (int i = 1; i < innovation.size() && i <= INNOVATION_TEAM_SIZE; i++) {
      innovation.get(innovation.size() - i).groups.add(GROUP_INNOVATION_TEAM);
    }

    // Experts: from their natural directorate when there is one, otherwise from any directorate
    // but general management.
    List<Person> everyone = staff.values().stream().flatMap(List::stream).toList();
    List<Person> operational = everyone.stream()
        .filter(p -> !p.directorate.equals(GENERAL_MANAGEMENT_DIRECTORATE)).toList();
    // Every experts group gets experts, a new one too (from anywhere until it is given a directorate).
    ExpertGroups.NAMES.keySet().stream().sorted().forEach(group -> {
      String directorate = EXPERT_DIRECTORATES.get(group);
      List<Person> pool = staff.containsKey(directorate) ? staff.get(directorate) : operational;
      int given = 0;
      for (int attempt = 0; attempt < pool.size() * 4 && given < EXPERTS_PER_WORKSTREAM; attempt++) {
        Person candidate = pool.get(random.nextInt(pool.size()));
        if (candidate.groups.add(group)) {
          given++;
        }
      }
    });

    List<AgentEntry> agents = everyone.stream()
        .map(p -> new AgentEntry(p.id, p.firstName, p.lastName, p.email, p.directorate, p.manager,
            List.copyOf(p.groups), password))
        .toList();
    return new OrganisationFile("generated", INNOVATION_DIRECTORATE, directorates, agents);
  }

  private Person person(String directorate) {
    String firstName = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
    String lastName = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    String idBase = (ascii(firstName).substring(0, 1) + ascii(lastName)).replaceAll("[^a-z0-9]", "");
    String id = unique(idBase, ids, "");
    String mailBase = ascii(firstName).replaceAll("[^a-z0-9]+", "-") + "." + ascii(lastName).replaceAll("[^a-z0-9]+", "-");
    String mail = unique(mailBase, mails, "") + "@" + MAIL_DOMAIN;
    return new Person(id, firstName, lastName, mail, directorate);
  }

  private static String unique(String base, Set<String> taken, String separator) {
    String candidate = base;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = base + separator + n;
    }
    return candidate;
  }

  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  private static final class Person {
    final String id;
    final String firstName;
    final String lastName;
    final String email;
    final String directorate;
    String manager;
    final Set<String> groups = new LinkedHashSet<>();

    Person(String id, String firstName, String lastName, String email, String directorate) {
      this.id = id;
      this.firstName = firstName;
      this.lastName = lastName;
      this.email = email;
      this.directorate = directorate;
    }
  }
}
