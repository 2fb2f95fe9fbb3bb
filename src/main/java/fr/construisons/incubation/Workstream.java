package fr.construisons.incubation;

import fr.construisons.process.ProcessVariable;

/** The four explorations of an incubation, each reviewed by an expert of its group. */
public enum Workstream {
  LEGAL("juridique", "experts-juridique", Incubation.LEGAL_EXPERT),
  FINANCIAL("financier", "experts-finances", Incubation.FINANCE_EXPERT),
  MARKET_STUDY("étude de marché", "experts-marche", Incubation.MARKET_EXPERT),
  USER_JOURNEY("parcours usagers", "experts-parcours-usagers", Incubation.USER_JOURNEY_EXPERT);

  private final String label;
  private final String expertGroup;
  private final ProcessVariable<String> expertVariable;

  Workstream(String label, String expertGroup, ProcessVariable<String> expertVariable) {
    this.label = label;
    this.expertGroup = expertGroup;
    this.expertVariable = expertVariable;
  }

  /** French name, as in « volet juridique ». */
  public String label() {
    return label;
  }

  public String expertGroup() {
    return expertGroup;
  }

  public ProcessVariable<String> expertVariable() {
    return expertVariable;
  }
}
