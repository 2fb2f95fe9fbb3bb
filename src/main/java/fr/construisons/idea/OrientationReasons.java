package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.ORIENTATION_JUSTIFICATION;
import static fr.construisons.idea.IdeaLifecycle.REVIEW_COMMENT;
import static fr.construisons.idea.IdeaLifecycle.STUDY_CONCLUSION;
import static fr.construisons.idea.IdeaLifecycle.STUDY_OUTCOME;

import fr.construisons.idea.Decisions.StudyOutcome;
import fr.construisons.process.Texts;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the ideator is told to explain an orientation, used in the model as
 * {@code ${orientationReasons.of(execution)}}: the committee's justification when it departed
 * from the recommendation, otherwise its comment.
 */
@Component("orientationReasons")
public class OrientationReasons {

  public String of(VariableScope scope) {
    return ORIENTATION_JUSTIFICATION.from(scope).filter(s -> !Texts.isBlank(s))
        .or(() -> REVIEW_COMMENT.from(scope).filter(s -> !Texts.isBlank(s)))
        .orElse(null);
  }

  /** A forwarding after a feasibility study is explained by the study, otherwise by the committee. */
  public String forwarding(VariableScope scope) {
    boolean afterStudy = STUDY_OUTCOME.from(scope).map(StudyOutcome.FEASIBLE.name()::equals).orElse(false);
    return afterStudy ? STUDY_CONCLUSION.from(scope).orElse(null) : of(scope);
  }
}
