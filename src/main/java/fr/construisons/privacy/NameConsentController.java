package fr.construisons.privacy;

import fr.construisons.organisation.CurrentAgent;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The author's « Afficher mon nom » / « Ne plus afficher mon nom » on their idea's page. */
@Controller
class NameConsentController {

  private final NameConsent consent;

  public NameConsentController(NameConsent consent) {
    this.consent = consent;
  }

  @PostMapping("/idees/{reference}/nom")
  public String choose(@PathVariable String reference, CurrentAgent agent,
      @RequestParam(name = "afficher", defaultValue = "") String wanted, RedirectAttributes flash) {
    // The form says which state is wanted: a double click never undoes the first one.
    if (!wanted.equals("oui") && !wanted.equals("non")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "afficher: oui ou non");
    }
    boolean shown = wanted.equals("oui");
    try {
      if (!consent.choose(reference, agent.id(), shown)) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such idea");
      }
    } catch (NameConsent.NotTheAuthor e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
    }
    flash.addFlashAttribute("annonce", shown
        ? "Votre nom est désormais affiché avec cette idée."
        : "Votre nom n'est plus affiché avec cette idée.");
    return "redirect:/idees/{reference}#mon-nom";
  }
}
