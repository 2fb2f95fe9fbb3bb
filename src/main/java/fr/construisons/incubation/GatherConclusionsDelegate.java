package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.IDEA_REFERENCE;
import static fr.construisons.incubation.Incubation.WORKSTREAM_REPORT;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Rassembler les conclusions des volets": the latest review of each workstream, as the text the
 * committee reads in its form and in the decision mail.
 */
@Component("gatherConclusionsDelegate")
class GatherConclusionsDelegate implements JavaDelegate {

  private final WorkstreamReviewRepository reviews;

  public GatherConclusionsDelegate(WorkstreamReviewRepository reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WORKSTREAM_REPORT.set(execution, report(reviews.latest(IDEA_REFERENCE.required(execution))));
  }

  static String report(List<WorkstreamReview> latest) {
    if (latest.isEmpty()) {
      return "Aucun volet n'a encore été revu par un expert.";
    }
    return latest.stream()
        .map(r -> "- Volet " + r.workstream().label() + " : " + r.conclusion().label() + " — " + r.expertComment())
        .collect(Collectors.joining("\n"));
  }
}
