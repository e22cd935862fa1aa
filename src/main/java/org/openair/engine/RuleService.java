package org.openair.engine;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;

/**
 * The service's rule base: loaded at start-up (the service refuses to start on errors), reloaded on
 * request or when a poll sees a changed file. A refused reload leaves the serving set in place.
 */
@ApplicationScoped
public class RuleService {
  private static final Logger LOG = Logger.getLogger(RuleService.class);

  private final OpenAirConfig config;
  private final RuleSetStore store;
  private final AuditLog audit;
  private final RuleRepository repository;
  private ScheduledExecutorService poller;

  @Inject
  public RuleService(OpenAirConfig config, RuleSetStore store, AuditLog audit, Clock clock) {
    this.config = config;
    this.store = store;
    this.audit = audit;
    this.repository = new RuleRepository(Path.of(config.rulesDir()), new RuleCompiler(), clock);
  }

  void onStart(@Observes @Priority(10) StartupEvent event) {
    Path dir = Path.of(config.rulesDir()).toAbsolutePath();
    RuleSet loaded;
    try {
      loaded = repository.load();
    } catch (RuleCompilationException e) {
      String errors =
          e.errors().stream().map(RuleError::toString).collect(Collectors.joining("\n  "));
      throw new IllegalStateException(
          "The rules in " + dir + " do not compile; fix them and start again:\n  " + errors, e);
    }
    store.saveAccepted(loaded, "system");
    audit.record("system", "rules.loaded", "rule-set", loaded.id(), null, hashes(loaded));
    LOG.infof(
        "Loaded rule set %s: %d rules from %d files in %s",
        loaded.id(), loaded.rules().size(), loaded.files().size(), dir);
    Duration interval = config.rules().pollInterval();
    if (!interval.isZero() && !interval.isNegative()) {
      poller =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "openair-rules-poll");
                t.setDaemon(true);
                return t;
              });
      poller.scheduleWithFixedDelay(
          this::pollOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  private void pollOnce() {
    try {
      if (repository.changedOnDisk()) {
        ReloadResult result = reload("rules-poll");
        if (!result.accepted()) {
          LOG.warnf("Changed rules were refused; rule set %s keeps serving", current().id());
        }
      }
    } catch (RuntimeException e) {
      LOG.error("Polling the rules folder failed", e);
    }
  }

  /** The rule set new investigations run on. */
  public RuleSet current() {
    return repository.current();
  }

  /**
   * Compiles the rules folder again. When it compiles, new investigations use it; when it does not,
   * the errors come back and the serving set stays.
   */
  public synchronized ReloadResult reload(String actor) {
    String before = repository.current().id();
    ReloadResult result = repository.reload();
    if (result.accepted()) {
      RuleSet now = repository.current();
      store.saveAccepted(now, actor);
      audit.record(
          actor, "rules.reloaded", "rule-set", now.id(), Map.of("ruleSetId", before), hashes(now));
      LOG.infof("Rule set %s replaces %s", now.id(), before);
    } else {
      store.saveRefused(result, actor);
      audit.record(
          actor,
          "rules.reload-refused",
          "rule-set",
          before,
          null,
          Map.of("errors", result.errors().stream().map(RuleError::toString).toList()));
      for (RuleError error : result.errors()) {
        LOG.warnf("Rule reload refused: %s", error);
      }
    }
    return result;
  }

  /** Earlier loads, newest first, as kept in the database. */
  public List<RuleSetStore.LoadRecord> history(int limit) {
    return store.history(limit);
  }

  private static Map<String, String> hashes(RuleSet set) {
    return set.files().stream()
        .collect(Collectors.toMap(RuleFile::name, RuleFile::sha256, (a, b) -> a));
  }
}
