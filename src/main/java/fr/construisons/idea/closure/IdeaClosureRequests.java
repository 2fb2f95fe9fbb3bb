package fr.construisons.idea.closure;

import static fr.construisons.idea.IdeaLifecycle.DUPLICATE_OF;
import static fr.construisons.idea.IdeaLifecycle.IDEA_REFERENCE;
import static fr.construisons.idea.IdeaLifecycle.MESSAGE_IDEA_DUPLICATE;
import static fr.construisons.idea.IdeaLifecycle.MESSAGE_IDEA_WITHDRAWN;
import static fr.construisons.idea.IdeaLifecycle.WITHDRAWAL_REASON;
import static fr.construisons.idea.closure.IdeaClosure.REQUESTER;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaFormRules;
import fr.construisons.idea.IdeaService;
import fr.construisons.idea.IdeaStage;
import fr.construisons.process.FormCheck;
import fr.construisons.process.FormProblem;
import fr.construisons.process.InvalidFormDataException;
import fr.construisons.process.Texts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * Withdrawal and duplicate closure of an idea before incubation: checks that the request is
 * legitimate (French refusals the requester can act on), then interrupts the idea's instruction.
 */
@Service
class IdeaClosureRequests {

  static final Pattern REFERENCE = Pattern.compile("CONS-\\d{4}-\\d{4,}");
  private static final String EXAMPLE = "CONS-2026-0001";

  private final IdeaService ideas;

  public IdeaClosureRequests(IdeaService ideas) {
    this.ideas = ideas;
  }

  /** Start of "Retirer une idée": only the ideator, only an idea still being instructed. */
  public void checkWithdrawal(VariableScope scope) {
    FormCheck check = FormCheck.of(scope)
        .matches(IDEA_REFERENCE, "Référence de l'idée", REFERENCE, EXAMPLE)
        .requiredText(WITHDRAWAL_REASON, "Pourquoi retirez-vous votre idée ?", IdeaFormRules.NOTE_MIN,
            IdeaFormRules.REASON_MAX);
    check.orRefuse();
    Idea idea = openIdea(Texts.clean(IDEA_REFERENCE.required(scope)));
    if (!idea.ideator().equals(REQUESTER.from(scope).orElse(null))) {
      refuse(IDEA_REFERENCE.name(), "seul l'agent qui a déposé l'idée " + idea.reference() + " peut la retirer");
    }
  }

  /** Start of "Clore une idée comme doublon": both ideas must exist and differ. */
  public void checkDuplicate(VariableScope scope) {
    FormCheck.of(scope)
        .matches(IDEA_REFERENCE, "Référence de l'idée à clore", REFERENCE, EXAMPLE)
        .matches(DUPLICATE_OF, "Référence de l'idée existante", REFERENCE, EXAMPLE)
        .orRefuse();
    String reference = Texts.clean(IDEA_REFERENCE.required(scope));
    String original = Texts.clean(DUPLICATE_OF.required(scope));
    if (reference.equals(original)) {
      refuse(DUPLICATE_OF.name(), "une idée ne peut pas être le doublon d'elle-même");
    }
    openIdea(reference);
    if (ideas.find(original).isEmpty()) {
      refuse(DUPLICATE_OF.name(), "l'idée existante " + original + " n'existe pas");
    }
  }

  public void withdraw(VariableScope scope, RuntimeService runtime) {
    correlate(runtime, MESSAGE_IDEA_WITHDRAWN, Texts.clean(IDEA_REFERENCE.required(scope)),
        Map.of(WITHDRAWAL_REASON.name(), Texts.clean(WITHDRAWAL_REASON.required(scope))));
  }

  public void closeAsDuplicate(VariableScope scope, RuntimeService runtime) {
    correlate(runtime, MESSAGE_IDEA_DUPLICATE, Texts.clean(IDEA_REFERENCE.required(scope)),
        Map.of(DUPLICATE_OF.name(), Texts.clean(DUPLICATE_OF.required(scope))));
  }

  private Idea openIdea(String reference) {
    Optional<Idea> found = ideas.find(reference);
    if (found.isEmpty()) {
      refuse(IDEA_REFERENCE.name(), "aucune idée ne porte la référence " + reference);
    }
    Idea idea = found.get();
    if (idea.stage().isClosed()) {
      refuse(IDEA_REFERENCE.name(), "l'idée " + reference + " est déjà close (" + idea.stage().label() + ")");
    }
    if (idea.stage() == IdeaStage.INCUBATION) {
      refuse(IDEA_REFERENCE.name(), "l'idée " + reference + " est en incubation : adressez-vous à l'équipe Construisons!");
    }
    return idea;
  }

  private static void correlate(RuntimeService runtime, String message, String reference,
      Map<String, Object> variables) {
    try {
      runtime.createMessageCorrelation(message)
          .processInstanceBusinessKey(reference)
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaitingForIt) {
      // Right after submission, or between two steps: the instruction has not started yet.
      refuse("l'idée " + reference + " ne peut pas être close à cet instant, réessayez dans quelques minutes");
    }
  }

  private static void refuse(String problem) {
    throw new InvalidFormDataException(List.of(problem));
  }

  /** A refusal about one field: Tasklist writes it under that field. */
  private static void refuse(String field, String problem) {
    throw new InvalidFormDataException(new FormProblem(field, problem));
  }
}
