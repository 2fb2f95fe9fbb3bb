package fr.construisons.ideabox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Issue 17: the feed bounds its own database reads. While the allowed reads are under way, a
 * request that would need another (another number of ideas, nothing kept for it) is refused at
 * once with 503, Retry-After and a French message; a read that found no connection in time too.
 * A read "under way" here is the one whose query makes the next request: no threads, no timing.
 */
class LatestIdeasFeedReadsTest {

  private final IdeaBoxQueries queries = mock(IdeaBoxQueries.class);
  private final LatestIdeasFeed feed = new LatestIdeasFeed(queries, "http://localhost", 1, Duration.ofSeconds(5));

  @Test
  void aReadBeyondTheBoundIsRefusedPolitelyAndTheNextOneServed() {
    List<ResponseEntity<?>> during = new ArrayList<>();
    when(queries.latest(1)).thenAnswer(call -> {
      during.add(feed.latest("2"));
      return List.of();
    });
    assertThat(feed.latest("1").getStatusCode().value()).isEqualTo(200);

    ResponseEntity<?> refused = during.get(0);
    assertThat(refused.getStatusCode().value()).isEqualTo(503);
    assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(refused.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(((Map<?, ?>) refused.getBody()).get("message")).isEqualTo(LatestIdeasFeed.BUSY);

    when(queries.latest(2)).thenReturn(List.of());
    assertThat(feed.latest("2").getStatusCode().value()).as("the read is over: room again").isEqualTo(200);
  }

  @Test
  void noConnectionInTimeIsBusyNotAnError() {
    when(queries.latest(3)).thenThrow(new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection",
        new java.sql.SQLTransientConnectionException("Connection is not available, request timed out after 3000ms")));
    ResponseEntity<?> answer = feed.latest("3");
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
  }
}
