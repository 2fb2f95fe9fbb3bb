package fr.construisons.idea;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An idea of the catalogue (table {@code idea}). */
public record Idea(
    String reference,
    String title,
    String problem,
    String solution,
    String benefits,
    String ideator,
    String ideatorDirectorate,
    List<String> impactedDirectorates,
    boolean wantsToCarry,
    IdeaStage stage,
    String processInstanceId,
    Instant submittedAt,
    Instant closedAt,
    String closingReason,
    /** The ideator agreed to have their name shown with the idea (idea box, feed). */
    boolean ideatorNameShown,
    /** The optional details given ({@link IdeaLifecycle#DETAILS}), by name, in declared order. */
    Map<String, String> details) {

  public Idea {
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }

  /** An idea without details. */
  public Idea(String reference, String title, String problem, String solution, String benefits, String ideator,
      String ideatorDirectorate, List<String> impactedDirectorates, boolean wantsToCarry, IdeaStage stage,
      String processInstanceId, Instant submittedAt, Instant closedAt, String closingReason,
      boolean ideatorNameShown) {
    this(reference, title, problem, solution, benefits, ideator, ideatorDirectorate, impactedDirectorates,
        wantsToCarry, stage, processInstanceId, submittedAt, closedAt, closingReason, ideatorNameShown, Map.of());
  }

  /** The declared details this idea has, with their labels, in declared order: what pages show. */
  public List<LabelledDetail> labelledDetails() {
    return labelled(details);
  }

  /** Details by name, labelled, in declared order. */
  public static List<LabelledDetail> labelled(Map<String, String> details) {
    return IdeaLifecycle.DETAILS.stream()
        .filter(detail -> details.containsKey(detail.name()))
        .map(detail -> new LabelledDetail(detail.name(), detail.label(), details.get(detail.name())))
        .toList();
  }

  /** One detail of an idea as a page or a mail shows it. */
  public record LabelledDetail(String name, String label, String value) {}
}
