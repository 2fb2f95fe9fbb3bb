package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.*;

import fr.construisons.incubation.IncubationDecisions.AgreementDecision;
import fr.construisons.incubation.IncubationDecisions.TimeShareUnit;
import fr.construisons.process.Texts;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The manager's answer on working time, in the words the mails use. */
public record AgreementTerms(String timeShareLabel, Integer durationMonths, String startDateLabel,
    String conditions, String decisionLabel, String comment) {

  static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

  public static AgreementTerms from(VariableScope scope) {
    return new AgreementTerms(
        timeShareLabel(scope),
        DURATION_MONTHS.from(scope).orElse(null),
        START_DATE.from(scope).map(date -> FRENCH_DATE.format(LocalDate.parse(date))).orElse(null),
        AGREEMENT_CONDITIONS.from(scope).filter(s -> !Texts.isBlank(s)).orElse(null),
        AGREEMENT_DECISION.from(scope).map(d -> AgreementDecision.valueOf(d).label()).orElse(null),
        AGREEMENT_COMMENT.from(scope).filter(s -> !Texts.isBlank(s)).orElse(null));
  }

  static String timeShareLabel(VariableScope scope) {
    Object share = scope.getVariable(TIME_SHARE);
    if (!(share instanceof Number number)) {
      return null;
    }
    String amount = NumberFormat.getNumberInstance(Locale.FRANCE).format(number.doubleValue());
    return TIME_SHARE_UNIT.from(scope).map(TimeShareUnit::valueOf)
        .map(unit -> unit == TimeShareUnit.PERCENT
            ? amount + " % du temps de travail"
            : amount + (number.doubleValue() > 1 ? " jours" : " jour") + " par semaine")
        .orElse(null);
  }
}
