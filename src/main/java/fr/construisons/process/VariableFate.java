package fr.construisons.process;

/**
 * What becomes of a process variable when the people are taken out of a finished instance (RGPD:
 * end of an idea's retention period, or an agent's erasure). Each process API declares one fate
 * per variable it creates ({@link VariableDeclarations}), so a new variable is a decision made
 * where the variable is named, not in the anonymiser.
 */
public enum VariableFate {
  /** Public content, a decision or a score, with nobody in it: stays, the timeline and dashboard read it. */
  KEPT,
  /** A person's words, choice or circumstances, or a working value of no use once finished: deleted. */
  ERASED,
  /** A person's id: deleted (it names them). */
  PERSON_ID,
  /**
   * A list of people offered in a form (labels and ids): deleted, and deleted from every finished
   * instance as soon as any agent's data is erased, since it names every candidate.
   */
  CANDIDATES
}
