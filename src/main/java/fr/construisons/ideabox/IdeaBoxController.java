package fr.construisons.ideabox;

import fr.construisons.idea.IdeaStage;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.organisation.CurrentAgent;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The shared idea box: every agent sees every idea and where it stands. */
@Controller
class IdeaBoxController {

  private final IdeaBoxQueries queries;
  private final OrganisationDirectory organisation;

  public IdeaBoxController(IdeaBoxQueries queries, OrganisationDirectory organisation) {
    this.queries = queries;
    this.organisation = organisation;
  }

  @GetMapping("/idees")
  public String list(CurrentAgent agent,
      @RequestParam(name = "recherche", required = false) String text,
      @RequestParam(name = "etape", required = false) String stage,
      @RequestParam(name = "direction", required = false) String directorate,
      @RequestParam(name = "annee", required = false) String year,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    // Unknown filter values (an old link, a typo) are ignored rather than refused.
    IdeaStage stageFilter = Arrays.stream(IdeaStage.values()).filter(s -> s.name().equals(stage)).findFirst().orElse(null);
    IdeaBoxQueries.Search search = new IdeaBoxQueries.Search(text, stageFilter, directorate,
        number(year).filter(y -> y >= 2000 && y <= 2200).orElse(null), number(page).orElse(1));
    model.addAttribute("search", search);
    model.addAttribute("result", queries.search(search));
    model.addAttribute("stages", IdeaStage.values());
    model.addAttribute("directorates", organisation.directorates());
    model.addAttribute("years", queries.years());
    return "ideabox/list";
  }

  private static Optional<Integer> number(String value) {
    try {
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
