/**
 * The idea's life before incubation: the {@code idea-lifecycle} process (its API {@link
 * fr.construisons.idea.IdeaLifecycle}: key, element ids, variables), the catalogue of ideas (owns
 * the table {@code idea} through {@code IdeaRepository}), references, the server-side form rules,
 * the delegates, and who is told what ({@code IdeaMails}, the templates under {@code mail/ideator},
 * {@code team} and {@code directorate}). Sub-package
 * {@code closure}: withdrawal and duplicate closure (internal; its process keys are public
 * constants of {@code IdeaClosure}).
 *
 * <p>Depends on {@code process}, {@code organisation} and {@code notification}.
 */
package fr.construisons.idea;
