package fr.construisons.ideabox;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.organisation.PublicPage;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.RestController;

/**
 * The latest public ideas for the intranet's home page, read anonymously by the intranet server:
 * public fields only, and the author's name only when they agreed to it.
 *
 * <p>Every visitor of the intranet's home page may ask for it at once: the answer is kept here for
 * as long as the response lets a client keep it ({@link #MAX_AGE}), one per number of ideas asked
 * for, and concurrent requests for the same number while it is being read wait for that one read
 * (issue 17: a burst costs one query per number, not one per request). Any write to the catalogue
 * (a new idea, a stage, a name shown or hidden, an anonymisation) drops what is kept once it is
 * committed, so the feed never lags behind the idea box.
 */
@PublicPage
@RestController
public class LatestIdeasFeed {

  public static final String PATH = "/api/idees/dernieres";
  /** Said when the feed cannot be read now; security's OverloadGuard says the same for our pages. */
  public static final String BUSY = "Le service est très sollicité en ce moment : réessayez dans quelques secondes.";
  public static final int DEFAULT_COUNT = 10;
  public static final int MAX_COUNT = 50;
  static final int EXCERPT_LENGTH = 280;
  /** How long the intranet (Cache-Control) and this server keep an answer. */
  static final Duration MAX_AGE = Duration.ofSeconds(60);

  private final IdeaBoxQueries queries;
  private final String baseUrl;
  /**
   * The feed is let through our pages' overload guard (its answers kept here cost nothing) and
   * bounds its own database reads instead: at most this many at once (one per number asked for,
   * concurrent requests for the same number waiting for that one read), the next refused at once.
   */
  private final Bulkhead reads;
  private final long retryAfterSeconds;
  /** Bounded: one entry per number of ideas (1 to MAX_COUNT). */
  private final Cache<Integer, Kept> kept = Caffeine.newBuilder()
      .maximumSize(MAX_COUNT)
      .expireAfterWrite(MAX_AGE)
      .build();

  /** Counts the catalogue's changes: an answer read before the last one is never served. */
  private final AtomicLong changes = new AtomicLong();

  /** An answer, when it was read (for its {@code Age} header) and how many changes it had seen. */
  private record Kept(Feed feed, Instant readAt, long changesSeen) {}

  public LatestIdeasFeed(IdeaBoxQueries queries, @Value("${construisons.base-url:http://localhost:8080}") String baseUrl,
      @Value("${construisons.load.feed-reads}") int concurrentReads,
      @Value("${construisons.load.retry-after}") Duration retryAfter) {
    this.queries = queries;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.reads = Bulkhead.of("feed-reads", BulkheadConfig.custom().maxConcurrentCalls(concurrentReads)
        .maxWaitDuration(Duration.ZERO).build());
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
  }

  /** No read of the feed could start: too many are under way. */
  private static final class Busy extends RuntimeException {
    Busy() {
      super("Too many reads of the feed at once", null, false, false);
    }
  }

  public record Stage(String code, String label) {}

  /** {@code authorName} is left out of the JSON, not null, when the author did not consent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FeedIdea(String reference, String title, String problemExcerpt, String directorate, Stage stage,
      OffsetDateTime submittedAt, String url, String authorName, long supports) {}

  public record Feed(List<FeedIdea> ideas) {}

  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> latest(@RequestParam(name = "nombre", required = false) String count) {
    int number;
    try {
      number = count == null || count.isBlank() ? DEFAULT_COUNT : Integer.parseInt(count.strip());
    } catch (NumberFormatException e) {
      number = -1;
    }
    if (number < 1 || number > MAX_COUNT) {
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("type", "InvalidRequest",
              "message", "Le paramètre « nombre » doit être un nombre entier de 1 à " + MAX_COUNT + "."));
    }
    Kept answer;
    try {
      answer = kept(number);
    } catch (Busy busy) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", Long.toString(retryAfterSeconds)).cacheControl(CacheControl.noStore())
          .contentType(MediaType.APPLICATION_JSON).body(Map.of("type", "ServiceBusy", "message", BUSY));
    }
    // The intranet's home page is read by everyone: a minute of caching spares the database. An
    // answer kept here for a while says how old it is (RFC 9111 Age), so the intranet's own cache
    // keeps it only for the rest of the minute.
    long age = Math.max(0, Duration.between(answer.readAt(), Instant.now()).toSeconds());
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(MAX_AGE.toSeconds(), TimeUnit.SECONDS).cachePublic())
        .header("Age", Long.toString(age))
        .contentType(MediaType.APPLICATION_JSON).body(answer.feed());
  }

  private Kept kept(int number) {
    while (true) {
      long seen = changes.get();
      Kept answer = kept.get(number, n -> read(n, seen));
      // A read that began before a change and ended after it (Caffeine leaves such an entry to
      // chance on invalidateAll) is dropped and read again.
      if (answer.changesSeen() >= changes.get()) {
        return answer;
      }
      kept.asMap().remove(number, answer);
    }
  }

  private Kept read(int number, long changesSeen) {
    if (!reads.tryAcquirePermission()) {
      throw new Busy();
    }
    try {
      return new Kept(new Feed(queries.latest(number).stream().map(this::toFeed).toList()), Instant.now(), changesSeen);
    } catch (RuntimeException e) {
      // No connection within the pool's timeout: busy, said as such, rather than a 500.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof java.sql.SQLTransientConnectionException) {
          throw new Busy();
        }
      }
      throw e;
    } finally {
      reads.onComplete();
    }
  }

  /**
   * A write to the catalogue was committed (or made outside a transaction): what is kept is out
   * of date. A read under way when this runs is dropped as soon as it finishes.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void catalogueChanged(IdeaRepository.Changed change) {
    changes.incrementAndGet();
    kept.invalidateAll();
  }

  private FeedIdea toFeed(PublicIdea idea) {
    return new FeedIdea(idea.reference(), idea.title(), excerpt(idea.problem()), idea.directorateName(),
        new Stage(idea.stage().name(), idea.stageLabel()), paris(idea.submittedAt()),
        baseUrl + "/idees/" + idea.reference(), idea.authorName(), idea.supports());
  }

  private static OffsetDateTime paris(Instant instant) {
    return instant.atZone(IdeaBoxQueries.PARIS).toOffsetDateTime();
  }

  /** The first characters, cut at a word and marked with an ellipsis. */
  static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.length() <= EXCERPT_LENGTH) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', EXCERPT_LENGTH - 1);
    return flat.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH - 1).strip() + "…";
  }
}
