package fr.construisons.idea;

/** The outcomes users choose in the idea-lifecycle forms; the names are the form values. */
public final class Decisions {

  public enum ClarificationOutcome { FITS, REFORMULATE, OUT_OF_SCOPE }

  public enum Orientation {
    EXPERIMENT("Expérimenter immédiatement"),
    STUDY("Étude de faisabilité préalable"),
    FORWARD("Sortir du dispositif et transmettre aux directions concernées");

    private final String label;

    Orientation(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum ExperimentDecision { GENERALISE, STOP }

  public enum StudyOutcome { FEASIBLE, NOT_FEASIBLE }

  public enum TakeUpDecision {
    TAKES_UP("s'en saisit"),
    ALREADY_DONE("indique que c'est déjà fait ou en cours"),
    DECLINES("n'y donne pas suite");

    private final String label;

    TakeUpDecision(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Result of the incubation process, mapped out of the call activity. */
  public enum IncubationDecision { IMPLEMENT, ABANDON, NOT_STARTED }

  private Decisions() {}
}
