package fr.construisons.process;

import java.util.Objects;

/**
 * One problem of a refused form: the variable of the field it is about ({@code null} when it is
 * about no single field, e.g. a rule across fields) and the French message shown to the agent.
 * Pages put a message next to its field from {@link #field()}, never by reading the message.
 */
public record FormProblem(String field, String message) {

  public FormProblem {
    Objects.requireNonNull(message, "message");
  }

  /** A problem about the form as a whole. */
  public static FormProblem general(String message) {
    return new FormProblem(null, message);
  }
}
