package fr.construisons.incubation;

/** The outcomes users choose in the incubation forms; the names are the form values. */
public final class IncubationDecisions {

  public enum TimeShareUnit { PERCENT, DAYS_PER_WEEK }

  public enum AgreementDecision {
    AGREE("donne son accord"),
    REFUSE("refuse"),
    COUNTER_PROPOSAL("propose d'autres conditions");

    private final String label;

    AgreementDecision(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum MediationDecision { NEW_PROPOSAL, NOT_STARTED }

  public enum WorkstreamConclusion {
    FAVOURABLE("favorable"),
    WITH_RESERVATIONS("favorable avec réserves"),
    BLOCKING("bloquant");

    private final String label;

    WorkstreamConclusion(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum TimeboxDecision { EXTEND, DECIDE }

  public enum ImplementationDecision {
    IMPLEMENT("mettre en œuvre"),
    PIVOT("réorienter certains volets"),
    STOP("arrêter");

    private final String label;

    ImplementationDecision(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private IncubationDecisions() {}
}
