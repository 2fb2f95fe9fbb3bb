package fr.construisons.ideabox;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.organisation.CurrentAgent;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of one idea: its public content, its public steps, the agents' supports and comments,
 * and the moderation of comments by the innovation team. Every form posts then redirects
 * (Post/Redirect/Get), except when what was typed must be corrected: the page comes back with
 * status 400, the error next to the field and the text kept.
 */
@Controller
class IdeaPageController {

  static final String VIEW = "ideabox/idea";

  private final IdeaBoxQueries queries;
  private final IdeaRepository catalogue;
  private final IdeaTimeline timeline;
  private final IdeaSupports supports;
  private final IdeaComments comments;

  public IdeaPageController(IdeaBoxQueries queries, IdeaRepository catalogue, IdeaTimeline timeline,
      IdeaSupports supports, IdeaComments comments) {
    this.queries = queries;
    this.catalogue = catalogue;
    this.timeline = timeline;
    this.supports = supports;
    this.comments = comments;
  }

  @GetMapping("/idees/{reference}")
  public ModelAndView page(@PathVariable String reference, CurrentAgent agent) {
    return page(reference, agent, HttpStatus.OK, Map.of());
  }

  @PostMapping("/idees/{reference}/soutien")
  public String support(@PathVariable String reference, CurrentAgent agent,
      @RequestParam(name = "soutenir", required = false) String wanted, RedirectAttributes flash) {
    idea(reference);
    // The button says what pressing it does; without it (an old form), pressing toggles.
    switch (wanted == null ? "" : wanted) {
      case "oui" -> supports.set(reference, agent.id(), true);
      case "non" -> supports.set(reference, agent.id(), false);
      default -> supports.toggle(reference, agent.id());
    }
    flash.addFlashAttribute("annonce", supports.supports(reference, agent.id())
        ? "Votre soutien est enregistré." : "Votre soutien est retiré.");
    return "redirect:/idees/{reference}#soutien";
  }

  @PostMapping("/idees/{reference}/commentaires")
  public ModelAndView comment(@PathVariable String reference, CurrentAgent agent,
      @RequestParam(name = "commentaire", defaultValue = "") String body, RedirectAttributes flash) {
    idea(reference);
    Optional<String> problem = IdeaComments.problemWith(body);
    if (problem.isPresent()) {
      return page(reference, agent, HttpStatus.BAD_REQUEST,
          Map.of("commentaire", body, "erreurCommentaire", problem.get()));
    }
    long id = comments.add(reference, agent.id(), body);
    flash.addFlashAttribute("annonce", "Votre commentaire est publié.");
    return new ModelAndView("redirect:/idees/{reference}#commentaire-" + id);
  }

  @PostMapping("/idees/{reference}/commentaires/{id}/masquer")
  public ModelAndView hide(@PathVariable String reference, @PathVariable long id, CurrentAgent agent,
      @RequestParam(name = "motif", defaultValue = "") String reason, RedirectAttributes flash) {
    // Checked first: an agent learns nothing about which comments exist.
    if (!agent.mayModerate()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the innovation team moderates comments");
    }
    idea(reference);
    if (!comments.exists(reference, id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No comment " + id + " on " + reference);
    }
    Optional<String> problem = IdeaComments.problemWithReason(reason);
    if (problem.isPresent()) {
      return page(reference, agent, HttpStatus.BAD_REQUEST,
          Map.of("masquage", id, "motif", reason, "erreurMotif", problem.get()));
    }
    comments.hide(reference, id, agent.id(), reason);
    flash.addFlashAttribute("annonce", "Le commentaire est masqué.");
    return new ModelAndView("redirect:/idees/{reference}#commentaire-" + id);
  }

  private ModelAndView page(String reference, CurrentAgent agent, HttpStatus status, Map<String, Object> form) {
    PublicIdea idea = queries.find(reference).orElseThrow(IdeaPageController::notFound);
    Idea catalogued = idea(reference);
    ModelAndView view = new ModelAndView(VIEW, status);
    ModelMap model = view.getModelMap();
    model.addAttribute("idea", idea);
    model.addAttribute("steps", timeline.of(catalogued));
    model.addAttribute("comments", comments.of(reference));
    model.addAttribute("supported", supports.supports(reference, agent.id()));
    model.addAttribute("isAuthor", catalogued.ideator().equals(agent.id()));
    model.addAttribute("withdrawable", IdeaWithdrawal.offered(catalogued, agent));
    model.addAttribute("commentMaxLength", IdeaComments.MAX_LENGTH);
    model.addAttribute("commentMinLength", IdeaComments.MIN_LENGTH);
    model.addAttribute("reasonMaxLength", IdeaComments.MAX_REASON_LENGTH);
    model.addAllAttributes(form);
    return view;
  }

  private Idea idea(String reference) {
    return catalogue.find(reference).orElseThrow(IdeaPageController::notFound);
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such idea");
  }
}
