/**
 * Health groups, the scheme's Prometheus metrics and who may read them.
 *
 * <p>Reads the capabilities' figures; no module depends on it.
 */
package fr.construisons.observability;
