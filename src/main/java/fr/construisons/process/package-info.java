/**
 * Shared process plumbing that knows no capability: typed variables ({@code ProcessVariable}), form
 * checks and contracts, the initiator and separation-of-duties rules, working-day deadlines, text
 * cleaning. Every module may depend on it; it depends on none.
 */
@ApplicationModule(allowedDependencies = {})
package fr.construisons.process;

import org.springframework.modulith.ApplicationModule;
