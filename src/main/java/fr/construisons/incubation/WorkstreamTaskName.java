package fr.construisons.incubation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * « Mener le volet juridique », not four tasks called « Mener le volet »: a {@code create}
 * listener of the workstream tasks ({@code ${workstreamTaskName}}) appends the workstream's label
 * to the model's label. It runs before the idea's reference and title are appended (idea's
 * TaskNamesTellTheIdea, which comes after the model's own listeners).
 */
@Component("workstreamTaskName")
class WorkstreamTaskName implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Incubation.WORKSTREAM.from(task).map(code -> Workstream.valueOf(code).label())
        .ifPresent(label -> task.setName(taskName(task.getName(), label)));
  }

  /** The model's label with the workstream's: « Mener le volet » + « juridique ». */
  static String taskName(String modelLabel, String workstreamLabel) {
    return modelLabel + " " + workstreamLabel;
  }
}
