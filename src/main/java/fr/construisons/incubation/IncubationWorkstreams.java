package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.IDEA_REFERENCE;
import static fr.construisons.incubation.Incubation.IMPLEMENTATION_DECISION;

import fr.construisons.incubation.IncubationDecisions.ImplementationDecision;
import fr.construisons.process.JsonStringList;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Which workstreams run, for the multi-instance collection
 * {@code ${incubationWorkstreams.toRun(execution)}}. A round is all four workstreams at first,
 * then those the committee names when it pivots. After an extension of the timebox the round
 * goes on: the workstreams already reviewed in it are not opened again.
 */
@Component("incubationWorkstreams")
public class IncubationWorkstreams {

  public static final JsonStringList PIVOT_WORKSTREAMS = new JsonStringList(Incubation.PIVOT_WORKSTREAMS);

  private final WorkstreamReviewRepository reviews;

  public IncubationWorkstreams(WorkstreamReviewRepository reviews) {
    this.reviews = reviews;
  }

  public List<String> toRun(DelegateExecution execution) {
    boolean pivot = IMPLEMENTATION_DECISION.from(execution).map(ImplementationDecision.PIVOT.name()::equals).orElse(false);
    List<String> round = pivot ? PIVOT_WORKSTREAMS.required(execution)
        : Arrays.stream(Workstream.values()).map(Enum::name).toList();
    Set<String> reviewedInRound = reviews.reviewedSince(IDEA_REFERENCE.required(execution), roundStart(execution)).stream()
        .map(Workstream::name)
        .collect(Collectors.toSet());
    return round.stream().filter(workstream -> !reviewedInRound.contains(workstream)).toList();
  }

  /** {@code ${incubationWorkstreams.label(workstream)}}: the French label of a workstream code. */
  public String label(String workstream) {
    return Workstream.valueOf(workstream).label();
  }

  /** {@code ${incubationWorkstreams.hints(workstream)}}: what to look into in that workstream. */
  public String hints(String workstream) {
    return Workstream.valueOf(workstream).hints();
  }

  /**
   * {@code ${incubationWorkstreams.previousSummary(execution)}}: the summary last reviewed for this
   * branch's workstream, the start of « Mener le volet » when a pivot re-opens it (none at first).
   */
  public String previousSummary(DelegateExecution execution) {
    return latestReview(execution).map(WorkstreamReview::deliverableSummary).orElse(null);
  }

  /**
   * {@code ${incubationWorkstreams.previousReview(execution)}}: what the expert concluded last time
   * on this branch's workstream, as « Mener le volet » shows it after a pivot (none at first).
   */
  public String previousReview(DelegateExecution execution) {
    return latestReview(execution)
        .map(review -> "Conclusion : " + review.conclusion().label() + "\n" + review.expertComment())
        .orElse(null);
  }

  private Optional<WorkstreamReview> latestReview(DelegateExecution execution) {
    Workstream workstream = Workstream.valueOf(Incubation.WORKSTREAM.required(execution));
    return reviews.latest(IDEA_REFERENCE.required(execution)).stream()
        .filter(review -> review.workstream() == workstream).findFirst();
  }

  /**
   * The committee's latest decision opens a round (a pivot); before any, the incubation's start.
   * Reviews count in a round when they come strictly after its start.
   */
  private static Instant roundStart(DelegateExecution execution) {
    HistoricTaskInstance lastDecision = execution.getProcessEngineServices().getHistoryService()
        .createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(Incubation.Elements.TASK_DECIDE_IMPLEMENTATION)
        .finished()
        .orderByHistoricTaskInstanceEndTime().desc()
        .listPage(0, 1).stream().findFirst().orElse(null);
    return lastDecision == null ? Instant.EPOCH : lastDecision.getEndTime().toInstant();
  }
}
