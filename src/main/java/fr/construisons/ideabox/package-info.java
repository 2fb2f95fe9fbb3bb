/**
 * The shared idea box, our own pages for every agent: the list, an idea's page and public
 * timeline, supports and comments (owns {@code idea_support} and {@code idea_comment}), the
 * submission form, similar ideas and the anonymous intranet feed.
 *
 * <p>Depends on {@code idea}, {@code incubation}, {@code process}, {@code organisation}.
 */
package fr.construisons.ideabox;
