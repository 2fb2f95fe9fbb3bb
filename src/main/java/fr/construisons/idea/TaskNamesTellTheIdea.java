package fr.construisons.idea;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process is named after its idea, so that a task list tells them apart:
 * « Appel de clarification — CONS-2026-0001 « Covoiturage entre sites » ». The models keep their
 * short labels; a {@code create} listener added to each user task at deployment names the task
 * from its label and the process variables {@code ideaReference} and {@code title}, when present.
 *
 * <p>The title is what an agent typed: it is only ever copied as text into the name (never
 * evaluated), on one line, and shortened to {@value #TITLE_MAX} characters.
 */
@Component
class TaskNamesTellTheIdea extends AbstractProcessEnginePlugin {

  // The idea's own variables (IdeaLifecycle), which incubation receives under the same names:
  // this naming is about ideas, so it lives with them rather than in the process plumbing.
  static final String REFERENCE_VARIABLE = IdeaLifecycle.IDEA_REFERENCE.name();
  static final String TITLE_VARIABLE = IdeaLifecycle.TITLE.name();
  static final int TITLE_MAX = 60;
  /** The task name column of the engine's tables. */
  private static final int NAME_MAX = 255;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AddNamingListener());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The name of a task: its label, then the idea's reference and title when known. */
  public static String taskName(String label, Object reference, Object title) {
    String ref = reference instanceof String text ? oneLine(text) : "";
    String shortTitle = title instanceof String text ? shorten(oneLine(text), TITLE_MAX) : "";
    if (label == null || (ref.isEmpty() && shortTitle.isEmpty())) {
      return label;
    }
    StringBuilder name = new StringBuilder(label).append(" —");
    if (!ref.isEmpty()) {
      name.append(' ').append(ref);
    }
    if (!shortTitle.isEmpty()) {
      name.append(" « ").append(shortTitle).append(" »");
    }
    return shorten(name.toString(), NAME_MAX);
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }

  private static String shorten(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
  }

  /** Names the task when it is created, after the model's own create listeners. */
  static final class NameAfterIdea implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
      String named = taskName(task.getName(), task.getVariable(REFERENCE_VARIABLE), task.getVariable(TITLE_VARIABLE));
      if (named != null && !named.equals(task.getName())) {
        task.setName(named);
      }
    }
  }

  private static final class AddNamingListener extends AbstractBpmnParseListener {

    private static final TaskListener NAME_AFTER_IDEA = new NameAfterIdea();

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, NAME_AFTER_IDEA);
      }
    }
  }

  @Override
  public String toString() {
    return "TaskNamesTellTheIdea";
  }
}
