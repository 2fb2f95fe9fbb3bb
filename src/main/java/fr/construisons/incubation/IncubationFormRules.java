package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.*;

import fr.construisons.idea.IdeaFormRules;
import fr.construisons.incubation.IncubationDecisions.AgreementDecision;
import fr.construisons.incubation.IncubationDecisions.ImplementationDecision;
import fr.construisons.incubation.IncubationDecisions.MediationDecision;
import fr.construisons.incubation.IncubationDecisions.TimeShareUnit;
import fr.construisons.incubation.IncubationDecisions.TimeboxDecision;
import fr.construisons.incubation.IncubationDecisions.WorkstreamConclusion;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.process.FormCheck;
import fr.construisons.process.ProcessVariable;
import fr.construisons.process.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The server-side twin of the incubation forms: same required fields and limits, so a REST
 * client cannot store what Tasklist would refuse.
 */
@Component
class IncubationFormRules {

  private static final int NOTE_MIN = IdeaFormRules.NOTE_MIN;
  private static final int NOTE_MAX = IdeaFormRules.NOTE_MAX;
  private static final int REASON_MAX = IdeaFormRules.REASON_MAX;

  private final OrganisationDirectory organisation;

  public IncubationFormRules(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  /**
   * "Accord sur le temps alloué". The terms (share, duration, start date, conditions) are an
   * agreement's: asked and kept only when the manager agrees. A refusal or a counter-proposal
   * states its reason or proposal in its comment; terms a caller sends with it are not kept, so
   * that no mail lists them as the conditions of a refusal.
   */
  public void checkAgreement(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    Optional<AgreementDecision> decision = check.choice(AGREEMENT_DECISION, "Votre réponse", AgreementDecision.class);
    if (decision.isPresent() && decision.get() != AgreementDecision.AGREE) {
      check.requiredText(AGREEMENT_COMMENT, "Motif ou proposition", NOTE_MIN, REASON_MAX);
      // Emptied rather than removed: they are local variables of the agreement's sub-process.
      for (String term : List.of(TIME_SHARE_UNIT.name(), TIME_SHARE, DURATION_MONTHS.name(), START_DATE.name(),
          AGREEMENT_CONDITIONS.name())) {
        scope.setVariable(term, null);
      }
    } else if (decision.isPresent()) {
      checkTerms(check, scope);
    }
    check.orRefuse();
  }

  private void checkTerms(FormCheck check, VariableScope scope) {
    Optional<TimeShareUnit> unit = check.choice(TIME_SHARE_UNIT, "Unité du temps alloué", TimeShareUnit.class);
    Object share = scope.getVariable(TIME_SHARE);
    if (!(share instanceof Number number)) {
      check.problem(TIME_SHARE, "le champ « Temps alloué » doit être un nombre");
    } else {
      unit.ifPresent(u -> {
        double value = number.doubleValue();
        check.rule(TIME_SHARE, u == TimeShareUnit.PERCENT ? value >= 5 && value <= 100 : value >= 0.5 && value <= 5,
            u == TimeShareUnit.PERCENT ? "le temps alloué doit être compris entre 5 et 100 %"
                : "le temps alloué doit être compris entre 0,5 et 5 jours par semaine");
      });
    }
    check.wholeNumber(DURATION_MONTHS, "Durée (en mois)", 1, 24);
    try {
      START_DATE.from(scope).map(LocalDate::parse).ifPresentOrElse(
          // A period that began in the past would end at once, or be over before it starts.
          date -> check.rule(START_DATE.name(), !date.isBefore(today()),
              "la « Date de début » ne peut pas être dans le passé : choisissez aujourd'hui ou une date à venir"),
          () -> check.problem(START_DATE.name(), "le champ « Date de début » est obligatoire"));
    } catch (DateTimeParseException | IllegalStateException notADate) {
      check.problem(START_DATE.name(), "le champ « Date de début » doit être une date (AAAA-MM-JJ)");
    }
    check.text(AGREEMENT_CONDITIONS, "Conditions éventuelles", false, 0, REASON_MAX);
  }

  /** Today where the scheme runs, by the engine's clock (which the tests move). */
  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(IncubationCalendar.ZONE).toLocalDate();
  }

  /** "Arbitrer le temps alloué". */
  public void checkMediation(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(MEDIATION_DECISION, "Issue de l'arbitrage", MediationDecision.class);
    check.requiredText(MEDIATION_NOTE, "Nouvelle proposition ou motif", NOTE_MIN, REASON_MAX);
    check.orRefuse();
  }

  /** "Constituer l'équipe projet": each person must belong to the group of their role. */
  public void checkProjectTeam(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    member(check, scope, COACH, "Coach", OrganisationDirectory.GROUP_INNOVATION_TEAM);
    for (Workstream workstream : Workstream.values()) {
      member(check, scope, workstream.expertVariable(), "Expert du volet " + workstream.label(), workstream.expertGroup());
    }
    check.requiredText(MILESTONES, "Jalons de l'incubation", NOTE_MIN, NOTE_MAX);
    SPONSOR_DIRECTORATE.from(scope).ifPresentOrElse(
        code -> check.rule(organisation.directorate(code).isPresent(), "la direction « " + code + " » n'existe pas"),
        () -> check.problem("le champ « Direction qui portera la mise en œuvre » est obligatoire"));
    check.orRefuse();
  }

  /**
   * One person of the project team: a member of the role's group, never the intrapreneur, who
   * would otherwise review or coach their own work.
   */
  private void member(FormCheck check, VariableScope scope, ProcessVariable<String> variable, String label, String group) {
    Optional<String> user = variable.from(scope).filter(s -> !Texts.isBlank(s));
    if (user.isEmpty()) {
      check.problem("le champ « " + label + " » est obligatoire");
    } else if (user.get().equalsIgnoreCase(IDEATOR.from(scope).orElse(null))) {
      check.problem("l'agent-intrapreneur ne peut pas être " + label.toLowerCase(Locale.ROOT)
          + " de sa propre incubation : choisissez une autre personne");
    } else if (organisation.members(group).stream().noneMatch(agent -> agent.id().equals(user.get()))) {
      check.problem("« " + user.get() + " » ne fait pas partie du groupe " + group + " (" + label + ")");
    }
  }

  /** "Mener le volet". */
  public void checkDeliverable(VariableScope scope) {
    FormCheck.of(scope)
        .requiredText(DELIVERABLE_SUMMARY, "Synthèse de votre livrable", IdeaFormRules.LONG_TEXT_MIN, NOTE_MAX)
        .orRefuse();
  }

  /** "Revoir le volet". */
  public void checkReview(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(WORKSTREAM_CONCLUSION, "Conclusion de l'expert", WorkstreamConclusion.class);
    check.requiredText(EXPERT_COMMENT, "Avis de l'expert", NOTE_MIN, NOTE_MAX);
    check.orRefuse();
  }

  /** "Décider de la suite de la période". */
  public void checkTimebox(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(TIMEBOX_DECISION, "Suite de la période", TimeboxDecision.class);
    check.requiredText(TIMEBOX_NOTE, "Motif", NOTE_MIN, REASON_MAX);
    check.orRefuse();
  }

  /** "Décision de mise en œuvre": a pivot names the workstreams to resume. */
  public void checkDecision(VariableScope scope) {
    FormCheck check = FormCheck.of(scope);
    check.choice(IMPLEMENTATION_DECISION, "Décision", ImplementationDecision.class)
        .filter(decision -> decision == ImplementationDecision.PIVOT)
        .ifPresent(pivot -> {
          Optional<List<String>> codes = IncubationWorkstreams.PIVOT_WORKSTREAMS.read(scope);
          List<String> known = Arrays.stream(Workstream.values()).map(Enum::name).toList();
          if (codes.isEmpty() || codes.get().isEmpty()) {
            check.problem("choisissez au moins un volet à reprendre");
          } else if (!known.containsAll(codes.get())) {
            check.problem("les volets à reprendre doivent être parmi " + String.join(", ", known));
          } else {
            IncubationWorkstreams.PIVOT_WORKSTREAMS.write(scope, codes.get());
          }
        });
    check.requiredText(DECISION_REASON, "Motif de la décision", NOTE_MIN, NOTE_MAX);
    check.orRefuse();
  }

  /** "Mise en œuvre". */
  public void checkImplementation(VariableScope scope) {
    FormCheck.of(scope)
        .requiredText(IMPLEMENTATION_REPORT, "Compte rendu de la mise en œuvre", IdeaFormRules.LONG_TEXT_MIN, NOTE_MAX)
        .orRefuse();
  }
}
