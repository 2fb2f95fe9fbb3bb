package fr.construisons.incubation;

import fr.construisons.incubation.IncubationDecisions.WorkstreamConclusion;
import java.time.Instant;

/** An expert's review of one workstream of an incubation (table {@code incubation_workstream}). */
public record WorkstreamReview(String ideaReference, Workstream workstream, String deliverableSummary,
    WorkstreamConclusion conclusion, String expert, String expertComment, Instant reviewedAt) {}
