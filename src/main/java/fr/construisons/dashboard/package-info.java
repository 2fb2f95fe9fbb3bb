/**
 * The innovation dashboard for the team and general management: the funnel, figures per directorate
 * and month, step durations, overdue steps and their CSV exports. Reads only.
 *
 * <p>Depends on {@code idea}, {@code incubation}, {@code process}, {@code organisation}.
 */
package fr.construisons.dashboard;
