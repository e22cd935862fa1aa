package org.openair.investigation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;

/**
 * Worker threads that take queued investigations from the database and run them, off the request
 * threads.
 *
 * <p>Design note: the database is the queue; the in-memory queue only carries hints so that a new
 * investigation starts at once. A worker with no hint looks in the database, which also picks up
 * whatever a previous process left queued. Claiming is a conditional update, so two workers never
 * run the same investigation. Investigations left running by a stopped process are queued again at
 * start-up.
 */
@ApplicationScoped
public class InvestigationQueue {
  private static final Logger LOG = Logger.getLogger(InvestigationQueue.class);
  private static final long IDLE_POLL_MILLIS = 500;

  private final InvestigationStore store;
  private final InvestigationRunner runner;
  private final AuditLog audit;
  private final Clock clock;
  private final int workerCount;
  private final LinkedBlockingQueue<String> hints = new LinkedBlockingQueue<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  @Inject
  public InvestigationQueue(
      InvestigationStore store,
      InvestigationRunner runner,
      AuditLog audit,
      Clock clock,
      OpenAirConfig config) {
    this.store = store;
    this.runner = runner;
    this.audit = audit;
    this.clock = clock;
    this.workerCount = Math.max(1, config.investigation().workers());
  }

  void onStart(@Observes @Priority(100) StartupEvent event) {
    for (String id : store.requeueInterrupted(clock.instant())) {
      audit.record(
          "system",
          "investigation.requeued",
          "investigation",
          id,
          Map.of("status", InvestigationStatus.RUNNING.code()),
          Map.of("status", InvestigationStatus.QUEUED.code()));
      LOG.infof("Investigation %s was interrupted by a stop and is queued again", id);
    }
    running = true;
    for (int i = 0; i < workerCount; i++) {
      Thread t = new Thread(this::work, "openair-investigator-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    workers.forEach(Thread::interrupt);
  }

  /** Tells the workers that an investigation was queued. */
  public void wake(String investigationId) {
    hints.offer(investigationId);
  }

  private void work() {
    while (running) {
      try {
        String hint = hints.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (hint != null) {
          runIfClaimed(hint);
        } else {
          for (String id : store.queued(workerCount * 4)) {
            if (!running) {
              break;
            }
            runIfClaimed(id);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database may be briefly unreachable; the row stays queued and is tried again.
        LOG.error("Investigation worker hit an error; carrying on", e);
      }
    }
  }

  private void runIfClaimed(String id) {
    if (!store.claim(id, clock.instant())) {
      return;
    }
    audit.record(
        "system",
        "investigation.started",
        "investigation",
        id,
        Map.of("status", InvestigationStatus.QUEUED.code()),
        Map.of("status", InvestigationStatus.RUNNING.code()));
    try {
      runner.run(id);
    } catch (RuntimeException e) {
      if (!running) {
        // Stopping: leave it running so the next start queues it again.
        return;
      }
      LOG.errorf(e, "Investigation %s failed", id);
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      store.fail(id, reason, clock.instant());
      audit.record(
          "system",
          "investigation.failed",
          "investigation",
          id,
          Map.of("status", InvestigationStatus.RUNNING.code()),
          Map.of("status", InvestigationStatus.FAILED.code(), "error", reason));
    }
  }
}
