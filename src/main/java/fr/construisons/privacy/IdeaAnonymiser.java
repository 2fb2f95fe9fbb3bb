package fr.construisons.privacy;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.ideabox.IdeaComments;
import fr.construisons.ideabox.IdeaSupports;
import fr.construisons.incubation.WorkstreamReviewRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the people out of a closed idea once its retention period is over, in the project's tables
 * and in the engine's history, in one transaction. What stays is what the scheme publishes and
 * counts: the idea's content, directorate, dates, stage, public decisions and the number of
 * supports, so the idea box and the dashboard's figures do not change. {@code idea.anonymised_at}
 * says it was done (the ideator may already read "anonyme" after erasing their own data, while the
 * others named in the idea are still there).
 */
@Service
public class IdeaAnonymiser {

  /** Stands for a person who is no longer named. */
  public static final String ANONYMOUS = "anonyme";
  /** Replaces a free text that could identify a person. */
  public static final String ANONYMISED = "[anonymisé]";

  private final IdeaRepository ideas;
  private final IdeaComments comments;
  private final IdeaSupports supports;
  private final WorkstreamReviewRepository workstreamReviews;
  private final EngineHistoryAnonymiser engineHistory;

  public IdeaAnonymiser(IdeaRepository ideas, IdeaComments comments, IdeaSupports supports,
      WorkstreamReviewRepository workstreamReviews, EngineHistoryAnonymiser engineHistory) {
    this.ideas = ideas;
    this.comments = comments;
    this.supports = supports;
    this.workstreamReviews = workstreamReviews;
    this.engineHistory = engineHistory;
  }

  /**
   * Closed ideas past the cut-off in which somebody is still named, oldest first: not anonymised
   * yet, or anonymised but commented or supported since (the idea box stays open to them).
   */
  public List<String> closedOnOrBefore(Instant cutoff, int max) {
    return ideas.closedAndNamedOnOrBefore(cutoff, ANONYMOUS + "-%", max);
  }

  /**
   * Returns false, changing nothing, when the idea is unknown or still open (an idea reopened
   * cannot happen today, but an anonymised running process would break).
   */
  @Transactional
  public boolean anonymise(String reference, Instant now) {
    Boolean closed = ideas.closed(reference).orElse(null);
    if (closed == null || !closed) {
      return false;
    }
    ideas.anonymise(reference, ANONYMOUS, now);
    // Supports stay counted: each supporter becomes a stranger.
    supports.supportersOf(reference).forEach(agent -> stranger(supports, reference, agent));
    // A comment is its author's opinion in their own words: without its author it would still
    // point at them, so it goes.
    comments.deleteAllOn(reference);
    workstreamReviews.anonymise(reference, ANONYMOUS, ANONYMISED);
    engineHistory.anonymiseInstances(engineHistory.finishedInstancesOf(reference));
    return true;
  }

  /**
   * Replaces a supporter by a pseudonym nobody can trace back (random, never derived from the id),
   * unique so the idea's count of supports stays the same.
   */
  static void stranger(IdeaSupports supports, String reference, String agent) {
    supports.replaceSupporter(reference, agent, ANONYMOUS + "-" + UUID.randomUUID());
  }
}
