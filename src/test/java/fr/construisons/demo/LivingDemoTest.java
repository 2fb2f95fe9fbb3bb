package fr.construisons.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.ideabox.IdeaSupports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's first start: the living demo fills an empty scheme through the engine, as
 * the demo users, and never twice. A database of its own (the other tests' catalogue is not
 * empty), mail to the outbox as in the demo run.
 */
@SpringBootTest(properties = {
    "construisons.demo.living-scheme=true",
    // An engine of its own name: the shared context's REST API looks "default" up by name.
    "camunda.bpm.generate-unique-process-engine-name=true",
    "spring.datasource.url=jdbc:h2:mem:living-demo;DB_CLOSE_DELAY=-1",
    "spring.datasource.username=sa",
    "spring.datasource.password=",
    "construisons.mail.delivery=outbox",
    "construisons.mail.outbox-directory=target/living-demo-outbox"})
@ActiveProfiles({"demo", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LivingDemoTest {

  @Autowired LivingDemo demo;
  @Autowired IdeaRepository catalogue;
  @Autowired IdeaSupports supports;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;

  @Test
  void theFirstStartShowsASchemeAtWorkAndASecondOneAddsNothing() throws Exception {
    assertThat(demo.outcome().get(5, TimeUnit.MINUTES)).as("seeded at start-up").isTrue();

    Map<String, IdeaStage> stages = jdbc.sql("select title, stage from idea").query((rs, row) ->
        Map.entry(rs.getString("title"), IdeaStage.valueOf(rs.getString("stage")))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(stages).hasSize(13);
    assertThat(stages.values()).contains(IdeaStage.CLARIFICATION, IdeaStage.REVIEW, IdeaStage.EXPERIMENT,
        IdeaStage.FEASIBILITY_STUDY, IdeaStage.FORWARDED, IdeaStage.INCUBATION, IdeaStage.IMPLEMENTED,
        IdeaStage.NOT_FEASIBLE, IdeaStage.OUT_OF_SCOPE, IdeaStage.WITHDRAWN, IdeaStage.DUPLICATE);
    assertThat(stages).containsEntry("Des formations en ligne de type MOOC pour les agents", IdeaStage.IMPLEMENTED)
        .containsEntry("Un « Airbnb des collèges » pour les locaux hors temps scolaire", IdeaStage.INCUBATION)
        .containsEntry("Une Accorderie des savoir-faire entre agents", IdeaStage.EXPERIMENT)
        .containsEntry("Nos implantations comme relais-colis", IdeaStage.FORWARDED);

    // Every demo user finds work waiting in Tasklist.
    assertThat(openTaskKeysOf("camille")).containsExactlyInAnyOrder("Task_CarryWorkstream", "Task_CarryWorkstream");
    assertThat(openTaskKeysOf("marc")).containsExactly("Task_ReviewWorkstream");
    assertThat(openTaskKeysOf("jeanne")).containsExactly("Task_ConductExperiment");
    assertThat(openTaskKeysOf("karim")).containsExactly("Task_ReformulateIdea");
    assertThat(candidateTaskKeysOf("equipe-construisons")).containsExactlyInAnyOrder("Task_ClarifyIdea", "Task_StudyFeasibility");
    assertThat(candidateTaskKeysOf("direction-generale")).containsExactly("Task_ScoreIdea");
    assertThat(candidateTaskKeysOf("dir-education")).containsExactly("Task_TakeUpIdea");

    // Real history: who did what, as if in Tasklist.
    String mooc = reference("Des formations en ligne de type MOOC pour les agents");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(mooc).finished().list())
        .extracting(t -> t.getTaskDefinitionKey() + "=" + t.getAssignee())
        .contains("Task_ClarifyIdea=lea", "Task_ScoreIdea=paul", "Task_AgreeOnWorkingTime=sophie",
            "Task_ImplementIdea=sophie");
    assertThat(supports.count(mooc)).isEqualTo(6);
    assertThat(jdbc.sql("select count(*) from idea_comment").query(Long.class).single()).isEqualTo(6);
    assertThat(subjectsInOutbox()).anyMatch(subject -> subject.contains(mooc) && subject.contains("mise en œuvre"));

    assertThat(demo.seedIfEmpty()).as("never twice").isFalse();
    assertThat(catalogue.count()).isEqualTo(13);
  }

  private String reference(String title) {
    return jdbc.sql("select reference from idea where title = ?").param(title).query(String.class).single();
  }

  private List<String> openTaskKeysOf(String user) {
    return tasks.createTaskQuery().taskAssignee(user).list().stream().map(Task::getTaskDefinitionKey).toList();
  }

  private List<String> candidateTaskKeysOf(String group) {
    return tasks.createTaskQuery().taskCandidateGroup(group).list().stream().map(Task::getTaskDefinitionKey).toList();
  }

  private static List<String> subjectsInOutbox() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("target/living-demo-outbox"))) {
      return files.filter(file -> file.toString().endsWith(".eml")).map(LivingDemoTest::subject).toList();
    }
  }

  private static String subject(Path eml) {
    try {
      var message = new jakarta.mail.internet.MimeMessage(null, Files.newInputStream(eml));
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(eml.toString(), e);
    }
  }
}
