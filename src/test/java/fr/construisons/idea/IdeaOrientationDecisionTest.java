package fr.construisons.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.idea.Decisions.Orientation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The orientation table of {@code processes/idea-orientation.dmn}, rule by rule, on a standalone DMN
 * engine: which rule answers each pair of scores, what it recommends, and the shape the scheme
 * expects over the sixteen pairs (few experiments, mostly studies).
 */
class IdeaOrientationDecisionTest {

  private static final String RESOURCE = "processes/idea-orientation.dmn";
  private static final String DECISION_KEY = IdeaLifecycle.DECISION_ORIENTATION;

  /** Records the rules that matched the last evaluation. */
  private static final class MatchedRules implements DmnDecisionTableEvaluationListener {
    private volatile List<String> ids = List.of();

    @Override
    public void notify(DmnDecisionTableEvaluationEvent event) {
      ids = event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    }

    List<String> last() {
      return ids;
    }
  }

  private static final MatchedRules MATCHED = new MatchedRules();
  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseTheModel() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(MATCHED))
        .buildEngine();
    try (InputStream model = resource()) {
      decision = dmnEngine.parseDecision(DECISION_KEY, model);
    }
  }

  @BeforeEach
  void forgetThePreviousEvaluation() {
    MATCHED.ids = List.of();
  }

  private static InputStream resource() {
    InputStream stream = IdeaOrientationDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(stream).as(RESOURCE + " on the classpath").isNotNull();
    return stream;
  }

  private static DmnDecisionTableResult evaluate(Object strategicImpact, Object feasibility) {
    return dmnEngine.evaluateDecisionTable(decision,
        Map.of("strategicImpact", strategicImpact, "feasibility", feasibility));
  }

  private void assertRecommendation(int impact, int feasibility, String expectedRule, Orientation expected) {
    DmnDecisionTableResult result = evaluate(impact, feasibility);

    assertThat(MATCHED.last()).as("rules matching impact %d, feasibility %d", impact, feasibility)
        .containsExactly(expectedRule);
    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("orientation");
    assertThat((String) result.getSingleResult().getEntry("orientation")).isEqualTo(expected.name());
  }

  @Test
  void theModelIsAUniqueHitTableNamedAsTheProcessCallsIt() {
    assertThat(decision.getKey()).isEqualTo("idea-orientation");
    assertThat(decision.isDecisionTable()).isTrue();
    assertThat(model().getModelElementsByType(DecisionTable.class)).singleElement()
        .satisfies(table -> assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE));
    assertThat(model().getModelElementsByType(Rule.class)).extracting(Rule::getId).containsExactly(
        "Rule_HighImpactReadyToGo", "Rule_HighImpactNeedsStudy", "Rule_MediumImpactNeedsStudy",
        "Rule_MediumImpactEasyForDirectorates", "Rule_LowImpact");
  }

  @ParameterizedTest(name = "impact {0}, feasibility {1} → EXPERIMENT")
  @CsvSource({"3,4", "4,4"})
  void aHighImpactIdeaThatCanBeDoneNowIsExperimented(int impact, int feasibility) {
    assertRecommendation(impact, feasibility, "Rule_HighImpactReadyToGo", Orientation.EXPERIMENT);
  }

  @ParameterizedTest(name = "impact {0}, feasibility {1} → STUDY")
  @CsvSource({"3,1", "3,2", "3,3", "4,1", "4,2", "4,3"})
  void aHighImpactIdeaWhoseFeasibilityIsNotEstablishedIsStudied(int impact, int feasibility) {
    assertRecommendation(impact, feasibility, "Rule_HighImpactNeedsStudy", Orientation.STUDY);
  }

  @ParameterizedTest(name = "impact {0}, feasibility {1} → STUDY")
  @CsvSource({"2,1", "2,2", "2,3"})
  void aMediumImpactIdeaWhoseFeasibilityIsUncertainIsStudied(int impact, int feasibility) {
    assertRecommendation(impact, feasibility, "Rule_MediumImpactNeedsStudy", Orientation.STUDY);
  }

  @ParameterizedTest(name = "impact {0}, feasibility {1} → FORWARD")
  @CsvSource({"2,4"})
  void aMediumImpactIdeaThatCanBeDoneNowIsLeftToTheDirectorates(int impact, int feasibility) {
    assertRecommendation(impact, feasibility, "Rule_MediumImpactEasyForDirectorates", Orientation.FORWARD);
  }

  @ParameterizedTest(name = "impact {0}, feasibility {1} → FORWARD")
  @CsvSource({"1,1", "1,2", "1,3", "1,4"})
  void aLowImpactIdeaLeavesTheSchemeForTheDirectorates(int impact, int feasibility) {
    assertRecommendation(impact, feasibility, "Rule_LowImpact", Orientation.FORWARD);
  }

  static Stream<Arguments> allSixteenPairs() {
    return IntStream.rangeClosed(1, 4).boxed()
        .flatMap(impact -> IntStream.rangeClosed(1, 4).mapToObj(feasibility -> Arguments.of(impact, feasibility)));
  }

  /**
   * Evaluated with the hit policy relaxed to COLLECT, so that an overlap shows as two matching rules
   * (under UNIQUE it would only show as an evaluation error) and a hole as none.
   */
  @ParameterizedTest(name = "impact {0}, feasibility {1}")
  @MethodSource("allSixteenPairs")
  void everyPairOfScoresIsCoveredByExactlyOneRule(int impact, int feasibility) {
    DmnModelInstance relaxed = model();
    relaxed.getModelElementsByType(DecisionTable.class).forEach(table -> table.setHitPolicy(HitPolicy.COLLECT));
    DmnDecision collecting = dmnEngine.parseDecision(DECISION_KEY, relaxed);

    DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(collecting,
        Map.of("strategicImpact", impact, "feasibility", feasibility));

    assertThat(MATCHED.last()).as("rules matching impact %d, feasibility %d", impact, feasibility).hasSize(1);
    assertThat(result).hasSize(1);
    // And the table as deployed (UNIQUE) answers the same pair without a hit-policy violation.
    String underUniqueHitPolicy = evaluate(impact, feasibility).getSingleEntry();
    String collected = result.getSingleEntry();
    assertThat(underUniqueHitPolicy).isEqualTo(collected);
  }

  @Test
  void experimentIsTheRarestOrientationAndStudyTheMajority() {
    Map<Orientation, Integer> pairsByOrientation = new EnumMap<>(Orientation.class);
    List<String> unknown = new ArrayList<>();
    allSixteenPairs().forEach(pair -> {
      Object[] scores = pair.get();
      String orientation = evaluate((int) scores[0], (int) scores[1]).getSingleEntry();
      try {
        pairsByOrientation.merge(Orientation.valueOf(orientation), 1, Integer::sum);
      } catch (IllegalArgumentException notAnOrientation) {
        unknown.add(orientation);
      }
    });

    assertThat(unknown).as("outputs that are not an Orientation of the process").isEmpty();
    assertThat(pairsByOrientation).containsOnlyKeys(Orientation.values());
    int experiment = pairsByOrientation.get(Orientation.EXPERIMENT);
    int study = pairsByOrientation.get(Orientation.STUDY);
    int forward = pairsByOrientation.get(Orientation.FORWARD);
    assertThat(experiment + study + forward).isEqualTo(16);
    assertThat(study).as("STUDY over the 16 pairs").isGreaterThan(8);
    assertThat(forward).as("FORWARD between EXPERIMENT and STUDY").isGreaterThan(experiment).isLessThan(study);
    assertThat(experiment).as("EXPERIMENT is the rarest").isPositive();
  }

  @ParameterizedTest(name = "impact {0}, feasibility {1} → no rule")
  @CsvSource({"0,1", "0,4", "5,1", "5,4", "1,0", "4,0", "1,5", "4,5", "0,0", "5,5", "0,5", "-1,2", "2,-3",
      "2147483647,4", "4,-2147483648", "40,4", "4,12"})
  void aScoreOutsideOneToFourMatchesNoRule(int impact, int feasibility) {
    DmnDecisionTableResult result = evaluate(impact, feasibility);

    assertThat(result).isEmpty();
    assertThat((Object) result.getSingleResult()).isNull();
    assertThat(MATCHED.last()).isEmpty();
  }

  @Test
  void bothInputsDeclareTheirRangeOneToFour() {
    assertThat(model().getModelElementsByType(Input.class)).hasSize(2).allSatisfy(input -> {
      assertThat(input.getInputValues()).as("%s: input values", input.getId()).isNotNull();
      assertThat(input.getInputValues().getText().getTextContent()).isEqualTo("[1..4]");
      assertThat(input.getLabel()).endsWith("(1 à 4)");
    });
  }

  @Test
  void theTableSpeaksFrenchWhileItsOutputsStayTheCodesOfTheProcess() {
    assertThat(model().getModelElementsByType(Input.class)).extracting(Input::getLabel)
        .containsExactly("Impact stratégique (1 à 4)", "Faisabilité (1 à 4)");
    assertThat(model().getModelElementsByType(Output.class)).singleElement().satisfies(output -> {
      assertThat(output.getLabel()).isEqualTo("Orientation recommandée");
      assertThat(output.getName()).isEqualTo("orientation");
    });
    // Each rule's annotation starts with the French label of the orientation it outputs, as the
    // « Décider de l'orientation » form shows it, then says why.
    assertThat(model().getModelElementsByType(Rule.class)).allSatisfy(rule -> {
      String code = rule.getOutputEntries().iterator().next().getText().getTextContent().replace("\"", "");
      Orientation orientation = Orientation.valueOf(code);
      assertThat(rule.getDescription()).as("%s: annotation", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("%s: annotation", rule.getId())
          .startsWith(orientation.label() + " : ");
    });
  }

  /** The integer inputs refuse a fraction outright: no rounding into a valid score. */
  @ParameterizedTest(name = "impact {0}, feasibility {1} → refused")
  @CsvSource({"2.5,3", "3,3.5"})
  void aScoreThatIsNotAWholeNumberIsRefusedByTheTable(double impact, double feasibility) {
    assertThatThrownBy(() -> evaluate(impact, feasibility))
        .hasMessageContaining(String.valueOf(impact == Math.rint(impact) ? feasibility : impact))
        .hasMessageContaining("integer");
    assertThat(MATCHED.last()).isEmpty();
  }

  private static DmnModelInstance model() {
    try (InputStream stream = resource()) {
      return Dmn.readModelFromStream(stream);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
