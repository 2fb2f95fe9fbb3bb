package fr.construisons.idea;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.process.VariableFate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A detail declared in {@link IdeaLifecycle#DETAILS} is what Tasklist's forms ask too: the
 * submission and the reformulation offer it with the same label and length, never required, so
 * an agent meets the same field on our page and in Tasklist.
 */
class IdeaDetailsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"submit-idea", "reformulate-idea"})
  void theFormsWhereAnAgentWritesTheIdeaOfferEveryDetailAsDeclared(String form) throws IOException {
    JsonNode components = JSON.readTree(Path.of("forms", form + ".form").toFile()).get("components");
    SoftAssertions softly = new SoftAssertions();
    for (IdeaDetail detail : IdeaLifecycle.DETAILS) {
      JsonNode field = StreamSupport.stream(components.spliterator(), false)
          .filter(component -> detail.name().equals(component.path("key").asText()))
          .findFirst().orElse(null);
      softly.assertThat(field).as(form + " has the field " + detail.name()).isNotNull();
      if (field == null) {
        continue;
      }
      softly.assertThat(field.path("label").asText()).as(detail.name() + " label").isEqualTo(detail.label());
      softly.assertThat(field.path("disabled").asBoolean(false)).as(detail.name() + " writable").isFalse();
      softly.assertThat(field.path("validate").path("maxLength").asInt()).as(detail.name() + " maxLength")
          .isEqualTo(detail.maxLength());
      softly.assertThat(field.path("validate").path("required").asBoolean(false)).as(detail.name() + " optional")
          .isFalse();
    }
    softly.assertAll();
  }

  @Test
  void everyDetailIsKeptWithTheIdeasContent() {
    for (IdeaDetail detail : IdeaLifecycle.DETAILS) {
      assertThat(IdeaLifecycle.VARIABLES.fates()).containsEntry(detail.name(), VariableFate.KEPT);
    }
  }
}
