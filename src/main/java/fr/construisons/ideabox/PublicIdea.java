package fr.construisons.ideabox;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaStage;
import fr.construisons.process.Texts;
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
    long supports,
    /** The optional details the author gave, labelled, in declared order. */
    List<Idea.LabelledDetail> details) {

  /**
   * Texts are cleaned when stored (see Texts), but rows written before that, or by a path that
   * forgot, may still hold a right-to-left override: every page, the feed and the similar ideas
   * show an idea through this record, so none of them can show one.
   */
  public PublicIdea {
    title = Texts.withoutBidiControls(title);
    problem = Texts.withoutBidiControls(problem);
    solution = Texts.withoutBidiControls(solution);
    benefits = Texts.withoutBidiControls(benefits);
    closingReason = Texts.withoutBidiControls(closingReason);
    details = details == null ? List.of() : details.stream()
        .map(d -> new Idea.LabelledDetail(d.name(), d.label(), Texts.withoutBidiControls(d.value())))
        .toList();
  }

  /** The same idea with its author's name, once it is known (IdeaBoxQueries reads the names after the rows). */
  PublicIdea withAuthorName(String name) {
    return new PublicIdea(reference, title, problem, solution, benefits, directorateCode, directorateName,
        impactedDirectorateNames, stage, submittedAt, stageChangedAt, closedAt, closingReason, name, supports, details);
  }

  public String stageLabel() {
    return stage.label();
  }

  public boolean closed() {
    return stage.isClosed();
  }
}
