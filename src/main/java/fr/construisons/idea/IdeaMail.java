package fr.construisons.idea;

import fr.construisons.notification.MailTemplate;

/**
 * The mails about an idea before incubation: to its author when it changes stage or a directorate
 * answers, to the innovation team, to a directorate's mailbox. Templates under
 * {@code src/main/resources/mail/}.
 */
public enum IdeaMail implements MailTemplate {
  // To the ideator, when the idea moves to a stage (the first one is the acknowledgement).
  STAGE_CLARIFICATION(new Mail("ideator/stage-clarification", "Votre idée %s a bien été déposée")),
  STAGE_REVIEW(new Mail("ideator/stage-review", "Votre idée %s passe en revue en direction générale")),
  STAGE_EXPERIMENT(new Mail("ideator/stage-experiment", "Votre idée %s va être expérimentée")),
  STAGE_FEASIBILITY_STUDY(new Mail("ideator/stage-feasibility-study", "Votre idée %s passe en étude de faisabilité")),
  STAGE_FORWARDED(new Mail("ideator/stage-forwarded", "Votre idée %s est transmise aux directions concernées")),
  STAGE_INCUBATION(new Mail("ideator/stage-incubation", "Votre idée %s entre en incubation")),
  STAGE_IMPLEMENTED(new Mail("ideator/stage-implemented", "Votre idée %s est mise en œuvre")),
  STAGE_EXPERIMENT_STOPPED(new Mail("ideator/stage-experiment-stopped", "L'expérimentation de votre idée %s s'arrête")),
  STAGE_NOT_FEASIBLE(new Mail("ideator/stage-not-feasible", "Votre idée %s n'est pas faisable en l'état")),
  STAGE_OUT_OF_SCOPE(new Mail("ideator/stage-out-of-scope", "Votre idée %s ne relève pas du dispositif")),
  STAGE_TAKEN_UP_BY_DIRECTORATES(new Mail("ideator/stage-taken-up-by-directorates", "Les directions ont répondu sur votre idée %s")),
  STAGE_WITHDRAWN(new Mail("ideator/stage-withdrawn", "Votre idée %s est retirée")),
  STAGE_DUPLICATE(new Mail("ideator/stage-duplicate", "Votre idée %s rejoint une idée existante")),
  STAGE_INCUBATION_ABANDONED(new Mail("ideator/stage-incubation-abandoned", "L'incubation de votre idée %s s'arrête")),
  STAGE_INCUBATION_NOT_STARTED(new Mail("ideator/stage-incubation-not-started", "L'incubation de votre idée %s ne peut pas démarrer")),
  DIRECTORATE_ANSWER(new Mail("ideator/directorate-answer", "Une direction a répondu sur votre idée %s")),

  // To the innovation team.
  NEW_IDEA(new Mail("team/new-idea", "Nouvelle idée %s à clarifier")),
  CLARIFICATION_REMINDER(new Mail("team/clarification-reminder", "Relance : appel de clarification de l'idée %s")),
  CLARIFICATION_ESCALATION(new Mail("team/clarification-escalation", "Escalade : l'idée %s attend toujours son appel de clarification")),

  // To a directorate's mailbox.
  IDEA_FORWARDED(new Mail("directorate/idea-forwarded", "Idée %s transmise à votre direction")),
  TAKE_UP_REMINDER(new Mail("directorate/take-up-reminder", "Relance : l'idée %s attend la réponse de votre direction"));

  private final Mail mail;

  IdeaMail(Mail mail) {
    this.mail = mail;
  }

  @Override
  public Mail mail() {
    return mail;
  }

  public static IdeaMail forStage(IdeaStage stage) {
    return valueOf("STAGE_" + stage.name());
  }
}
