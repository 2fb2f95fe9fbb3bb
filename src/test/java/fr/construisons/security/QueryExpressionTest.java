package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.web.WebTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JUEL expressions in task queries ({@code assigneeExpression}, {@code dueDateExpression}, …) are
 * evaluated on the server and reach every Spring bean. The engine forbids them in ad-hoc queries,
 * but not inside {@code orQueries}, and a stored filter evaluates whatever its creator stored.
 */
@WebTest
class QueryExpressionTest {

  private static final String PROBE = "${expressionProbe.witness('camille')}";

  @LocalServerPort int port;
  @Autowired ExpressionProbe probe;
  @Autowired FilterService filters;

  Http camille;
  int callsBefore;

  @BeforeEach
  void setUp() {
    camille = Http.anonymous(port).as("camille");
    callsBefore = probe.calls();
  }

  @AfterEach
  void deleteFiltersOfTheTest() {
    filters.createFilterQuery().filterName("Injection").list()
        .forEach(filter -> filters.deleteFilter(filter.getId()));
  }

  @Test
  void aTopLevelExpressionIsRefusedByTheEngine() {
    Http.Response response = camille.postJson("/engine-rest/task", Map.of("assigneeExpression", PROBE));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(probe.calls()).isEqualTo(callsBefore);
  }

  @Test
  void anExpressionInsideOrQueriesIsEvaluatedForAnAgent() {
    Http.Response response = camille.postJson("/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", PROBE))));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(probe.calls()).as("the expression ran on the server").isEqualTo(callsBefore + 1);
  }

  @Test
  void theWebappsInternalApiEvaluatesItToo() {
    Http tasklist = Http.anonymous(port).webappSession("camille", "tasklist");

    Http.Response response = tasklist.postJson("/camunda/api/engine/engine/default/task",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", PROBE))));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(probe.calls()).isEqualTo(callsBefore + 1);
  }

  @Test
  void anAgentStoresAFilterWithAnExpressionAndItRunsOnEachUse() {
    Http.Response created = camille.postJson("/engine-rest/filter/create", Map.of(
        "resourceType", "Task", "name", "Injection",
        "query", Map.of("assigneeExpression", PROBE)));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);

    Http.Response listed = camille.postJson(
        "/engine-rest/filter/" + created.json().path("id").asText() + "/list", Map.of());

    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(probe.calls()).isEqualTo(callsBefore + 1);
  }

  @Test
  void anExtendingQueryCarriesOrQueryExpressionsIntoAnyFilter() {
    String allTasks = filters.createFilterQuery().filterName("Toutes les tâches").singleResult().getId();

    Http.Response listed = camille.postJson("/engine-rest/filter/" + allTasks + "/list",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", PROBE))));

    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(probe.calls()).isEqualTo(callsBefore + 1);
  }
}
