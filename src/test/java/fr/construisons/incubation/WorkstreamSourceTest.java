package fr.construisons.incubation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.organisation.ExpertGroups;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * {@link Workstream} is the one list of workstreams: what cannot be derived from it (the two forms
 * that need one field or one choice per workstream, the organisation's experts groups) is checked
 * against it, so a new workstream fails here until every place that cannot follow by itself does.
 */
class WorkstreamSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyWorkstreamHasItsExpertsGroupInTheOrganisation() {
    assertThat(Arrays.stream(Workstream.values()).map(Workstream::expertGroup))
        .containsExactlyInAnyOrderElementsOf(ExpertGroups.NAMES.keySet());
  }

  @Test
  void theProjectTeamFormHasOneExpertSelectPerWorkstreamFedByItsCandidates() throws IOException {
    List<String> selects = new ArrayList<>();
    for (JsonNode component : components("forms/form-project-team.form")) {
      if ("select".equals(component.path("type").asText())) {
        selects.add(component.path("key").asText() + " <- " + component.path("valuesKey").asText());
      }
    }
    assertThat(selects).containsAll(Arrays.stream(Workstream.values())
        .map(w -> w.expertVariable().name() + " <- " + w.optionsVariable()).toList());
  }

  @Test
  void thePivotChecklistOffersEveryWorkstream() throws IOException {
    List<String> offered = new ArrayList<>();
    for (JsonNode component : components("forms/decide-implementation.form")) {
      if (Incubation.PIVOT_WORKSTREAMS.equals(component.path("key").asText())) {
        component.path("values").forEach(value -> offered.add(value.path("value").asText()));
      }
    }
    assertThat(offered).containsExactlyElementsOf(Arrays.stream(Workstream.values()).map(Enum::name).toList());
  }

  @Test
  void theCandidateListsAreTheCoachesThenEachWorkstreamsExperts() {
    assertThat(Incubation.CANDIDATE_LISTS).containsExactly("coachOptions", "legalExpertOptions",
        "financeExpertOptions", "marketExpertOptions", "userJourneyExpertOptions");
  }

  private static JsonNode components(String form) throws IOException {
    try (InputStream in = new ClassPathResource(form).getInputStream()) {
      return JSON.readTree(in).path("components");
    }
  }
}
