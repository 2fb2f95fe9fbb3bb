/**
 * Mail plumbing only: rendering ({@code mail/} templates), sending (a pooled SMTP connection or
 * an outbox folder) and the one send-task delegate ({@link
 * fr.construisons.notification.SendMailDelegate}). Which mails exist and who receives them is each
 * capability's: it declares a {@link fr.construisons.notification.MailCatalogue}.
 *
 * <p>Depends on {@code process} only; no capability.
 */
@ApplicationModule(allowedDependencies = {"process"})
package fr.construisons.notification;

import org.springframework.modulith.ApplicationModule;
