package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Issue 17: our pages serve a bounded number of requests at once, each kind of visitor in its own
 * places, and refuse the next at once with 503, Retry-After and a French message; a request that
 * got no database connection in time is answered the same way. A request is "in progress" here
 * while the chain runs, so a request made from inside the chain of another finds its place taken:
 * no threads, no timing.
 */
class OverloadGuardTest {

  private final SharedLogin login = mock(SharedLogin.class);
  private final OverloadGuard guard = new OverloadGuard(login, 1, 1, Duration.ofSeconds(5));

  private static MockHttpServletRequest get(String path, String accept) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setServletPath(path);
    request.addHeader("Accept", accept);
    return request;
  }

  @Test
  void theNextAnonymousRequestIsRefusedWhileThePlacesAreTakenThenServedAgain() throws Exception {
    when(login.isSignedIn(any())).thenReturn(false);
    List<MockHttpServletResponse> inner = new ArrayList<>();
    FilterChain holdsThePlace = (request, response) -> {
      MockHttpServletResponse refused = new MockHttpServletResponse();
      guard.doFilter(get("/connexion", "text/html"), refused, (rq, rs) -> ((MockHttpServletResponse) rs).setStatus(200));
      inner.add(refused);
    };
    MockHttpServletResponse outer = new MockHttpServletResponse();
    guard.doFilter(get("/connexion", "text/html"), outer, holdsThePlace);

    MockHttpServletResponse refused = inner.get(0);
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
    assertThat(refused.getContentType()).startsWith("text/html");
    assertThat(refused.getContentAsString()).contains("lang=\"fr\"", OverloadGuard.MESSAGE);

    MockHttpServletResponse after = new MockHttpServletResponse();
    guard.doFilter(get("/connexion", "text/html"), after, (rq, rs) -> ((MockHttpServletResponse) rs).setStatus(200));
    assertThat(after.getStatus()).as("the place is free again").isEqualTo(200);
  }

  @Test
  void agentsAndAnonymousVisitorsHaveTheirOwnPlaces() throws Exception {
    MockHttpServletRequest anonymous = get("/connexion", "text/html");
    MockHttpServletRequest agent = get("/idees", "text/html");
    when(login.isSignedIn(anonymous)).thenReturn(false);
    when(login.isSignedIn(agent)).thenReturn(true);
    List<Integer> inner = new ArrayList<>();
    guard.doFilter(anonymous, new MockHttpServletResponse(), (request, response) -> {
      MockHttpServletResponse served = new MockHttpServletResponse();
      guard.doFilter(agent, served, (rq, rs) -> ((MockHttpServletResponse) rs).setStatus(200));
      inner.add(served.getStatus());
    });
    assertThat(inner).as("an agent while an anonymous visitor holds the anonymous place").containsExactly(200);
  }

  @Test
  void noConnectionInTimeIsAFrenchJson503ForAScript() throws Exception {
    when(login.isSignedIn(any())).thenReturn(true);
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(get("/tableau-de-bord", "application/json"), response, (request, rs) -> {
      throw new ServletException(new CannotCreateTransactionException("no connection",
          new SQLTransientConnectionException("construisons - Connection is not available, request timed out after 3000ms")));
    });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).startsWith("application/json");
    assertThat(response.getContentAsString()).contains("\"message\":\"" + OverloadGuard.MESSAGE + "\"");
  }

  @Test
  void theCamundaApplicationsTheApiTheActuatorAndTheFeedAreNotCounted() throws Exception {
    when(login.isSignedIn(any())).thenReturn(false);
    for (String path : List.of("/camunda/app/tasklist/", "/engine-rest/task", "/actuator/health",
        "/api/idees/dernieres", "/ressources/style.css")) {
      List<Integer> inner = new ArrayList<>();
      guard.doFilter(get("/connexion", "text/html"), new MockHttpServletResponse(), (request, response) -> {
        MockHttpServletResponse served = new MockHttpServletResponse();
        guard.doFilter(get(path, "*/*"), served, (rq, rs) -> ((MockHttpServletResponse) rs).setStatus(200));
        inner.add(served.getStatus());
      });
      assertThat(inner).as(path).containsExactly(200);
    }
  }
}
