package fr.construisons.ideabox;

import fr.construisons.organisation.PublicPage;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The latest public ideas for the intranet's home page, read anonymously by the intranet server:
 * public fields only, and the author's name only when they agreed to it.
 */
@PublicPage
@RestController
public class LatestIdeasFeed {

  public static final int DEFAULT_COUNT = 10;
  public static final int MAX_COUNT = 50;
  static final int EXCERPT_LENGTH = 280;

  private final IdeaBoxQueries queries;
  private final String baseUrl;

  public LatestIdeasFeed(IdeaBoxQueries queries, @Value("${construisons.base-url:http://localhost:8080}") String baseUrl) {
    this.queries = queries;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  public record Stage(String code, String label) {}

  /** {@code authorName} is left out of the JSON, not null, when the author did not consent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FeedIdea(String reference, String title, String problemExcerpt, String directorate, Stage stage,
      OffsetDateTime submittedAt, String url, String authorName, long supports) {}

  public record Feed(List<FeedIdea> ideas) {}

  @GetMapping(value = "/api/idees/dernieres", produces = MediaType.APPLICATION_JSON_VALUE)
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
    List<FeedIdea> ideas = queries.latest(number).stream().map(this::toFeed).toList();
    // The intranet's home page is read by everyone: a minute of caching spares the database.
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic())
        .contentType(MediaType.APPLICATION_JSON).body(new Feed(ideas));
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
