/**
 * Personal data (RGPD): consent to show the author's name, « Mes données » (export), the log of every
 * action on an agent's data (owns {@code personal_data_log}), anonymisation of an idea and an
 * agent's erasure, which call the owners of the tables they change. Sub-packages {@code retention}
 * (the nightly process) and {@code requests} (an agent's correction and erasure requests) are
 * internal.
 *
 * <p>Depends on the capabilities whose data it anonymises, exports or erases, and on
 * {@code process}, {@code organisation}, {@code notification}.
 */
package fr.construisons.privacy;
