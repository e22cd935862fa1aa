package org.openair.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStore;
import org.openair.config.OpenAirConfig;

/**
 * Tells approvers that new actions wait, batched: once per {@code openair.notifications.interval}
 * every configured channel gets one message listing the actions that began waiting since the last
 * one. An action counts as told once any channel delivered; a channel that is down misses that
 * batch and the log says so.
 */
@ApplicationScoped
public class ApprovalNotifier {
  private static final Logger LOG = Logger.getLogger(ApprovalNotifier.class);
  private static final int BATCH = 500;
  private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

  private final ActionStore actions;
  private final Clock clock;
  private final Duration interval;
  private final String baseUrl;
  private final List<NotificationChannel> channels;
  private ScheduledExecutorService timer;

  @Inject
  public ApprovalNotifier(
      ActionStore actions, Mailer mailer, ObjectMapper json, Clock clock, OpenAirConfig config) {
    this.actions = actions;
    this.clock = clock;
    var n = config.notifications();
    this.interval = n.interval();
    this.baseUrl = n.publicUrl();
    List<NotificationChannel> configured = new ArrayList<>();
    n.webhookUrl()
        .ifPresent(
            u ->
                configured.add(
                    new WebhookChannel(u, WebhookChannel.Format.JSON, json, WEBHOOK_TIMEOUT)));
    n.slackUrl()
        .ifPresent(
            u ->
                configured.add(
                    new WebhookChannel(u, WebhookChannel.Format.SLACK, json, WEBHOOK_TIMEOUT)));
    n.teamsUrl()
        .ifPresent(
            u ->
                configured.add(
                    new WebhookChannel(u, WebhookChannel.Format.TEAMS, json, WEBHOOK_TIMEOUT)));
    List<String> to = n.emailTo().orElse(List.of()).stream().filter(s -> !s.isBlank()).toList();
    if (!to.isEmpty()) {
      if (mailer.configured()) {
        configured.add(new EmailChannel(mailer, to));
      } else {
        LOG.warn("openair.notifications.email-to is set but openair.smtp.host is not; no email");
      }
    }
    this.channels = List.copyOf(configured);
  }

  void onStart(@Observes StartupEvent event) {
    if (channels.isEmpty() || interval.isZero() || interval.isNegative()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "openair-approval-notifier");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::notifyQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** The channels built from the configuration. */
  public List<NotificationChannel> channels() {
    return channels;
  }

  /** Sends one batch over the configured channels; returns how many actions it told about. */
  public int notifyPending() {
    return notifyPending(channels);
  }

  /** Sends one batch over {@code targets}; returns how many actions it told about. */
  public int notifyPending(List<NotificationChannel> targets) {
    if (targets.isEmpty()) {
      return 0;
    }
    List<ActionRecord> fresh = actions.pendingNotNotified(BATCH);
    if (fresh.isEmpty()) {
      return 0;
    }
    PendingDigest digest = new PendingDigest(fresh, baseUrl);
    int delivered = 0;
    for (NotificationChannel channel : targets) {
      try {
        channel.send(digest);
        delivered++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      } catch (Exception e) {
        LOG.warnf("Telling approvers over %s failed: %s", channel.name(), e.getMessage());
      }
    }
    if (delivered == 0) {
      return 0;
    }
    actions.markNotified(fresh.stream().map(ActionRecord::id).toList(), clock.instant());
    return fresh.size();
  }

  private void notifyQuietly() {
    try {
      notifyPending();
    } catch (RuntimeException e) {
      LOG.error("Telling approvers about waiting actions failed; trying at the next interval", e);
    }
  }
}
