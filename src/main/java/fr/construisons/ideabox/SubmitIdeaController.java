package fr.construisons.ideabox;

import fr.construisons.idea.IdeaFormRules;
import fr.construisons.idea.IdeaLifecycle;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.process.Texts;
import fr.construisons.organisation.CurrentAgent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Déposer une idée" from the idea box: a server-rendered form that starts the same process as
 * Tasklist's start form, and the similar ideas shown while the agent types.
 */
@Controller
class SubmitIdeaController {

  static final String FORM = "ideabox/new";

  private final IdeaSubmission submission;
  private final SimilarIdeas similarIdeas;
  private final OrganisationDirectory organisation;

  public SubmitIdeaController(IdeaSubmission submission, SimilarIdeas similarIdeas, OrganisationDirectory organisation) {
    this.submission = submission;
    this.similarIdeas = similarIdeas;
    this.organisation = organisation;
  }

  /** What the success notice on the list says, carried over the redirect. */
  public record SubmittedIdea(String reference, String title) {}

  @GetMapping("/idees/nouvelle")
  public String form(CurrentAgent agent, Model model) {
    IdeaDraft draft = new IdeaDraft();
    draft.setIdeatorDirectorate(organisation.directorateOf(agent.id())
        .map(OrganisationDirectory.Directorate::code).orElse(null));
    return show(model, draft, Map.of(), List.of(), List.of());
  }

  @PostMapping("/idees/nouvelle")
  public String submit(CurrentAgent agent, @ModelAttribute("idea") IdeaDraft draft, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    IdeaSubmission.Outcome outcome = submission.submit(agent, draft);
    if (outcome instanceof IdeaSubmission.Filed filed) {
      // Post/redirect/get: reloading the next page must not file the idea twice.
      redirect.addFlashAttribute("submitted", new SubmittedIdea(filed.reference(), Texts.clean(draft.getTitle())));
      return "redirect:/idees";
    }
    IdeaSubmission.Refused refused = (IdeaSubmission.Refused) outcome;
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    // The similar ideas are shown without JavaScript too, once the agent has posted.
    return show(model, draft, refused.problemsByField(), refused.problems(),
        similarIdeas.find(draft.getTitle(), draft.getProblem()));
  }

  private String show(Model model, IdeaDraft draft, Map<String, List<String>> errors, List<String> problems,
      List<SimilarIdeas.SimilarIdea> similar) {
    model.addAttribute("idea", draft);
    model.addAttribute("errors", errors);
    model.addAttribute("problems", problems);
    model.addAttribute("similar", similar);
    model.addAttribute("directorates", organisation.directorates());
    model.addAttribute("limits", Limits.INSTANCE);
    model.addAttribute("details", IdeaLifecycle.DETAILS);
    return FORM;
  }

  /** The lengths of IdeaFormRules, for the browser's minlength/maxlength (a help, never relied on). */
  public record Limits(int titleMin, int titleMax, int longTextMin, int longTextMax, int benefitsMin, int benefitsMax) {
    static final Limits INSTANCE = new Limits(IdeaFormRules.TITLE_MIN, IdeaFormRules.TITLE_MAX,
        IdeaFormRules.LONG_TEXT_MIN, IdeaFormRules.LONG_TEXT_MAX, IdeaFormRules.BENEFITS_MIN, IdeaFormRules.BENEFITS_MAX);
  }

  /** One similar idea as the page's script shows it. */
  public record SimilarIdeaJson(String reference, String title, String stage, String stageLabel, String url) {}

  public record SimilarIdeasJson(List<SimilarIdeaJson> ideas) {}

  @GetMapping(value = "/idees/similaires", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public SimilarIdeasJson similar(@RequestParam(name = "titre", required = false) String title,
      @RequestParam(name = "probleme", required = false) String problem, HttpServletRequest request) {
    return new SimilarIdeasJson(similarIdeas.find(title, problem).stream()
        .map(s -> new SimilarIdeaJson(s.reference(), s.title(), s.stage().name(), s.stageLabel(),
            request.getContextPath() + "/idees/" + s.reference()))
        .toList());
  }
}
