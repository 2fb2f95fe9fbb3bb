package fr.construisons.ideabox;

import fr.construisons.idea.IdeaStage;
import java.time.Instant;
import java.util.List;

/**
 * What every agent may see of an idea: its content, directorate, dates and stage. The author's
 * name only when they agreed to it ({@code authorName} is null otherwise); nothing from the
 * private steps (notes of the clarification call, scores, managers' decisions).
 */
public record PublicIdea(
    String reference,
    String title,
    String problem,
    String solution,
    String benefits,
    String directorateCode,
    String directorateName,
    List<String> impactedDirectorateNames,
    IdeaStage stage,
    Instant submittedAt,
    Instant stageChangedAt,
    Instant closedAt,
    String closingReason,
    String authorName,
    long supports) {

  public String stageLabel() {
    return stage.label();
  }

  public boolean closed() {
    return stage.isClosed();
  }
}
