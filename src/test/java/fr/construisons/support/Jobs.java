package fr.construisons.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs the jobs the job executor would run: async continuations now, timers when asked. */
public final class Jobs {

  private Jobs() {}

  /** Runs every due non-timer job (and those they create) until none is left. */
  public static int runAsyncContinuations(ManagementService management) {
    int executed = 0;
    for (int round = 0; round < 200; round++) {
      List<Job> jobs = management.createJobQuery().executable().messages().list();
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("Jobs keep coming: a loop in the model?");
  }
}
