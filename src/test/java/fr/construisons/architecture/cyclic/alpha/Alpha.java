package fr.construisons.architecture.cyclic.alpha;

import fr.construisons.architecture.cyclic.beta.Beta;

/** Half of a deliberate cycle between two modules, for {@code ModuleBoundariesTest}. */
public class Alpha {
  public Beta partner() {
    return new Beta();
  }
}
