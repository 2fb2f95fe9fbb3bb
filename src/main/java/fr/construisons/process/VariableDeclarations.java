package fr.construisons.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fate of each variable of one process API ({@link VariableFate}): kept, erased, a person's id
 * or a list of candidates. Declared as a {@code VARIABLES} constant at the end of the API class
 * (after the variables, which Java initialises in order). A variable shared by several processes
 * (passed to a called process, or the same name chosen twice) is declared once, by the process
 * that creates it: the anonymiser works by name, so a name has one fate.
 * {@code ProcessVariableFateTest} fails when a variable of a model or a form is declared nowhere, or
 * twice.
 */
public final class VariableDeclarations {

  private final String process;
  private final Map<String, VariableFate> fates;

  private VariableDeclarations(String process, Map<String, VariableFate> fates) {
    this.process = process;
    this.fates = Collections.unmodifiableMap(fates);
  }

  /** Starts the declarations of a process (or of a family of processes), named for messages. */
  public static Builder of(String process) {
    return new Builder(process);
  }

  public String process() {
    return process;
  }

  /** Every declared variable name with its fate, in declaration order. */
  public Map<String, VariableFate> fates() {
    return fates;
  }

  /** The names declared with this fate. */
  public Set<String> names(VariableFate fate) {
    return fates.entrySet().stream().filter(e -> e.getValue() == fate).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return process + " " + fates;
  }

  public static final class Builder {
    private final String process;
    private final Map<String, VariableFate> fates = new LinkedHashMap<>();

    private Builder(String process) {
      this.process = process;
    }

    /** Each variable is a {@link ProcessVariable}, a {@link JsonStringList} or a name. */
    public Builder kept(Object... variables) {
      return declare(VariableFate.KEPT, variables);
    }

    public Builder erased(Object... variables) {
      return declare(VariableFate.ERASED, variables);
    }

    public Builder personIds(Object... variables) {
      return declare(VariableFate.PERSON_ID, variables);
    }

    public Builder candidates(Object... variables) {
      return declare(VariableFate.CANDIDATES, variables);
    }

    public VariableDeclarations build() {
      return new VariableDeclarations(process, new LinkedHashMap<>(fates));
    }

    private Builder declare(VariableFate fate, Object... variables) {
      for (Object variable : variables) {
        String name = nameOf(variable);
        VariableFate before = fates.putIfAbsent(name, fate);
        if (before != null) {
          // Declared twice in one API: which fate was meant cannot be guessed.
          throw new IllegalStateException(process + " declares '" + name + "' twice (" + before + ", " + fate + ")");
        }
      }
      return this;
    }

    private static String nameOf(Object variable) {
      if (variable instanceof ProcessVariable<?> typed) {
        return typed.name();
      }
      if (variable instanceof JsonStringList list) {
        return list.name();
      }
      if (variable instanceof String name && !name.isBlank()) {
        return name;
      }
      // A null here is a variable declared before it is initialised (a field below VARIABLES).
      throw new IllegalArgumentException("Not a process variable: " + variable);
    }
  }
}
