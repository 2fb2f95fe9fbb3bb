package fr.construisons.security;

import static fr.construisons.idea.IdeaLifecycle.BENEFITS;
import static fr.construisons.idea.IdeaLifecycle.PROBLEM;
import static fr.construisons.idea.IdeaLifecycle.SOLUTION;
import static fr.construisons.idea.IdeaLifecycle.TITLE;

import fr.construisons.support.IdeaScenario;
import java.util.Map;

/**
 * Ideas written by an agent who tries to make other people's screens or the server run what they
 * typed. Each text still passes the form rules (lengths), so it reaches every later step.
 */
final class HostileIdeas {

  // Markup: a script, an image with a handler, an attribute break-out, a Markdown link and a
  // javascript: link. Tasklist renders its text views as Markdown, hence the link.
  static final String MARKUP_TITLE = "<script>alert('x')</script> Idée <b>gras</b>";
  static final String MARKUP_PROBLEM =
      "Les colis s'entassent à l'accueil <img src=x onerror=alert(1)> et personne ne sait à qui ils sont.";
  static final String MARKUP_SOLUTION =
      "Des casiers \"><svg onload=alert(1)> dans chaque hall, ouverts avec le badge de l'agent.";
  static final String MARKUP_BENEFITS = "Moins d'attente & [Valider mon idée](https://hameconnage.example/valider)"
      + " <a href=\"javascript:alert(2)\">ici</a> **vraiment**";

  private HostileIdeas() {}

  /** A valid "Déposer une idée" form whose four texts are the given ones. */
  static Map<String, Object> idea(String title, String problem, String solution, String benefits) {
    Map<String, Object> form = IdeaScenario.ideaForm(false, "dsi");
    form.put(TITLE.name(), title);
    form.put(PROBLEM.name(), problem);
    form.put(SOLUTION.name(), solution);
    form.put(BENEFITS.name(), benefits);
    return form;
  }

  static Map<String, Object> markupIdea() {
    return idea(MARKUP_TITLE, MARKUP_PROBLEM, MARKUP_SOLUTION, MARKUP_BENEFITS);
  }
}
