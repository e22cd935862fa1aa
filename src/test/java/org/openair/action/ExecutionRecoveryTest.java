package org.openair.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionId;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openair.action.connector.Connector;
import org.openair.action.connector.ConnectorResult;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.store.Db;
import org.openair.support.TestRulesFolder;

/**
 * The durable executor: a restart in the middle of execution resumes the action without carrying it
 * out twice, a stale attempt cannot record a result, and retryable failures back off and retry up
 * to the limit.
 *
 * <p>Each test drives its own worker over the service's database, with a blocklist connector kept
 * in memory that is idempotent by action id as the {@link Connector} contract asks. The fixtures
 * put actions in the state a stopped process leaves (executing), or approved but due only by the
 * test worker's clock, so the service's own workers do not take them.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class ExecutionRecoveryTest {
  @Inject ActionStore store;
  @Inject StoreExecutor storeExecutor;
  @Inject InvestigationProgress progress;
  @Inject Db db;
  @Inject AuditLog audit;
  @Inject OpenAirConfig config;

  /** A blocklist: adding a sender twice leaves one entry; it remembers which action added it. */
  static final class MemoryBlocklist implements Connector {
    final Map<String, String> blockedBy = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger entriesAdded = new AtomicInteger();
    final Deque<ConnectorResult> scripted = new ArrayDeque<>();

    @Override
    public String name() {
      return "memory-blocklist";
    }

    @Override
    public Set<ActionType> supports() {
      return Set.of(ActionType.BLOCK_SENDER);
    }

    @Override
    public synchronized ConnectorResult execute(ActionRecord action) {
      calls.incrementAndGet();
      if (!scripted.isEmpty()) {
        return scripted.pop();
      }
      if (blockedBy.containsKey(action.id())) {
        return ConnectorResult.alreadyDone("already blocked by this action");
      }
      blockedBy.put(action.id(), action.target());
      entriesAdded.incrementAndGet();
      return ConnectorResult.done("blocked " + action.target());
    }
  }

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private ActionWorker worker(Connector connector, Clock clock) {
    return new ActionWorker(
        store,
        new ActionExecutor(List.of(connector)),
        storeExecutor,
        progress,
        db,
        audit,
        clock,
        config);
  }

  @Test
  void restartAfterTheConnectorActedResumesWithoutActingTwice() {
    String id = blockSenderAction();
    MemoryBlocklist blocklist = new MemoryBlocklist();
    // The stopped process had claimed the action and the connector had blocked the sender, but
    // the process stopped before recording the result.
    leftExecuting(id, "exe-before-the-crash");
    blocklist.blockedBy.put(id, "service@paypa1-secure.com");
    blocklist.entriesAdded.incrementAndGet();

    worker(blocklist, Clock.systemUTC()).resumeInterrupted();

    ActionRecord after = store.find(id).orElseThrow();
    assertThat(after.status()).isEqualTo(ActionStatus.EXECUTED);
    assertThat(after.executionNote()).contains("already blocked");
    assertThat(after.executionId()).isNotEqualTo("exe-before-the-crash");
    assertThat(blocklist.entriesAdded).hasValue(1);
    assertThat(blocklist.calls).hasValue(1);
    assertThat(events(id)).contains("action.resumed", "action.executed");
  }

  @Test
  void restartBeforeTheConnectorActedCarriesTheActionOutOnce() {
    String id = blockSenderAction();
    MemoryBlocklist blocklist = new MemoryBlocklist();
    leftExecuting(id, "exe-before-the-crash");

    ActionWorker restarted = worker(blocklist, Clock.systemUTC());
    restarted.resumeInterrupted();
    restarted.resumeInterrupted();

    assertThat(store.find(id).orElseThrow().status()).isEqualTo(ActionStatus.EXECUTED);
    assertThat(blocklist.entriesAdded).hasValue(1);
    assertThat(blocklist.calls).hasValue(1);
  }

  @Test
  void anAttemptThatLostTheActionCannotRecordItsResult() {
    String id = blockSenderAction();
    leftExecuting(id, "exe-stale");
    worker(new MemoryBlocklist(), Clock.systemUTC()).resumeInterrupted();

    boolean recorded =
        db.inTransaction(
            c ->
                store.finishExecution(
                    c, id, "exe-stale", ActionStatus.FAILED, Instant.now(), "stale attempt"));

    assertThat(recorded).isFalse();
    assertThat(store.find(id).orElseThrow().status()).isEqualTo(ActionStatus.EXECUTED);
  }

  @Test
  void retryableFailuresBackOffAndRetryUntilDone() {
    String id = blockSenderAction();
    Instant dueAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    approvedButDueAt(id, dueAt);
    HandClock clock = new HandClock(dueAt);
    MemoryBlocklist blocklist = new MemoryBlocklist();
    blocklist.scripted.add(ConnectorResult.retry("blocklist server down"));
    blocklist.scripted.add(ConnectorResult.retry("blocklist server still down"));
    ActionWorker worker = worker(blocklist, clock);

    assertThat(worker.runOnce(id)).isTrue();
    ActionRecord afterFirst = store.find(id).orElseThrow();
    assertThat(afterFirst.status()).isEqualTo(ActionStatus.APPROVED);
    assertThat(afterFirst.nextAttemptAt()).isEqualTo(dueAt.plus(config.actions().retryBackoff()));
    assertThat(worker.runOnce(id)).as("not due before the backoff passed").isFalse();

    clock.advance(config.actions().retryBackoff());
    assertThat(worker.runOnce(id)).isTrue();
    assertThat(store.find(id).orElseThrow().nextAttemptAt())
        .isEqualTo(clock.instant().plus(config.actions().retryBackoff().multipliedBy(2)));

    clock.advance(config.actions().retryBackoff().multipliedBy(2));
    assertThat(worker.runOnce(id)).isTrue();

    ActionRecord done = store.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
    assertThat(done.attempts()).isEqualTo(3);
    assertThat(blocklist.entriesAdded).hasValue(1);
    assertThat(events(id).stream().filter("action.retry"::equals)).hasSize(2);
  }

  @Test
  void anActionThatKeepsFailingIsFailedWithItsReasonAfterTheLastAttempt() {
    String id = blockSenderAction();
    Instant dueAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    approvedButDueAt(id, dueAt);
    HandClock clock = new HandClock(dueAt);
    MemoryBlocklist blocklist = new MemoryBlocklist();
    for (int i = 0; i < config.actions().maxAttempts(); i++) {
      blocklist.scripted.add(ConnectorResult.retry("connection refused"));
    }
    ActionWorker worker = worker(blocklist, clock);

    for (int i = 0; i < config.actions().maxAttempts(); i++) {
      assertThat(worker.runOnce(id)).isTrue();
      clock.advance(config.actions().maxRetryBackoff());
    }

    ActionRecord failed = store.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(failed.executionNote())
        .contains("gave up after " + config.actions().maxAttempts() + " attempts")
        .contains("connection refused");
    assertThat(worker.runOnce(id)).isFalse();
    String investigationStatus =
        asAdmin()
            .get("/api/v1/investigations/" + failed.investigationId())
            .jsonPath()
            .getString("status");
    // The soft delete still waits, so the investigation does too.
    assertThat(investigationStatus).isEqualTo("pending-action");
  }

  @Test
  void aPermanentFailureIsNotRetriedAndFailsTheInvestigationWhenNothingElseRemains() {
    String messageId = ingest(eml("reported-phish.eml"), "carol@corp.example");
    var inv = settled(report(messageId, "carol@corp.example"));
    String block = pendingActionId(inv, "block-sender");
    asAdmin()
        .contentType("application/json")
        .body("{\"comment\":\"not now\"}")
        .post("/api/v1/actions/" + pendingActionId(inv, "soft-delete") + "/reject")
        .then()
        .statusCode(200);
    Instant dueAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    approvedButDueAt(block, dueAt);
    MemoryBlocklist blocklist = new MemoryBlocklist();
    blocklist.scripted.add(ConnectorResult.failed("blocklist refused the entry"));

    worker(blocklist, new HandClock(dueAt)).runOnce(block);

    ActionRecord failed = store.find(block).orElseThrow();
    assertThat(failed.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.executionNote()).contains("blocklist refused the entry");
    assertThat(
            asAdmin()
                .get("/api/v1/investigations/" + inv.getString("id"))
                .jsonPath()
                .getString("status"))
        .isEqualTo("failed");
  }

  @Test
  void twoLastActionsFinishingAtOnceLeaveTheInvestigationRemediated() throws Exception {
    String messageId = ingest(eml("reported-phish.eml"), "dave@corp.example");
    var inv = settled(report(messageId, "dave@corp.example"));
    String investigationId = inv.getString("id");
    String block = pendingActionId(inv, "block-sender");
    CountDownLatch firstRefreshed = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // The first transaction finishes every other action and holds its commit open while the
      // second finishes the block, as two workers finishing a second apart do.
      Future<?> first =
          pool.submit(
              () ->
                  db.inTransaction(
                      c -> {
                        Db.update(
                            c,
                            "update actions set status = 'executed' where investigation_id = ?"
                                + " and id <> ?",
                            investigationId,
                            block);
                        progress.refresh(c, investigationId, "admin");
                        firstRefreshed.countDown();
                        awaitUninterruptibly(commitFirst);
                        return null;
                      }));
      assertThat(firstRefreshed.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> second =
          pool.submit(
              () ->
                  db.inTransaction(
                      c -> {
                        Db.update(c, "update actions set status = 'executed' where id = ?", block);
                        progress.refresh(c, investigationId, "admin");
                        return null;
                      }));
      try {
        second.get(500, TimeUnit.MILLISECONDS);
      } catch (TimeoutException waitingForTheFirst) {
        // Expected: the second waits for the first's lock on the investigation.
      }
      commitFirst.countDown();
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      commitFirst.countDown();
      pool.shutdownNow();
    }

    assertThat(
            asAdmin()
                .get("/api/v1/investigations/" + investigationId)
                .jsonPath()
                .getString("status"))
        .isEqualTo("remediated");
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String blockSenderAction() {
    String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
    return pendingActionId(settled(report(messageId, "bob@corp.example")), "block-sender");
  }

  /** The state a process leaves when it stops after claiming an action and before recording. */
  private void leftExecuting(String id, String executionId) {
    update(
        "update actions set status = 'executing', execution_id = ?, decided_by = 'admin',"
            + " decided_at = ?, claimed_at = ?, attempts = 1 where id = ?",
        executionId,
        Timestamp.from(Instant.now()),
        Timestamp.from(Instant.now()),
        id);
  }

  /** Approved, but due only at {@code at}, which only the test worker's clock reaches. */
  private void approvedButDueAt(String id, Instant at) {
    update(
        "update actions set status = 'approved', decided_by = 'admin', decided_at = ?,"
            + " next_attempt_at = ? where id = ?",
        Timestamp.from(Instant.now()),
        Timestamp.from(at),
        id);
  }

  private void update(String sql, Object... params) {
    db.inTransaction(c -> Db.update(c, sql, params));
  }

  private static List<String> events(String actionId) {
    return asAdmin()
        .queryParam("entityId", actionId)
        .get("/api/v1/audit")
        .jsonPath()
        .getList("event", String.class);
  }
}
