package org.openair.action;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.openair.action.connector.ConnectorResult;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;
import org.openair.store.Db;
import org.openair.store.Ids;

/**
 * Carries approved actions out, off the request threads, with retries and backoff.
 *
 * <p>Design note: the actions table is the queue. A worker claims an approved, due action by a
 * conditional update to {@code executing} under a fresh execution id, calls the connectors outside
 * any transaction, and records the outcome only if its execution id still owns the row, so a result
 * is recorded once. A retryable failure puts the action back to {@code approved} with a later
 * {@code next_attempt_at} (doubling from {@code openair.actions.retry-backoff}) until {@code
 * openair.actions.max-attempts}. A process that stops in the middle leaves rows {@code executing};
 * at start-up they are taken over under a new execution id and handed to the connectors again,
 * which are idempotent by action id (see {@link org.openair.action.connector.Connector}), so the
 * action takes effect once. OpenAIR's own store is updated in the transaction that records the
 * outcome, so it never records an effect twice.
 */
@ApplicationScoped
public class ActionWorker {
  private static final Logger LOG = Logger.getLogger(ActionWorker.class);
  private static final long IDLE_POLL_MILLIS = 500;

  private final ActionStore store;
  private final ActionExecutor executor;
  private final StoreExecutor storeRecord;
  private final InvestigationProgress progress;
  private final Db db;
  private final AuditLog audit;
  private final Clock clock;
  private final int workerCount;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final LinkedBlockingQueue<String> hints = new LinkedBlockingQueue<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  @Inject
  public ActionWorker(
      ActionStore store,
      ActionExecutor executor,
      StoreExecutor storeRecord,
      InvestigationProgress progress,
      Db db,
      AuditLog audit,
      Clock clock,
      OpenAirConfig config) {
    this.store = store;
    this.executor = executor;
    this.storeRecord = storeRecord;
    this.progress = progress;
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.workerCount = Math.max(1, config.actions().workers());
    this.maxAttempts = Math.max(1, config.actions().maxAttempts());
    this.backoff = config.actions().retryBackoff();
    this.maxBackoff = config.actions().maxRetryBackoff();
  }

  void onStart(@Observes @Priority(200) StartupEvent event) {
    resumeInterrupted();
    running = true;
    for (int i = 0; i < workerCount; i++) {
      Thread t = new Thread(this::work, "openair-action-worker-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    workers.forEach(Thread::interrupt);
  }

  /** Tells the workers that an action was approved. */
  public void wake(String actionId) {
    hints.offer(actionId);
  }

  /**
   * Takes over every action left {@code executing} by a process that stopped, and hands each to the
   * connectors again; returns how many were resumed.
   */
  public int resumeInterrupted() {
    int resumed = 0;
    for (String id : store.executing()) {
      ActionRecord left = store.find(id).orElse(null);
      if (left == null || left.status() != ActionStatus.EXECUTING) {
        continue;
      }
      String executionId = Ids.next("exe");
      if (!store.reclaim(id, left.executionId(), executionId, clock.instant())) {
        continue;
      }
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("status", ActionStatus.EXECUTING.code());
      after.put("executionId", executionId);
      audit.record(
          "system",
          "action.resumed",
          "action",
          id,
          Map.of("status", ActionStatus.EXECUTING.code(), "executionId", "" + left.executionId()),
          after);
      LOG.infof("Action %s was interrupted in the middle of execution and is resumed", id);
      attempt(id, executionId);
      resumed++;
    }
    return resumed;
  }

  /** Claims and carries out one approved action if it is due; false when it was not claimed. */
  public boolean runOnce(String id) {
    String executionId = Ids.next("exe");
    if (!store.claim(id, executionId, clock.instant())) {
      return false;
    }
    attempt(id, executionId);
    return true;
  }

  /** The wait before the attempt after {@code attempts} failed ones. */
  Duration backoffAfter(int attempts) {
    Duration d = backoff;
    for (int i = 1; i < attempts && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  private void work() {
    while (running) {
      try {
        String hint = hints.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (hint != null) {
          runOnce(hint);
        } else {
          for (String id : store.due(clock.instant(), workerCount * 4)) {
            if (!running) {
              break;
            }
            runOnce(id);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database may be briefly unreachable; claimed rows are resumed at the next start.
        LOG.error("Action worker hit an error; carrying on", e);
      }
    }
  }

  private void attempt(String id, String executionId) {
    ActionRecord action = store.find(id).orElseThrow();
    ActionRecord reversed =
        action.undoOf() == null ? null : store.find(action.undoOf()).orElse(null);
    ActionExecutor.Result result = executor.execute(action, reversed);
    ConnectorResult outcome = result.outcome();
    Instant now = clock.instant();
    if (outcome.outcome() == ConnectorResult.Outcome.RETRYABLE_FAILURE) {
      if (action.attempts() < maxAttempts) {
        Instant next = now.plus(backoffAfter(action.attempts()));
        if (store.retryLater(id, executionId, next, outcome.note())) {
          audit.record(
              "system",
              "action.retry",
              "action",
              id,
              Map.of("status", ActionStatus.EXECUTING.code(), "attempt", action.attempts()),
              Map.of(
                  "status",
                  ActionStatus.APPROVED.code(),
                  "nextAttemptAt",
                  next.toString(),
                  "note",
                  String.valueOf(outcome.note())));
        }
        return;
      }
      outcome =
          ConnectorResult.failed(
              "gave up after " + action.attempts() + " attempts: " + outcome.note());
    }
    finish(action, reversed, executionId, outcome, result.connectorsRan());
  }

  private void finish(
      ActionRecord action,
      ActionRecord reversed,
      String executionId,
      ConnectorResult outcome,
      boolean connectorsRan) {
    boolean success = outcome.succeeded();
    ActionStatus status = success ? ActionStatus.EXECUTED : ActionStatus.FAILED;
    String note;
    try {
      note =
          db.inTransaction(
              c -> {
                String n = outcome.note();
                if (success) {
                  String recorded = storeRecord.record(c, action, connectorsRan);
                  n = n == null ? recorded : n + "; " + recorded;
                }
                if (!store.finishExecution(
                    c, action.id(), executionId, status, clock.instant(), n)) {
                  // Another execution took this action over; its result is the one recorded.
                  throw new NotOwner();
                }
                if (success && reversed == null) {
                  store.markRemediatedElsewhere(c, action);
                }
                progress.refresh(c, action.investigationId(), action.decidedBy());
                return n;
              });
    } catch (NotOwner e) {
      return;
    }
    audit.record(
        action.decidedBy(),
        success ? "action.executed" : "action.failed",
        "action",
        action.id(),
        Map.of("status", ActionStatus.EXECUTING.code(), "executionId", executionId),
        Map.of("status", status.code(), "note", note, "attempts", action.attempts()));
  }

  private static final class NotOwner extends RuntimeException {
    NotOwner() {
      super(null, null, false, false);
    }
  }
}
