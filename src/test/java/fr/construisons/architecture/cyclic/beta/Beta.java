package fr.construisons.architecture.cyclic.beta;

import fr.construisons.architecture.cyclic.alpha.Alpha;

/** The other half of the deliberate cycle. */
public class Beta {
  public Alpha partner() {
    return new Alpha();
  }
}
