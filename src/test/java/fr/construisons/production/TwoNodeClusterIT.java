package fr.construisons.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5, item 3: two nodes (two processes, two ports) on one PostgreSQL database and one SMTP
 * server, the way production runs behind a load balancer. The job executors of both nodes share the
 * jobs through the database (each job locked by one node for {@link ApplicationNode#LOCK_TIME}).
 *
 * <p>First run: a few hundred ideas submitted on alternating nodes, then their clarification calls
 * completed on alternating nodes; every idea reaches the review, every mail is sent exactly once.
 * Second run, on the same database: node B killed with SIGKILL under load; node A finishes the jobs
 * B had locked once their lock expires, and no acknowledged idea is lost (mail at least once, see
 * {@link NodeKillFaultIT}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

  static final int IDEAS = 200;
  static final int IDEAS_WITH_KILL = 100;
  static final int CLIENT_THREADS = 4;

  static ProductionDatabase database;
  static Smtp smtp;
  static ApplicationNode nodeA;
  static ApplicationNode nodeB;
  static List<String> firstRunReferences = List.of();

  @BeforeAll
  static void startTwoNodes() {
    if (!ProductionDatabase.configured()) {
      return; // each test then fails (CI) or reports itself skipped
    }
    database = ProductionDatabase.fresh("two_nodes");
    smtp = new Smtp().start();
    // One after the other: the first creates the schemas (Camunda's and Flyway's) and deploys.
    nodeA = ApplicationNode.start("node-a", database, smtp.port);
    nodeB = ApplicationNode.start("node-b", database, smtp.port);
  }

  @BeforeEach
  void needsPostgreSql() {
    ProductionDatabase.assumeConfigured();
  }

  @AfterAll
  static void stopEverything() {
    for (ApplicationNode node : new ApplicationNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  static List<String> added(List<String> before) {
    return database.references().stream().filter(r -> !before.contains(r)).toList();
  }

  static List<ApplicationNode> alive() {
    return List.of(nodeA, nodeB).stream().filter(ApplicationNode::alive).toList();
  }

  @Test
  @Order(1)
  void ideasDrivenAcrossTwoNodesEachReachTheReviewWithEachMailSentOnce() throws Exception {
    Submissions submissions = new Submissions(TwoNodeClusterIT::alive, IDEAS, 0).start(CLIENT_THREADS);
    submissions.finish();
    assertThat(submissions.refusals).isEmpty();
    assertThat(submissions.noAnswer.get()).isZero();
    List<Rest.Ack> acks = submissions.acks();
    assertThat(acks).hasSize(IDEAS).extracting(Rest.Ack::reference).doesNotHaveDuplicates();

    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
        .until(() -> database.pendingMessageJobs() == 0 && database.waitingAt("Task_ClarifyIdea").size() == IDEAS);
    Duration registered = Duration.between(submissions.startedAt, Instant.now());

    // Léa holds the clarification calls, through whichever node the load balancer picks.
    Instant callsStart = Instant.now();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < acks.size(); i++) {
      Rest rest = (i % 2 == 0 ? nodeA : nodeB).rest;
      String instance = acks.get(i).processInstanceId();
      calls.add(clients.submit(() -> {
        rest.completeClarification(instance);
        return null;
      }));
    }
    clients.shutdown();
    try {
      for (Future<?> call : calls) {
        call.get(5, TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdownNow();
    }

    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
        .until(() -> database.pendingMessageJobs() == 0 && database.waitingAt("Task_ScoreIdea").size() == IDEAS);
    Duration reviewed = Duration.between(callsStart, Instant.now());

    List<String> references = acks.stream().map(Rest.Ack::reference).sorted().toList();
    assertThat(database.waitingAt("Task_ScoreIdea")).containsExactlyElementsOf(references);
    assertThat(database.stages().values()).hasSize(IDEAS).containsOnly("REVIEW");
    assertThat(database.incidents()).isZero();
    assertThat(database.ideasWithoutProcess()).isZero();
    MailCheck mails = MailCheck.of(smtp, references, true);
    assertThat(mails.missingKeys()).as("no mail missing").isEmpty();
    assertThat(mails.duplicates()).as("no mail sent twice").isZero();
    // Per idea: the acknowledgement, the team's notice, the ideator's review mail and general
    // management's « an idea waits for your review ».
    assertThat(smtp.total()).isEqualTo(4 * IDEAS);
    Map<String, Long> jobsByNode = database.successfulJobsByNode();
    assertThat(jobsByNode).as("both job executors worked").containsKeys("node-a", "node-b");
    firstRunReferences = references;

    System.out.printf("[production] two nodes: %d ideas submitted on alternating nodes in %d s (all HTTP 200), "
            + "registered with their 2 mails in %d s; %d clarification calls completed on alternating nodes, "
            + "all at Task_ScoreIdea in %d s; jobs run per node %s; incidents 0; mails %d = %d expected, "
            + "0 missing, 0 duplicates (each recipient+subject exactly once)%n",
        IDEAS, submissions.took.toSeconds(), registered.toSeconds(), IDEAS, reviewed.toSeconds(), jobsByNode,
        smtp.total(), mails.expected());
  }

  @Test
  @Order(2)
  void whenOneNodeIsKilledTheOtherFinishesItsJobsAndNothingIsLost() {
    List<String> before = database.references();
    Submissions load = new Submissions(TwoNodeClusterIT::alive, IDEAS_WITH_KILL, IDEAS).start(CLIENT_THREADS);
    await().atMost(Duration.ofMinutes(3)).until(() -> load.acknowledged() >= IDEAS_WITH_KILL / 3);

    nodeB.kill(); // submissions under way on B are cut; the next ones go to A
    Instant killedAt = Instant.now();
    long lockedAtKill = database.lockedJobs();
    load.finish();
    List<Rest.Ack> acks = load.acks();
    assertThat(load.refusals).isEmpty();

    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
        .until(() -> database.pendingMessageJobs() == 0
            && database.waitingAt("Task_ClarifyIdea").containsAll(added(before)));
    Duration recovery = Duration.between(killedAt, Instant.now());

    List<String> added = added(before);
    assertThat(added).as("every acknowledged submission is in the catalogue")
        .containsAll(acks.stream().map(Rest.Ack::reference).toList());
    for (Rest.Ack ack : acks) {
      assertThat(database.count("select count(*) from idea where reference = ? and process_instance_id = ?",
          ack.reference(), ack.processInstanceId())).as("idea %s with its instance", ack.reference()).isEqualTo(1);
    }
    assertThat(database.waitingAt("Task_ClarifyIdea")).containsExactlyElementsOf(added);
    assertThat(database.waitingAt("Task_ScoreIdea")).as("the first run untouched").containsExactlyElementsOf(firstRunReferences);
    assertThat(database.ideasWithoutProcess()).isZero();
    assertThat(database.incidents()).isZero();
    MailCheck mails = MailCheck.of(smtp, added, false);
    assertThat(mails.missingKeys()).as("no mail missing").isEmpty();
    assertThat((long) mails.duplicates()).as("duplicates only from jobs locked at the kill").isLessThanOrEqualTo(lockedAtKill);

    System.out.printf("[production] two nodes, node-b killed with SIGKILL after %d of %d submissions acknowledged: "
            + "%d acknowledged in all (%d without answer: cut by the kill or sent to node-b as it died, not resubmitted), %d ideas stored; %d jobs locked "
            + "at the kill (both nodes); node-a alone finished everything %d s after the kill (lock time %d s); "
            + "incidents 0; mails %d expected / %d missing / %d duplicates (at least once); jobs run per node %s%n",
        IDEAS_WITH_KILL / 3, IDEAS_WITH_KILL, acks.size(), load.noAnswer.get(), added.size(), lockedAtKill,
        recovery.toSeconds(), ApplicationNode.LOCK_TIME.toSeconds(), mails.expected(), mails.missing(),
        mails.duplicates(), database.successfulJobsByNode());
  }

}
