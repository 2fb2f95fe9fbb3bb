package fr.construisons.idea;

import java.time.Instant;
import java.util.List;

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
    boolean ideatorNameShown) {}
