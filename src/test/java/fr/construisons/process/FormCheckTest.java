package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.SimpleVariableInstance.SimpleVariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceLifecycleListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server-side form rules, each on its own, against a plain variable scope (no engine). */
class FormCheckTest {

  /**
   * A variable scope without engine: Camunda 7.24 ships no public in-memory scope, so this is the
   * engine's own scope machinery over an in-memory store.
   */
  static final class MapVariableScope extends AbstractVariableScope {

    private final VariableStore<CoreVariableInstance> store = new VariableStore<>();

    MapVariableScope(Map<String, ?> variables) {
      setVariables(variables);
    }

    @Override
    protected VariableStore<CoreVariableInstance> getVariableStore() {
      return store;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected VariableInstanceFactory<CoreVariableInstance> getVariableInstanceFactory() {
      return (VariableInstanceFactory) SimpleVariableInstanceFactory.INSTANCE;
    }

    @Override
    protected List<VariableInstanceLifecycleListener<CoreVariableInstance>> getVariableInstanceLifecycleListeners() {
      return List.of();
    }

    @Override
    public AbstractVariableScope getParentVariableScope() {
      return null;
    }
  }

  enum Colour { RED, GREEN, BLUE }

  static final ProcessVariable<String> TITLE = ProcessVariable.string("title");
  static final ProcessVariable<String> COMMENT = ProcessVariable.string("comment");
  static final ProcessVariable<String> COLOUR = ProcessVariable.string("colour");
  static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
  static final ProcessVariable<Integer> SCORE = ProcessVariable.integer("score");
  static final ProcessVariable<Boolean> VOLUNTEER = ProcessVariable.bool("volunteer");

  static MapVariableScope scope(Object... namesAndValues) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new MapVariableScope(variables);
  }

  static List<String> problems(FormCheck check) {
    InvalidFormDataException refused = catchThrowableOfType(InvalidFormDataException.class, check::orRefuse);
    return refused == null ? List.of() : refused.problems();
  }

  @Test
  void theTestScopeBehavesLikeAProcessScope() {
    MapVariableScope scope = scope("title", "Un titre");
    scope.setVariable("other", Variables.longValue(3L));

    assertThat(scope.getVariable("title")).isEqualTo("Un titre");
    assertThat(scope.getVariable("other")).isEqualTo(3L);
    assertThat(scope.getVariable("missing")).isNull();
  }

  @Nested
  class RequiredText {

    @Test
    void aMissingOrBlankTextIsRequired() {
      assertThat(problems(FormCheck.of(scope()).requiredText(TITLE, "Titre", 5, 20)))
          .containsExactly("le champ « Titre » est obligatoire");
      assertThat(problems(FormCheck.of(scope("title", "   \n\t ")).requiredText(TITLE, "Titre", 5, 20)))
          .containsExactly("le champ « Titre » est obligatoire");
    }

    @Test
    void theLengthIsMeasuredOnTheTrimmedText() {
      assertThat(problems(FormCheck.of(scope("title", "   abcd   ")).requiredText(TITLE, "Titre", 5, 20)))
          .containsExactly("le champ « Titre » doit contenir au moins 5 caractères");
      assertThat(FormCheck.of(scope("title", "   abcde   ")).requiredText(TITLE, "Titre", 5, 20).isValid())
          .as("exactly the minimum once trimmed").isTrue();
      assertThat(FormCheck.of(scope("title", "  " + "x".repeat(20) + "  ")).requiredText(TITLE, "Titre", 5, 20).isValid())
          .as("exactly the maximum once trimmed").isTrue();
      assertThat(problems(FormCheck.of(scope("title", "x".repeat(21))).requiredText(TITLE, "Titre", 5, 20)))
          .containsExactly("le champ « Titre » ne doit pas dépasser 20 caractères");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0", "\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B",
        "\uFEFF\u2060\u200B\u00A0 \u202E", "\u3164\u3164\u3164\u3164\u3164"})
    void aTextOfInvisibleCharactersIsRequired(String invisible) {
      assertThat(problems(FormCheck.of(scope("title", invisible)).requiredText(TITLE, "Titre", 5, 20)))
          .containsExactly("le champ « Titre » est obligatoire");
      assertThat(problems(FormCheck.of(scope("reference", invisible))
          .matches(REFERENCE, "Référence", Pattern.compile(".*"), "CONS-2026-0001")))
          .containsExactly("le champ « Référence » est obligatoire");
      FormCheck choice = FormCheck.of(scope("colour", invisible));
      choice.choice(COLOUR, "Couleur", Colour.class);
      assertThat(problems(choice)).containsExactly("le champ « Couleur » est obligatoire");
    }

    @Test
    void theLengthIsMeasuredOnTheVisibleText() {
      assertThat(problems(FormCheck.of(scope("title", "abcd" + "\u200B".repeat(20))).requiredText(TITLE, "Titre", 5, 20)))
          .containsExactly("le champ « Titre » doit contenir au moins 5 caractères");
      assertThat(problems(FormCheck.of(scope("title", "a\u200Bb\u200Bc\u200Bd")).requiredText(TITLE, "Titre", 5, 20)))
          .containsExactly("le champ « Titre » doit contenir au moins 5 caractères");
    }

    @Test
    void theCleanedTextIsStoredBack() {
      MapVariableScope scope = scope("title", "\u00A0\u200BFacture \u202Efdp.exe\u202C\uFEFF ", "comment", "\u200B\u00A0");
      FormCheck check = FormCheck.of(scope).requiredText(TITLE, "Titre", 5, 40).text(COMMENT, "Commentaire", false, 0, 10);

      assertThat(check.isValid()).isTrue();
      assertThat(scope.getVariable("title")).isEqualTo("Facture fdp.exe");
      assertThat(scope.getVariable("comment")).as("an optional invisible text is stored empty").isEqualTo("");
    }

    @Test
    void aMatchingReferenceIsStoredBackCleaned() {
      MapVariableScope scope = scope("reference", "\u200BCONS-2026-0001\u00A0");
      assertThat(FormCheck.of(scope).matches(REFERENCE, "Référence", Pattern.compile("CONS-\\d{4}-\\d{4}"),
          "CONS-2026-0001").isValid()).isTrue();
      assertThat(scope.getVariable("reference")).isEqualTo("CONS-2026-0001");
    }

    @Test
    void aValueThatIsNotATextIsRefused() {
      assertThat(problems(FormCheck.of(scope("title", 42L)).requiredText(TITLE, "Titre", 1, 20)))
          .containsExactly("le champ « Titre » doit être un texte");
    }

    @Test
    void anOptionalTextMayBeAbsentButNotTooLong() {
      assertThat(FormCheck.of(scope()).text(COMMENT, "Commentaire", false, 0, 10).isValid()).isTrue();
      assertThat(FormCheck.of(scope("comment", "  ")).text(COMMENT, "Commentaire", false, 3, 10).isValid()).isTrue();
      assertThat(problems(FormCheck.of(scope("comment", "ab")).text(COMMENT, "Commentaire", false, 3, 10)))
          .containsExactly("le champ « Commentaire » doit contenir au moins 3 caractères");
      assertThat(problems(FormCheck.of(scope("comment", "x".repeat(11))).text(COMMENT, "Commentaire", false, 0, 10)))
          .containsExactly("le champ « Commentaire » ne doit pas dépasser 10 caractères");
    }
  }

  @Nested
  class Choice {

    @Test
    void aValueOfTheEnumIsChosen() {
      FormCheck check = FormCheck.of(scope("colour", "GREEN"));

      assertThat(check.choice(COLOUR, "Couleur", Colour.class)).contains(Colour.GREEN);
      assertThat(check.isValid()).isTrue();
    }

    @Test
    void anUnknownValueIsRefusedWithTheAllowedValues() {
      FormCheck check = FormCheck.of(scope("colour", "green"));

      assertThat(check.choice(COLOUR, "Couleur", Colour.class)).isEmpty();
      assertThat(problems(check)).containsExactly("le champ « Couleur » doit valoir RED, GREEN, BLUE");
    }

    @Test
    void aMissingOrBlankChoiceIsRequired() {
      FormCheck missing = FormCheck.of(scope());
      FormCheck blank = FormCheck.of(scope("colour", " "));

      assertThat(missing.choice(COLOUR, "Couleur", Colour.class)).isEmpty();
      assertThat(blank.choice(COLOUR, "Couleur", Colour.class)).isEmpty();
      assertThat(problems(missing)).containsExactly("le champ « Couleur » est obligatoire");
      assertThat(problems(blank)).containsExactly("le champ « Couleur » est obligatoire");
    }

    @Test
    void aChoiceThatIsNotATextIsRefused() {
      FormCheck check = FormCheck.of(scope("colour", 1L));

      assertThat(check.choice(COLOUR, "Couleur", Colour.class)).isEmpty();
      assertThat(problems(check)).containsExactly("le champ « Couleur » doit valoir RED, GREEN, BLUE");
    }
  }

  @Nested
  class WholeNumber {

    @Test
    void aLongFromTheFormIsStoredAsAnInteger() {
      MapVariableScope scope = scope("score", 3L);

      assertThat(FormCheck.of(scope).wholeNumber(SCORE, "Note", 1, 4).isValid()).isTrue();

      assertThat(scope.getVariable("score")).isInstanceOf(Integer.class).isEqualTo(3);
    }

    @Test
    void aWholeDoubleIsAcceptedAndStoredAsAnInteger() {
      MapVariableScope scope = scope("score", 2.0d);

      assertThat(FormCheck.of(scope).wholeNumber(SCORE, "Note", 1, 4).isValid()).isTrue();

      assertThat(scope.getVariable("score")).isInstanceOf(Integer.class).isEqualTo(2);
    }

    @Test
    void aFractionIsRefusedAndLeftAsSubmitted() {
      MapVariableScope scope = scope("score", 2.5d);

      assertThat(problems(FormCheck.of(scope).wholeNumber(SCORE, "Note", 1, 4)))
          .containsExactly("le champ « Note » doit être un nombre entier de 1 à 4");
      assertThat(scope.getVariable("score")).isEqualTo(2.5d);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"4", " 4 "})
    void aNumberWrittenAsTextIsAcceptedAndStoredAsAnInteger(String submitted) {
      MapVariableScope scope = scope("score", submitted);

      assertThat(FormCheck.of(scope).wholeNumber(SCORE, "Note", 1, 4).isValid()).isTrue();

      assertThat(scope.getVariable("score")).isInstanceOf(Integer.class).isEqualTo(4);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"quatre", "4.0", "99999999999", "4a"})
    void aTextThatIsNotAWholeNumberIsRefused(String submitted) {
      assertThat(problems(FormCheck.of(scope("score", submitted)).wholeNumber(SCORE, "Note", 1, 4)))
          .containsExactly("le champ « Note » doit être un nombre entier de 1 à 4");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 5, -1, Integer.MAX_VALUE})
    void aWholeNumberOutOfRangeIsRefused(long submitted) {
      assertThat(problems(FormCheck.of(scope("score", submitted)).wholeNumber(SCORE, "Note", 1, 4)))
          .containsExactly("le champ « Note » doit être un nombre entier de 1 à 4");
    }

    @Test
    void theBoundsAreIncluded() {
      assertThat(FormCheck.of(scope("score", 1L)).wholeNumber(SCORE, "Note", 1, 4).isValid()).isTrue();
      assertThat(FormCheck.of(scope("score", 4L)).wholeNumber(SCORE, "Note", 1, 4).isValid()).isTrue();
    }

    @Test
    void aLongBeyondTheIntRangeIsRefusedNotTruncated() {
      MapVariableScope scope = scope("score", 4_294_967_297L);

      assertThat(problems(FormCheck.of(scope).wholeNumber(SCORE, "Note", 1, 4)))
          .containsExactly("le champ « Note » doit être un nombre entier de 1 à 4");
      assertThat(scope.getVariable("score")).isEqualTo(4_294_967_297L);
    }

    @Test
    void aMissingNumberIsRequired() {
      assertThat(problems(FormCheck.of(scope()).wholeNumber(SCORE, "Note", 1, 4)))
          .containsExactly("le champ « Note » est obligatoire");
    }
  }

  @Nested
  class Checkbox {

    @Test
    void anAbsentCheckboxIsStoredAsFalse() {
      MapVariableScope scope = scope();

      assertThat(FormCheck.of(scope).checkbox(VOLUNTEER, "Volontaire").isValid()).isTrue();

      assertThat(scope.hasVariable("volunteer")).isTrue();
      assertThat(scope.getVariable("volunteer")).isEqualTo(Boolean.FALSE);
    }

    @Test
    void aTickedCheckboxStaysTrue() {
      MapVariableScope scope = scope("volunteer", true);

      assertThat(FormCheck.of(scope).checkbox(VOLUNTEER, "Volontaire").isValid()).isTrue();

      assertThat(scope.getVariable("volunteer")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aCheckboxThatIsNotABooleanIsRefused() {
      assertThat(problems(FormCheck.of(scope("volunteer", "oui")).checkbox(VOLUNTEER, "Volontaire")))
          .containsExactly("le champ « Volontaire » doit être coché ou non (oui/non)");
    }
  }

  @Nested
  class Matches {

    private static final Pattern REFERENCE_PATTERN = Pattern.compile("CONS-\\d{4}-\\d{4}");

    @Test
    void aTextOfTheExpectedFormIsAccepted() {
      assertThat(FormCheck.of(scope("reference", " CONS-2026-0001 "))
          .matches(REFERENCE, "Référence", REFERENCE_PATTERN, "CONS-2026-0001").isValid()).isTrue();
    }

    @Test
    void aTextOfAnotherFormIsRefusedWithAnExample() {
      assertThat(problems(FormCheck.of(scope("reference", "idée 12"))
          .matches(REFERENCE, "Référence", REFERENCE_PATTERN, "CONS-2026-0001")))
          .containsExactly("le champ « Référence » doit avoir la forme CONS-2026-0001");
      assertThat(problems(FormCheck.of(scope())
          .matches(REFERENCE, "Référence", REFERENCE_PATTERN, "CONS-2026-0001")))
          .containsExactly("le champ « Référence » est obligatoire");
    }
  }

  @Nested
  class Refusal {

    @Test
    void everyProblemIsCollectedInOneFrenchMessageInTheOrderOfTheChecks() {
      FormCheck check = FormCheck.of(scope("title", "abc", "score", 2.5d, "volunteer", "oui"));
      check.requiredText(TITLE, "Titre", 5, 20)
          .wholeNumber(SCORE, "Note", 1, 4)
          .checkbox(VOLUNTEER, "Volontaire")
          .rule(false, "la note doit être justifiée")
          .rule(true, "jamais affiché")
          .problem("la direction « nulle-part » n'existe pas");
      Optional<Colour> colour = check.choice(COLOUR, "Couleur", Colour.class);

      InvalidFormDataException refused = catchThrowableOfType(InvalidFormDataException.class, check::orRefuse);

      assertThat(colour).isEmpty();
      assertThat(check.isValid()).isFalse();
      assertThat(refused).isNotNull();
      assertThat(refused.problems()).containsExactly(
          "le champ « Titre » doit contenir au moins 5 caractères",
          "le champ « Note » doit être un nombre entier de 1 à 4",
          "le champ « Volontaire » doit être coché ou non (oui/non)",
          "la note doit être justifiée",
          "la direction « nulle-part » n'existe pas",
          "le champ « Couleur » est obligatoire");
      assertThat(refused.getMessage()).isEqualTo("Le formulaire ne peut pas être enregistré : "
          + "le champ « Titre » doit contenir au moins 5 caractères ; "
          + "le champ « Note » doit être un nombre entier de 1 à 4 ; "
          + "le champ « Volontaire » doit être coché ou non (oui/non) ; "
          + "la note doit être justifiée ; "
          + "la direction « nulle-part » n'existe pas ; "
          + "le champ « Couleur » est obligatoire.");
    }

    @Test
    void eachProblemNamesTheFieldItIsAboutSoThatPagesNeverReadTheFrenchText() {
      FormCheck check = FormCheck.of(scope("title", "abc"));
      check.requiredText(TITLE, "Titre", 5, 20)
          .rule("colour", false, "la couleur « vert » n'existe pas")
          .problem("aucun champ ne va avec ce problème");

      InvalidFormDataException refused = catchThrowableOfType(InvalidFormDataException.class, check::orRefuse);

      assertThat(refused.fieldProblems()).containsExactly(
          new FormProblem("title", "le champ « Titre » doit contenir au moins 5 caractères"),
          new FormProblem("colour", "la couleur « vert » n'existe pas"),
          FormProblem.general("aucun champ ne va avec ce problème"));
      assertThat(refused.problems()).containsExactly("le champ « Titre » doit contenir au moins 5 caractères",
          "la couleur « vert » n'existe pas", "aucun champ ne va avec ce problème");
    }

    @Test
    void aValidFormIsValidAndItsNormalisedValuesAreStored() {
      MapVariableScope scope = scope("title", "  Relais-colis  ", "score", 4L, "colour", "RED");
      FormCheck check = FormCheck.of(scope)
          .requiredText(TITLE, "Titre", 5, 20)
          .wholeNumber(SCORE, "Note", 1, 4)
          .checkbox(VOLUNTEER, "Volontaire");

      assertThat(check.choice(COLOUR, "Couleur", Colour.class)).contains(Colour.RED);
      assertThat(check.isValid()).isTrue();
      assertThat(problems(check)).isEmpty();
      assertThat(scope.getVariables()).containsEntry("score", 4).containsEntry("volunteer", false);
    }

    @Test
    void theRefusalIsTheEnginesFormValidationException() {
      InvalidFormDataException refused = new InvalidFormDataException(List.of("le champ « Titre » est obligatoire"));

      assertThat(refused).isInstanceOf(FormFieldValidationException.class).isInstanceOf(ProcessEngineException.class);
      assertThatThrownBy(() -> FormCheck.of(scope()).requiredText(TITLE, "Titre", 1, 2).orRefuse())
          .isInstanceOf(FormFieldValidationException.class)
          .hasMessage("Le formulaire ne peut pas être enregistré : le champ « Titre » est obligatoire.");
    }

    @Test
    void theProblemsOfARefusalCannotBeChangedAfterwards() {
      List<String> problems = new ArrayList<>(List.of("premier problème"));
      InvalidFormDataException refused = new InvalidFormDataException(problems);

      problems.add("ajouté après coup");

      assertThat(refused.problems()).containsExactly("premier problème");
      assertThatThrownBy(() -> refused.problems().add("encore")).isInstanceOf(UnsupportedOperationException.class);
    }
  }
}
