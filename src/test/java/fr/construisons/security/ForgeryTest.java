package fr.construisons.security;

import fr.construisons.idea.IdeaService;
import fr.construisons.security.Forgery.Snapshot;
import fr.construisons.support.EmptyMailbox;
import fr.construisons.support.Http;
import fr.construisons.support.IdeaScenario;
import fr.construisons.support.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared set-up of the black-box attack tests, one class per role: the real application on a
 * random port, the scenario that brings an idea to the step under attack, and the snapshot that
 * proves a refused request left nothing behind.
 */
@ProcessTest
@ExtendWith(EmptyMailbox.class)
abstract class ForgeryTest {

  static final String REST = "/engine-rest";
  static final String TASKLIST_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired IdeaScenario scenario;
  @Autowired ProcessEngine engine;
  @Autowired IdeaService ideas;
  @Autowired JdbcTemplate jdbc;

  /** The REST API with the user's own (demo) password. */
  Http as(String user) {
    return Http.anonymous(port).as(user);
  }

  /** Signed in to Tasklist, calling its API as the web application does. */
  Http tasklistAs(String user) {
    return Http.anonymous(port).webappSession(user, "tasklist");
  }

  Snapshot snapshot(String reference, String... instances) {
    return Forgery.take(engine, ideas, jdbc, reference, instances);
  }
}
