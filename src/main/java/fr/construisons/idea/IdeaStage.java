package fr.construisons.idea;

/** Where an idea stands, as the catalogue (and later the shared idea box) shows it. */
public enum IdeaStage {
  SUBMITTED("Déposée", false),
  CLARIFICATION("En clarification", false),
  REVIEW("En revue en direction générale", false),
  EXPERIMENT("En expérimentation", false),
  FEASIBILITY_STUDY("En étude de faisabilité", false),
  FORWARDED("Transmise aux directions", false),
  INCUBATION("En incubation", false),
  IMPLEMENTED("Mise en œuvre", true),
  EXPERIMENT_STOPPED("Expérimentation arrêtée", true),
  NOT_FEASIBLE("Non faisable", true),
  OUT_OF_SCOPE("Hors du dispositif", true),
  TAKEN_UP_BY_DIRECTORATES("Transmise aux directions, réponses reçues", true),
  WITHDRAWN("Retirée par l'agent", true),
  DUPLICATE("Doublon d'une autre idée", true),
  INCUBATION_ABANDONED("Incubation arrêtée", true),
  INCUBATION_NOT_STARTED("Incubation non démarrée", true);

  private final String label;
  private final boolean closed;

  IdeaStage(String label, boolean closed) {
    this.label = label;
    this.closed = closed;
  }

  public String label() {
    return label;
  }

  public boolean isClosed() {
    return closed;
  }
}
