package fr.construisons.idea;

import static fr.construisons.idea.IdeaLifecycle.*;

import fr.construisons.idea.Decisions.ClarificationOutcome;
import fr.construisons.idea.Decisions.ExperimentDecision;
import fr.construisons.idea.Decisions.Orientation;
import fr.construisons.idea.Decisions.StudyOutcome;
import fr.construisons.idea.Decisions.TakeUpDecision;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.process.FormCheck;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The server-side twin of the forms in {@code forms/}: the same required fields and lengths, so a
 * REST client cannot store what Tasklist would refuse. Each method refuses the whole submission
 * with every problem listed in French.
 */
@Component
public class IdeaFormRules {

  public static final int TITLE_MIN = 5;
  public static final int TITLE_MAX = 120;
  public static final int LONG_TEXT_MIN = 20;
  public static final int LONG_TEXT_MAX = 4000;
  public static final int BENEFITS_MIN = 10;
  public static final int BENEFITS_MAX = 2000;
  public static final int NOTE_MIN = 10;
  public static final int NOTE_MAX = 4000;
  public static final int REASON_MAX = 2000;

  private final OrganisationDirectory organisation;
  private final ImpactedDirectorates impactedDirectorates;

  public IdeaFormRules(OrganisationDirectory organisation, ImpactedDirectorates impactedDirectorates) {
    this.organisation = organisation;
    this.impactedDirectorates = impactedDirectorates;
  }

  /** "Déposer une idée" (start form), also the content rules of "Reformuler l'idée". */
  public void checkSubmission(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    checkContent(check, scope);
    check.checkbox(SHOW_IDEATOR_NAME, "J'accepte que mon nom soit affiché avec l'idée");
    check.rule(IDEATOR.from(scope).isPresent(),
        "l'agent qui dépose l'idée doit être connecté à Tasklist");
    IDEATOR_DIRECTORATE.from(scope).ifPresentOrElse(
        code -> check.rule(IDEATOR_DIRECTORATE.name(), organisation.directorate(code).isPresent(),
            "la direction « " + code + " » n'existe pas"),
        () -> check.problem(IDEATOR_DIRECTORATE.name(), "le champ « Votre direction » est obligatoire"));
    check.orRefuse();
  }

  public void checkReformulation(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    checkContent(check, scope);
    check.orRefuse();
  }

  private void checkContent(FormCheck check, VariableScope scope) {
    check.requiredText(TITLE, "Titre de l'idée", TITLE_MIN, TITLE_MAX)
        .requiredText(PROBLEM, "Problème constaté sur le terrain", LONG_TEXT_MIN, LONG_TEXT_MAX)
        .requiredText(SOLUTION, "Solution proposée", LONG_TEXT_MIN, LONG_TEXT_MAX)
        .requiredText(BENEFITS, "Bénéfices attendus", BENEFITS_MIN, BENEFITS_MAX)
        .checkbox(WANTS_TO_CARRY, "Je souhaite porter cette idée");
    for (IdeaDetail detail : DETAILS) {
      check.text(detail.variable(), detail.label(), false, 0, detail.maxLength());
    }
    impactedDirectorates.read(scope).ifPresentOrElse(codes -> {
      check.rule(IMPACTED_DIRECTORATES, !codes.isEmpty(), "choisissez au moins une direction concernée par l'idée");
      codes.stream()
          .filter(code -> organisation.directorate(code).isEmpty())
          .forEach(code -> check.problem(IMPACTED_DIRECTORATES, "la direction concernée « " + code + " » n'existe pas"));
      if (check.isValid()) {
        // Store the canonical form (a JSON array without repeats) whatever the client sent.
        impactedDirectorates.write(scope, codes);
      }
    }, () -> check.problem(IMPACTED_DIRECTORATES, "le champ « Directions concernées » doit être une liste de directions"));
  }

  /** "Appel de clarification". */
  public void checkClarification(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(CLARIFICATION_OUTCOME, "Issue de l'appel", ClarificationOutcome.class);
    check.requiredText(CLARIFICATION_NOTES, "Notes de l'appel", NOTE_MIN, NOTE_MAX);
    check.orRefuse();
  }

  /** "Évaluer l'idée". */
  public void checkScores(VariableScope scope) {
    FormCheck.of(scope)
        .wholeNumber(STRATEGIC_IMPACT, "Impact stratégique", 1, 4)
        .wholeNumber(FEASIBILITY, "Faisabilité", 1, 4)
        .text(REVIEW_COMMENT, "Commentaire de la direction générale", false, 0, NOTE_MAX)
        .orRefuse();
  }

  /** "Décider de l'orientation": departing from the recommendation needs a justification. */
  public void checkOrientation(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(ORIENTATION, "Orientation retenue", Orientation.class).ifPresent(chosen -> {
      boolean followsRecommendation = Objects.equals(chosen.name(), RECOMMENDED_ORIENTATION.from(scope).orElse(null));
      if (!followsRecommendation) {
        check.requiredText(ORIENTATION_JUSTIFICATION, "Justification de l'écart avec la recommandation",
            NOTE_MIN, NOTE_MAX);
      }
    });
    check.orRefuse();
  }

  /** "Conduire l'expérimentation". */
  public void checkExperimentReport(VariableScope scope) {
    FormCheck.of(scope)
        .requiredText(EXPERIMENT_REPORT, "Compte rendu de l'expérimentation", LONG_TEXT_MIN, LONG_TEXT_MAX)
        .orRefuse();
  }

  /** "Bilan de l'expérimentation". */
  public void checkExperimentAssessment(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(EXPERIMENT_DECISION, "Décision", ExperimentDecision.class);
    check.requiredText(EXPERIMENT_CONCLUSION, "Conclusion et motif", NOTE_MIN, NOTE_MAX);
    check.orRefuse();
  }

  /** "Étude de faisabilité". */
  public void checkFeasibilityStudy(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(STUDY_OUTCOME, "Conclusion de l'étude", StudyOutcome.class);
    check.requiredText(STUDY_CONCLUSION, "Conclusions de l'étude", NOTE_MIN, NOTE_MAX);
    check.checkbox(WANTS_TO_CARRY, "L'agent-idéateur se porte volontaire");
    check.orRefuse();
  }

  /** "Prendre en charge l'idée", one per impacted directorate. */
  public void checkTakeUp(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(TAKE_UP_DECISION, "Réponse de la direction", TakeUpDecision.class);
    check.requiredText(TAKE_UP_REASON, "Précisions ou motif", NOTE_MIN, REASON_MAX);
    check.orRefuse();
  }
}
