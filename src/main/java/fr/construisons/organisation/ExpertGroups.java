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

  static {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(LEGAL, "Experts juridiques");
    names.put(FINANCE, "Experts financiers");
    names.put(MARKET, "Experts étude de marché");
    names.put(USER_JOURNEY, "Experts parcours usagers");
    NAMES = Collections.unmodifiableMap(names);
  }

  private ExpertGroups() {}
}
