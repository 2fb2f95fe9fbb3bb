package fr.construisons.incubation;

import fr.construisons.notification.MailTemplate;

/** The incubation's mails (templates under {@code src/main/resources/mail/incubation/}). */
enum IncubationMail implements MailTemplate {
  MANAGER_REQUEST("incubation/manager-request", "Votre accord est demandé : temps alloué à l'idée %s"),
  MANAGER_REMINDER("incubation/manager-reminder", "Relance : votre accord sur le temps alloué à l'idée %s"),
  AGREEMENT_GIVEN("incubation/agreement-given", "Accord de la hiérarchie pour l'incubation de l'idée %s"),
  AGREEMENT_REFUSED("incubation/agreement-refused", "Pas d'accord de la hiérarchie pour l'idée %s : arbitrage à faire"),
  TEAM_ASSIGNED("incubation/team-assigned", "Vous accompagnez l'incubation de l'idée %s"),
  TIMEBOX_REMINDER("incubation/timebox-reminder", "L'incubation de l'idée %s se termine dans un mois"),
  TIMEBOX_ENDED("incubation/timebox-ended", "La période d'incubation de l'idée %s est terminée"),
  IMPLEMENTATION_DECISION("incubation/decision", "Décision de la direction générale sur l'idée %s"),
  IMPLEMENTATION_REQUESTED("incubation/implementation-requested", "Mise en œuvre de l'idée %s confiée à votre direction"),
  IMPLEMENTATION_DONE("incubation/implementation-done", "L'idée %s est mise en œuvre");

  private final String path;
  private final String subjectFormat;

  IncubationMail(String path, String subjectFormat) {
    this.path = path;
    this.subjectFormat = subjectFormat;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String subjectFormat() {
    return subjectFormat;
  }
}
