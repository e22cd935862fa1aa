package org.openair.action;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.openair.config.OpenAirConfig;

/** Expires pending actions nobody decided in time, on a schedule, by the injectable clock. */
@ApplicationScoped
public class ActionExpiry {
  private static final Logger LOG = Logger.getLogger(ActionExpiry.class);

  private final ActionCenter center;
  private final Clock clock;
  private final Duration interval;
  private ScheduledExecutorService timer;

  @Inject
  public ActionExpiry(ActionCenter center, Clock clock, OpenAirConfig config) {
    this(center, clock, config.actions().expiryCheckInterval());
  }

  public ActionExpiry(ActionCenter center, Clock clock, Duration interval) {
    this.center = center;
    this.clock = clock;
    this.interval = interval;
  }

  void onStart(@Observes StartupEvent event) {
    if (interval.isZero() || interval.isNegative()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "openair-action-expiry");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::checkQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** Expires what is due now by this job's clock; returns how many actions expired. */
  public int check() {
    int expired = center.expireDue(clock.instant());
    if (expired > 0) {
      LOG.infof("%d pending actions expired without a decision", expired);
    }
    return expired;
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.error("Expiring pending actions failed; trying again at the next check", e);
    }
  }
}
