package fr.construisons.security;

import fr.construisons.organisation.CurrentAgent;
import fr.construisons.organisation.OrganisationDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One login for the Camunda web applications and our own pages (idea box, dashboard).
 *
 * <p>The Camunda web applications keep who is signed in in the HTTP session, as
 * {@link Authentications} per engine. Our pages read the same object, and our login page writes it
 * exactly as Tasklist's login does ({@code UserAuthenticationResource}: password checked by the
 * identity service, so LDAP too, then a new session id). Signed in to Tasklist means signed in
 * here, and the reverse; signing out of either signs out of both.
 */
@Component
public class SharedLogin {

  private final ProcessEngine engine;
  private final OrganisationDirectory directory;

  public SharedLogin(ProcessEngine engine, OrganisationDirectory directory) {
    this.engine = engine;
    this.directory = directory;
  }

  /** Whether an agent is signed in on this session: read from the session alone, no query. */
  public boolean isSignedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication;
  }

  /** The agent signed in on this session, if any. */
  public Optional<CurrentAgent> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication authentication =
        AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
    if (!(authentication instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    return Optional.of(agent(user.getName(), user.getGroupIds()));
  }

  /**
   * The agent signed in on the request being served, or null: for pages rendered outside the
   * signed-in paths, such as error pages, so their header still shows the agent's menu.
   */
  public CurrentAgent currentOrNull() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      return current(attributes.getRequest()).orElse(null);
    }
    return null;
  }

  /**
   * Signs the agent in when the password is right. The session id changes (no session fixation)
   * and the session then holds the same authentication Tasklist would have created.
   */
  public Optional<CurrentAgent> signIn(HttpServletRequest request, String userId, String password) {
    if (userId == null || userId.isBlank() || password == null || password.isEmpty()
        || !engine.getIdentityService().checkPassword(userId.strip(), password)) {
      return Optional.empty();
    }
    // The directory's own spelling of the id (an LDAP directory accepts « CAMILLE » for camille):
    // the session, the ideas and every check then name the agent one way.
    User user = engine.getIdentityService().createUserQuery().userId(userId.strip()).singleResult();
    String canonical = user == null ? userId.strip() : user.getId();
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, canonical);
    if (authentication == null) {
      return Optional.empty();
    }
    AuthenticationUtil.revalidateSession(request, authentication);
    return Optional.of(agent(authentication.getName(), authentication.getGroupIds()));
  }

  /** Signs out of our pages and of the Camunda web applications at once. */
  public void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** Every page asks who is signed in: the name comes from the directory's cache, not a query each time. */
  private CurrentAgent agent(String userId, java.util.Collection<String> groups) {
    String displayName = directory.agent(userId)
        .map(a -> CurrentAgent.displayName(a.firstName(), a.lastName(), userId)).orElse(userId);
    return new CurrentAgent(userId, displayName, groups == null ? List.of() : List.copyOf(groups));
  }
}
