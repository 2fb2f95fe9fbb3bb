package fr.construisons.ideabox;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaFormRules;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.organisation.CurrentAgent;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Retirer mon idée »: a confirmation page with the reason the process asks for, then the
 * withdrawal (see {@link IdeaWithdrawal}). Only the author reaches either: anyone else gets 403
 * before anything is read of the request, and the process itself refuses any requester but the
 * author. A refusal (reason too short, idea closed meanwhile) comes back on the page with what was
 * typed.
 */
@Controller
class IdeaWithdrawalController {

  static final String VIEW = "ideabox/withdraw";

  private final IdeaRepository catalogue;
  private final IdeaWithdrawal withdrawal;

  public IdeaWithdrawalController(IdeaRepository catalogue, IdeaWithdrawal withdrawal) {
    this.catalogue = catalogue;
    this.withdrawal = withdrawal;
  }

  @GetMapping("/idees/{reference}/retrait")
  public ModelAndView confirm(@PathVariable String reference, CurrentAgent agent) {
    Idea idea = authorsIdea(reference, agent);
    if (!IdeaWithdrawal.offered(idea, agent)) {
      // Already closed or in incubation: the idea's page says where it stands.
      return new ModelAndView("redirect:/idees/{reference}");
    }
    return view(idea, HttpStatus.OK, "", List.of());
  }

  @PostMapping("/idees/{reference}/retrait")
  public ModelAndView withdraw(@PathVariable String reference, CurrentAgent agent,
      @RequestParam(name = "motif", defaultValue = "") String reason, RedirectAttributes flash) {
    Idea idea = authorsIdea(reference, agent);
    List<String> problems = withdrawal.withdraw(agent, idea.reference(), reason);
    if (!problems.isEmpty()) {
      return view(idea, HttpStatus.BAD_REQUEST, reason, problems);
    }
    flash.addFlashAttribute("annonce", "Votre idée " + idea.reference() + " est retirée : son instruction s'arrête.");
    return new ModelAndView("redirect:/idees/{reference}");
  }

  private Idea authorsIdea(String reference, CurrentAgent agent) {
    Idea idea = catalogue.find(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such idea"));
    if (!idea.ideator().equals(agent.id())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the author withdraws an idea");
    }
    return idea;
  }

  private static ModelAndView view(Idea idea, HttpStatus status, String reason, List<String> problems) {
    ModelAndView view = new ModelAndView(VIEW, status);
    view.addObject("idea", idea);
    view.addObject("motif", reason);
    view.addObject("problems", problems);
    view.addObject("reasonMinLength", IdeaFormRules.NOTE_MIN);
    view.addObject("reasonMaxLength", IdeaFormRules.REASON_MAX);
    return view;
  }
}
