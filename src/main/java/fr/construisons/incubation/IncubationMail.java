package fr.construisons.incubation;

import fr.construisons.notification.MailTemplate;

/** The incubation's mails (templates under {@code src/main/resources/mail/incubation/}). */
enum IncubationMail implements MailTemplate {
  MANAGER_REQUEST(new Mail("incubation/manager-request", "Votre accord est demandé : temps alloué à l'idée %s")),
  MANAGER_REMINDER(new Mail("incubation/manager-reminder", "Relance : votre accord sur le temps alloué à l'idée %s")),
  AGREEMENT_GIVEN(new Mail("incubation/agreement-given", "Accord de la hiérarchie pour l'incubation de l'idée %s")),
  AGREEMENT_REFUSED(new Mail("incubation/agreement-refused", "Pas d'accord de la hiérarchie pour l'idée %s : arbitrage à faire")),
  TEAM_ASSIGNED(new Mail("incubation/team-assigned", "Vous accompagnez l'incubation de l'idée %s")),
  TIMEBOX_REMINDER(new Mail("incubation/timebox-reminder", "L'incubation de l'idée %s se termine dans un mois")),
  TIMEBOX_ENDED(new Mail("incubation/timebox-ended", "La période d'incubation de l'idée %s est terminée")),
  IMPLEMENTATION_DECISION(new Mail("incubation/decision", "Décision de la direction générale sur l'idée %s")),
  IMPLEMENTATION_REQUESTED(new Mail("incubation/implementation-requested", "Mise en œuvre de l'idée %s confiée à votre direction")),
  IMPLEMENTATION_DONE(new Mail("incubation/implementation-done", "L'idée %s est mise en œuvre"));

  private final Mail mail;

  IncubationMail(Mail mail) {
    this.mail = mail;
  }

  @Override
  public Mail mail() {
    return mail;
  }
}
