/**
 * The incubation of an idea carried by its author: the {@code incubation} process (API {@link
 * fr.construisons.incubation.Incubation}), the agreement on working time, the project team, the
 * workstreams and their reviews (owns the table {@code incubation_workstream}), the timebox, form
 * rules, delegates and mails ({@code IncubationMails}, templates under {@code mail/incubation}).
 *
 * <p>Depends on {@code idea} (the idea it incubates), {@code process}, {@code organisation},
 * {@code notification}.
 */
package fr.construisons.incubation;
