package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.FEASIBILITY;
import static fr.construisons.idea.IdeaLifecycle.RECOMMENDED_ORIENTATION;
import static fr.construisons.idea.IdeaLifecycle.STRATEGIC_IMPACT;

import fr.construisons.idea.Decisions.Orientation;
import fr.construisons.process.FormProblem;
import fr.construisons.process.InvalidFormDataException;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of « Recommander une orientation »: the decision table must have recommended one of the
 * process's orientations. A score outside 1..4 matches no rule and the engine then maps the empty
 * result to no value at all; without this check the idea would reach « Décider de l'orientation »
 * with nothing preselected and nothing said. The form of « Évaluer l'idée » already refuses such
 * scores, so this only meets scores that came another way (an administrator's modification, a
 * table changed in the Modeler): the whole command is refused in French and rolls back.
 */
@Component("requireRecommendationListener")
class RequireRecommendationListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object recommended = execution.getVariable(RECOMMENDED_ORIENTATION.name());
    boolean known = recommended instanceof String code
        && Arrays.stream(Orientation.values()).anyMatch(o -> o.name().equals(code));
    if (known) {
      return;
    }
    Object impact = execution.getVariable(STRATEGIC_IMPACT.name());
    Object feasibility = execution.getVariable(FEASIBILITY.name());
    String why = recommended == null
        ? "aucune orientation ne peut être recommandée : la table « Orientation recommandée d'une idée » "
            + "n'a pas de règle pour l'impact stratégique " + shown(impact) + " et la faisabilité "
            + shown(feasibility) + " ; chaque note est un nombre entier de 1 à 4, à saisir dans la tâche "
            + "« Évaluer l'idée »"
        : "la table « Orientation recommandée d'une idée » a recommandé « " + recommended + " », qui n'est "
            + "pas une orientation du processus (EXPERIMENT, STUDY ou FORWARD) : corrigez la table";
    // The problem sits next to the score at fault when there is one, as the form's own check does.
    String field = recommended != null ? null : !inRange(impact) ? STRATEGIC_IMPACT.name()
        : !inRange(feasibility) ? FEASIBILITY.name() : null;
    throw new InvalidFormDataException(new FormProblem(field, why));
  }

  private static boolean inRange(Object score) {
    return score instanceof Integer value && value >= 1 && value <= 4;
  }

  private static String shown(Object score) {
    // Only a number is repeated: whatever else was written there stays out of the message.
    return score == null ? "(non renseignée)" : score instanceof Number ? String.valueOf(score) : "(valeur non numérique)";
  }
}
