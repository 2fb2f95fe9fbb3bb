package fr.construisons.privacy.retention;

import fr.construisons.process.JsonStringList;
import fr.construisons.process.ProcessVariable;
import fr.construisons.process.VariableDeclarations;

/** The personal-data-retention process: its key, elements and variables. */
public final class Retention {

  public static final String PROCESS_KEY = "personal-data-retention";

  public static final class Elements {
    public static final String START_EVERY_NIGHT = "StartEvent_EveryNight";
    public static final String TASK_FIND_EXPIRED_IDEAS = "Task_FindExpiredIdeas";
    public static final String TASK_ANONYMISE_IDEA = "Task_AnonymiseIdea";
    public static final String TASK_PURGE_PERSONAL_DATA_LOG = "Task_PurgePersonalDataLog";
    public static final String END_RETENTION_APPLIED = "EndEvent_RetentionApplied";

    private Elements() {}
  }

  /** References of the closed ideas whose retention period is over (JSON array, never Java-serialised). */
  public static final JsonStringList EXPIRED_IDEAS = new JsonStringList("expiredIdeas");
  /** One of them: the element variable of the multi-instance anonymisation. */
  public static final ProcessVariable<String> IDEA_REFERENCE = ProcessVariable.string("ideaReference");
  /** How many log entries past their own period were deleted. */
  public static final ProcessVariable<Integer> LOG_ENTRIES_PURGED = ProcessVariable.integer("logEntriesPurged");

  /** The job's working values; its ideaReference is the idea's, declared in IdeaLifecycle. */
  public static final VariableDeclarations VARIABLES = VariableDeclarations.of(PROCESS_KEY)
      .erased(EXPIRED_IDEAS, LOG_ENTRIES_PURGED)
      .build();

  private Retention() {}
}
