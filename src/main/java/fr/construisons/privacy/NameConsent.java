package fr.construisons.privacy;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.privacy.PersonalDataLog.Action;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ideator's consent to show their name with an idea: given (or not) at submission, changed
 * later by the ideator alone, each change logged. Every page and feed reads it from the idea.
 */
@Service
public class NameConsent {

  /** Somebody other than the idea's author tried to change it. */
  public static class NotTheAuthor extends RuntimeException {
    NotTheAuthor(String reference) {
      super("Only the author of " + reference + " chooses whether their name is shown");
    }
  }

  private final IdeaRepository catalogue;
  private final PersonalDataLog log;

  public NameConsent(IdeaRepository catalogue, PersonalDataLog log) {
    this.catalogue = catalogue;
    this.log = log;
  }

  /** Returns false when the idea does not exist; changes nothing when the choice is the same. */
  @Transactional
  public boolean choose(String reference, String agent, boolean shown) {
    Optional<Idea> idea = catalogue.find(reference);
    if (idea.isEmpty()) {
      return false;
    }
    if (!idea.get().ideator().equals(agent)) {
      throw new NotTheAuthor(reference);
    }
    if (idea.get().ideatorNameShown() != shown) {
      catalogue.showIdeatorName(reference, shown);
      log.record(agent, agent, shown ? Action.NAME_SHOWN : Action.NAME_HIDDEN, reference);
    }
    return true;
  }
}
