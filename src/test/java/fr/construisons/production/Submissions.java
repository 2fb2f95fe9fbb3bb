package fr.construisons.production;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Agents submitting ideas over REST from a few client threads, each submission to the next node in
 * turn (a round-robin load balancer); a node that does not answer is skipped for that submission.
 * Records what the clients were told: the acknowledged submissions (HTTP 200 with the instance id
 * and the reference), the refused ones (another status) and the failed ones (no answer: connection
 * refused or cut, the node died).
 */
final class Submissions {

  final List<Rest.Ack> acks = Collections.synchronizedList(new ArrayList<>());
  final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger noAnswer = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger turn = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Supplier<List<ApplicationNode>> nodes;
  private final int total;
  private final int offset;
  private ExecutorService clients;
  Instant startedAt;
  Duration took;

  /** {@code total} submissions (numbered from {@code offset}) over the nodes alive at each one. */
  Submissions(Supplier<List<ApplicationNode>> nodes, int total, int offset) {
    this.nodes = nodes;
    this.total = total;
    this.offset = offset;
  }

  Submissions start(int threads) {
    startedAt = Instant.now();
    clients = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      clients.submit(this::submitUntilDone);
    }
    return this;
  }

  private void submitUntilDone() {
    while (!stopped.get()) {
      int number = sent.incrementAndGet();
      if (number > total) {
        return;
      }
      List<ApplicationNode> targets = nodes.get();
      ApplicationNode node = targets.get(Math.floorMod(turn.getAndIncrement(), targets.size()));
      try {
        Rest.Response response = node.rest.submitIdea(Rest.AGENT, offset + number);
        Rest.Ack ack = Rest.ack(response);
        if (ack != null) {
          acks.add(ack);
        } else {
          refusals.add(response.status() + " " + response.body());
        }
      } catch (IOException noAnswerFromTheNode) {
        noAnswer.incrementAndGet();
      }
    }
  }

  int acknowledged() {
    return acks.size();
  }

  /** No new submission from now on; those under way still get their answer (or their failure). */
  void halt() {
    stopped.set(true);
  }

  /** Stops sending and waits for the submissions under way. */
  void stop() {
    halt();
    finish();
  }

  /** Waits for every submission to have been sent and answered. */
  void finish() {
    clients.shutdown();
    try {
      if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
        throw new AssertionError("Submissions still running after 5 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    took = Duration.between(startedAt, Instant.now());
  }

  List<Rest.Ack> acks() {
    synchronized (acks) {
      return List.copyOf(acks);
    }
  }
}
