/**
 * Who may do what: the engine's authorizations ({@code AccessPolicy}), Tasklist filters, the login
 * shared by our pages and the Camunda web applications, the guards in front of the engine's API
 * (form contracts, request bodies, the setup page, query expressions), lockout and start-up checks.
 *
 * <p>The top of the graph: it may depend on every module (it names their process keys), and no
 * module depends on it.
 */
package fr.construisons.security;
