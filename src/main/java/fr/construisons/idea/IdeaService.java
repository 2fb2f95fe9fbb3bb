package fr.construisons.idea;

import fr.construisons.process.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/** The idea catalogue's use cases; runs inside the engine's transaction. */
@Service
public class IdeaService {

  private final IdeaRepository repository;
  private final ReferenceGenerator references;

  public IdeaService(IdeaRepository repository, ReferenceGenerator references) {
    this.repository = repository;
    this.references = references;
  }

  /** What an agent submits; validated by {@link IdeaFormRules} before it gets here. */
  public record Submission(String title, String problem, String solution, String benefits,
      String ideator, String ideatorDirectorate, List<String> impactedDirectorates, boolean wantsToCarry,
      boolean ideatorNameShown, Map<String, String> details) {

    /** Without details (the submissions of model versions before there were any). */
    public Submission(String title, String problem, String solution, String benefits, String ideator,
        String ideatorDirectorate, List<String> impactedDirectorates, boolean wantsToCarry, boolean ideatorNameShown) {
      this(title, problem, solution, benefits, ideator, ideatorDirectorate, impactedDirectorates, wantsToCarry,
          ideatorNameShown, Map.of());
    }
  }

  /** Gives the idea its reference and puts it in the catalogue. */
  public Idea register(Submission submission, String processInstanceId) {
    Idea idea = new Idea(references.next(), Texts.clean(submission.title()), Texts.clean(submission.problem()),
        Texts.clean(submission.solution()), Texts.clean(submission.benefits()), submission.ideator(),
        submission.ideatorDirectorate(), submission.impactedDirectorates(), submission.wantsToCarry(),
        IdeaStage.SUBMITTED, processInstanceId, now(), null, null, submission.ideatorNameShown(),
        cleaned(submission.details()));
    repository.insert(idea);
    return idea;
  }

  public void reformulate(String reference, Submission content) {
    repository.updateContent(reference, Texts.clean(content.title()), Texts.clean(content.problem()),
        Texts.clean(content.solution()), Texts.clean(content.benefits()), content.impactedDirectorates(),
        content.wantsToCarry(), cleaned(content.details()));
  }

  private static Map<String, String> cleaned(Map<String, String> details) {
    Map<String, String> cleaned = new java.util.LinkedHashMap<>();
    details.forEach((name, value) -> cleaned.put(name, Texts.clean(value)));
    return IdeaDetail.present(IdeaLifecycle.DETAILS, cleaned);
  }

  /** Moves the idea; a closing stage records the reason told to the ideator. */
  public Idea moveToStage(String reference, IdeaStage stage, String reason) {
    repository.moveToStage(reference, stage, reason, now());
    return get(reference);
  }

  public Optional<Idea> find(String reference) {
    return repository.find(reference);
  }

  public Idea get(String reference) {
    return find(reference).orElseThrow(() -> new IllegalStateException("No idea " + reference));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
