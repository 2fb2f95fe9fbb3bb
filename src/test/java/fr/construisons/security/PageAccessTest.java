package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.organisation.PageFor;
import fr.construisons.organisation.PublicPage;
import fr.construisons.support.Http;
import fr.construisons.support.ProcessTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of ours needs a signed-in agent by default: for each handler of a controller in
 * {@code fr.construisons} that is not a {@link PublicPage}, an anonymous GET is sent to the login
 * page and an anonymous POST refused, and a {@link PageFor} page refuses agents outside its
 * groups. A new page is covered the day it is written, with no list to update.
 */
@ProcessTest
class PageAccessTest {

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  record Page(String method, String path, HandlerMethod handler) {}

  List<Page> ourPages() {
    List<Page> pages = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = entry.getValue();
      if (!handler.getBeanType().getPackageName().startsWith("fr.construisons.")) {
        continue;
      }
      for (String pattern : entry.getKey().getPatternValues()) {
        String path = pattern.replace("{reference}", "CONS-2026-0001").replace("{id}", "1");
        var methods = entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        // A mapping without a method answers them all: try it as a page and as a form.
        (methods.isEmpty() ? List.of("GET", "POST") : methods)
            .forEach(method -> pages.add(new Page(method, path, handler)));
      }
    }
    return pages;
  }

  static boolean isPublic(HandlerMethod handler) {
    return handler.hasMethodAnnotation(PublicPage.class)
        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicPage.class);
  }

  @Test
  void everyPageButThePublicOnesNeedsASignedInAgent() {
    List<Page> pages = ourPages();
    assertThat(pages).extracting(Page::path).contains("/idees", "/tableau-de-bord", "/mes-donnees");
    Http anonymous = Http.anonymous(port);
    // A visitor with a session and a valid CSRF token (from the public login page), so that a form
    // post is judged on the sign-in, not stopped earlier by the CSRF filter.
    Http visitor = Http.browser(port);
    visitor.get("/connexion");
    for (Page page : pages) {
      if (isPublic(page.handler())) {
        continue;
      }
      if (page.method().equals("GET")) {
        Http.Response response = anonymous.get(page.path());
        assertThat(response.status()).as("anonymous GET %s", page.path()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as("GET %s", page.path())
            .hasValueSatisfying(location -> assertThat(location).startsWith("/connexion?suite="));
      } else {
        Http.Response response = visitor.post(page.path(), Map.of("texte", "x"));
        assertThat(response.status()).as("anonymous %s %s", page.method(), page.path()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as("%s %s", page.method(), page.path())
            .hasValueSatisfying(location -> assertThat(location).startsWith("/connexion?suite="));
      }
    }
  }

  @Test
  void aPageForSomeGroupsRefusesTheOtherAgents() {
    List<Page> restricted = ourPages().stream().filter(page -> page.method().equals("GET"))
        .filter(page -> AnnotatedElementUtils.hasAnnotation(page.handler().getBeanType(), PageFor.class)
            || page.handler().hasMethodAnnotation(PageFor.class))
        .toList();
    assertThat(restricted).extracting(Page::path).contains("/tableau-de-bord");
    Http agent = Http.signedIn(port, "camille");
    Http team = Http.signedIn(port, "lea");
    for (Page page : restricted) {
      assertThat(agent.get(page.path()).status()).as("camille on %s", page.path()).isEqualTo(403);
      assertThat(team.get(page.path()).status()).as("léa on %s", page.path()).isEqualTo(200);
    }
  }
}
