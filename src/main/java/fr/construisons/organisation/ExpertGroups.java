package fr.construisons.organisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The experts groups of the scheme, one per incubation workstream, with the names Admin shows.
 * The only list of them: the organisation file accepts these memberships, the synchronisation
 * creates these groups, and {@code incubation.Workstream} names which group reviews which
 * workstream. (The organisation does not read the workstreams themselves: the incubation depends
 * on the organisation, not the other way round.)
 */
public final class ExpertGroups {

  public static final String LEGAL = "experts-juridique";
  public static final String FINANCE = "experts-finances";
  public static final String MARKET = "experts-marche";
  public static final String USER_JOURNEY = "experts-parcours-usagers";

  /** Group id → French name, in the order the groups are created and listed. */
  public static final Map<String, String> NAMES;
  /**
   * Group id → the French name of the workstream its members review (« volet juridique »), the one
   * place of these labels: {@code incubation.Workstream} takes its label from here, and the mails
   * that list the workstreams (even the idea's, which cannot see the incubation) read them here.
   */
  public static final Map<String, String> WORKSTREAM_LABELS;

  static {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> workstreams = new LinkedHashMap<>();
    group(names, workstreams, LEGAL, "Experts juridiques", "juridique");
    group(names, workstreams, FINANCE, "Experts financiers", "financier");
    group(names, workstreams, MARKET, "Experts étude de marché", "étude de marché");
    group(names, workstreams, USER_JOURNEY, "Experts parcours usagers", "parcours usagers");
    NAMES = Collections.unmodifiableMap(names);
    WORKSTREAM_LABELS = Collections.unmodifiableMap(workstreams);
  }

  private static void group(Map<String, String> names, Map<String, String> workstreams, String id, String name,
      String workstream) {
    names.put(id, name);
    workstreams.put(id, workstream);
  }

  /** The workstreams' labels in order, as the mails list them: « juridique, financier, … ». */
  public static String workstreamList() {
    return String.join(", ", WORKSTREAM_LABELS.values());
  }

  private ExpertGroups() {}
}
