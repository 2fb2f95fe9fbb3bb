package fr.construisons.incubation;

import fr.construisons.organisation.ExpertGroups;
import fr.construisons.process.ProcessVariable;

/**
 * The explorations of an incubation, each reviewed by an expert of its group: the one place that
 * says which workstreams exist. Everything else follows from these lines: the workstreams a round
 * runs, the candidates offered for each expert, the checks of the project-team form, the mails to
 * the team, the label and hints the workstream forms show (task variables {@code workstreamLabel}
 * and {@code workstreamHints}, set by the model from here).
 *
 * <p>A new workstream is one line here and its experts group, with the workstream's label, in
 * {@link ExpertGroups}; then a
 * select in {@code forms/form-project-team.form} (key {@code <expert>}, values key
 * {@code <expert>Options}) and a choice in {@code forms/decide-implementation.form} for the pivot.
 */
public enum Workstream {
  LEGAL(ExpertGroups.LEGAL, "legalExpert",
      "Pistes : cadre réglementaire, commande publique, protection des données personnelles, responsabilités."),
  FINANCIAL(ExpertGroups.FINANCE, "financeExpert",
      "Pistes : coûts de mise en place et de fonctionnement, financements possibles, économies attendues."),
  MARKET_STUDY(ExpertGroups.MARKET, "marketExpert",
      "Pistes : besoins des publics visés, solutions existantes ailleurs, partenaires possibles."),
  USER_JOURNEY(ExpertGroups.USER_JOURNEY, "userJourneyExpert",
      "Pistes : parcours actuel et futur des usagers, points de difficulté, retours des usagers.");

  private final String label;
  private final String hints;
  private final String expertGroup;
  private final ProcessVariable<String> expertVariable;
  private final String optionsVariable;

  Workstream(String expertGroup, String expertVariable, String hints) {
    // The label is the experts group's (one place, which the idea's mails can read too).
    this.label = ExpertGroups.WORKSTREAM_LABELS.get(expertGroup);
    this.hints = hints;
    this.expertGroup = expertGroup;
    this.expertVariable = ProcessVariable.string(expertVariable);
    // The project-team form's select for this expert reads its choices from <expert>Options.
    this.optionsVariable = expertVariable + "Options";
  }

  /** French name, as in « volet juridique ». */
  public String label() {
    return label;
  }

  /** What the intrapreneur may look into, shown at the top of « Mener le volet ». */
  public String hints() {
    return hints;
  }

  /** The Camunda group whose members may review this workstream. */
  public String expertGroup() {
    return expertGroup;
  }

  /** The expert chosen in the project-team form (a user id). */
  public ProcessVariable<String> expertVariable() {
    return expertVariable;
  }

  /** JSON list [{label, value}] of the candidates for {@link #expertVariable()}, for the form's select. */
  public String optionsVariable() {
    return optionsVariable;
  }
}
