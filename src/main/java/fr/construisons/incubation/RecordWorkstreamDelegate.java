package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.*;

import fr.construisons.incubation.IncubationDecisions.WorkstreamConclusion;
import fr.construisons.process.Texts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la conclusion du volet": the review leaves the branch's local variables for the
 * idea's record, where the committee and later the idea box read it.
 */
@Component("recordWorkstreamDelegate")
class RecordWorkstreamDelegate implements JavaDelegate {

  private final WorkstreamReviewRepository reviews;
  private final IncubationTeam team;

  public RecordWorkstreamDelegate(WorkstreamReviewRepository reviews, IncubationTeam team) {
    this.reviews = reviews;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.insert(new WorkstreamReview(
        IDEA_REFERENCE.required(execution),
        Workstream.valueOf(WORKSTREAM.required(execution)),
        Texts.clean(DELIVERABLE_SUMMARY.required(execution)),
        WorkstreamConclusion.valueOf(WORKSTREAM_CONCLUSION.required(execution)),
        team.expertOf(execution),
        Texts.clean(EXPERT_COMMENT.required(execution)),
        ClockUtil.getCurrentTime().toInstant()));
  }
}
