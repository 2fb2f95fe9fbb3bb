package fr.construisons.security;

import fr.construisons.organisation.PublicPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The login page of our own pages. It signs in to the Camunda web applications at the same time
 * ({@link SharedLogin}); Tasklist's own login works for our pages too.
 */
@PublicPage
@Controller
class LoginController {

  private final SharedLogin login;

  public LoginController(SharedLogin login) {
    this.login = login;
  }

  @GetMapping(AgentPagesSecurity.LOGIN_PATH)
  public String form(@RequestParam(name = "suite", required = false) String next, HttpServletRequest request,
      Model model) {
    if (login.current(request).isPresent()) {
      return "redirect:" + safeTarget(next);
    }
    model.addAttribute("suite", safeTarget(next));
    return "security/login";
  }

  @PostMapping(AgentPagesSecurity.LOGIN_PATH)
  public ModelAndView signIn(@RequestParam(name = "identifiant", defaultValue = "") String userId,
      @RequestParam(name = "motDePasse", defaultValue = "") String password,
      @RequestParam(name = "suite", required = false) String next, HttpServletRequest request) {
    if (login.signIn(request, userId, password).isPresent()) {
      return new ModelAndView("redirect:" + safeTarget(next));
    }
    ModelAndView view = new ModelAndView("security/login", HttpStatus.UNAUTHORIZED);
    view.addObject("suite", safeTarget(next));
    view.addObject("identifiant", userId);
    view.addObject("erreur", "Identifiant ou mot de passe incorrect.");
    return view;
  }

  @PostMapping("/deconnexion")
  public String signOut(HttpServletRequest request) {
    login.signOut(request);
    return "redirect:" + AgentPagesSecurity.LOGIN_PATH + "?deconnecte";
  }

  /** Only a path of this application: a link to the login page cannot send anyone elsewhere. */
  static String safeTarget(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.contains("\r") || next.contains("\n")) {
      return "/idees";
    }
    return next;
  }
}
