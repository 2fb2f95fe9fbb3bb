/**
 * Directorates, people and groups: the organisation file (or LDAP, sub-package {@code ldap}), its
 * synchronisation into the engine's identity tables at start-up, the directory every other module
 * asks, and the signed-in agent ({@link fr.construisons.organisation.CurrentAgent}), a leaf that
 * pages take without depending on the login.
 *
 * <p>Depends on {@code process} only.
 */
@ApplicationModule(allowedDependencies = {"process"})
package fr.construisons.organisation;

import org.springframework.modulith.ApplicationModule;
