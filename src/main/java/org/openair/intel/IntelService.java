package org.openair.intel;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.openair.BadRequestException;
import org.openair.NotFoundException;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;

/**
 * Keeps the indicator index in step with the sources: loads stored indicators at start-up,
 * refreshes due sources on one background thread, takes bulk additions, and starts retro-hunts for
 * what is new. A failing source is recorded on that source and logged; it keeps its previous
 * indicators and never stops the other sources or any investigation.
 */
@ApplicationScoped
public class IntelService {
  private static final Logger LOG = Logger.getLogger(IntelService.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
  private static final Duration MIN_REFRESH = Duration.ofMinutes(1);

  private final IntelStore store;
  private final IntelFacts facts;
  private final RetroHunter hunter;
  private final AuditLog audit;
  private final Clock clock;
  private final OpenAirConfig.Intel config;
  private final FeedFetcher fetcher;
  private ExecutorService worker;
  private ScheduledExecutorService poller;

  @Inject
  public IntelService(
      IntelStore store,
      IntelFacts facts,
      RetroHunter hunter,
      AuditLog audit,
      Clock clock,
      OpenAirConfig config) {
    this.store = store;
    this.facts = facts;
    this.hunter = hunter;
    this.audit = audit;
    this.clock = clock;
    this.config = config.intel();
    this.fetcher = new FeedFetcher(this.config.httpTimeout(), this.config.maxBytes());
  }

  void onStart(@Observes @Priority(200) StartupEvent event) {
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "openair-intel");
              t.setDaemon(true);
              return t;
            });
    worker.submit(this::loadStored);
    Duration interval = config.pollInterval();
    if (!interval.isZero() && !interval.isNegative()) {
      poller =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "openair-intel-poll");
                t.setDaemon(true);
                return t;
              });
      poller.scheduleWithFixedDelay(
          this::refreshDue, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (poller != null) {
      poller.shutdownNow();
    }
    if (worker != null) {
      worker.shutdownNow();
    }
  }

  private void loadStored() {
    try {
      int total = 0;
      for (SourceRecord s : store.sources()) {
        if (s.spec().enabled()) {
          List<Indicator> indicators = store.indicators(s.spec().name());
          IntelIndex.Part part = IntelIndex.part(indicators);
          update(index -> index.with(s.spec().name(), part));
          total += indicators.size();
        }
      }
      LOG.infof("Threat intelligence: %d stored indicators loaded", total);
    } catch (RuntimeException e) {
      LOG.error("Loading stored indicators failed", e);
    }
  }

  private synchronized void update(UnaryOperator<IntelIndex> change) {
    facts.publish(change.apply(facts.current()));
  }

  private void refreshDue() {
    Instant now = clock.instant();
    try {
      for (SourceRecord s : store.sources()) {
        SourceSpec spec = s.spec();
        if (!spec.enabled() || spec.kind() == SourceKind.API || spec.location() == null) {
          continue;
        }
        Duration every =
            spec.refreshInterval().isZero()
                ? config.defaultRefreshInterval()
                : spec.refreshInterval();
        if (s.lastAttemptAt() == null || !s.lastAttemptAt().plus(every).isAfter(now)) {
          refreshNow(spec.name());
        }
      }
    } catch (RuntimeException e) {
      LOG.error("Checking intel sources for refresh failed", e);
    }
  }

  /** Queues a refresh of {@code name} on the intel thread; the returned future ends with it. */
  public Future<?> refresh(String name) {
    SourceRecord s = source(name);
    if (s.spec().kind() == SourceKind.API) {
      throw new BadRequestException("name", "source " + name + " is filled by the API, not read");
    }
    return worker.submit(() -> refreshNow(name));
  }

  /** Reads one source now, on the caller's thread. Failures are recorded, never thrown. */
  void refreshNow(String name) {
    SourceRecord record = store.source(name).orElse(null);
    if (record == null || !record.spec().enabled()) {
      return;
    }
    SourceSpec spec = record.spec();
    Instant now = clock.instant();
    try {
      Read read = read(spec, record);
      if (read == null) {
        store.recordUnchanged(name, now);
        return;
      }
      List<Indicator> indicators = read.result.indicators();
      IntelIndex before = facts.current();
      List<Indicator> added = new ArrayList<>();
      for (Indicator i : indicators) {
        if (!before.has(name, i)) {
          added.add(i);
        }
      }
      IntelIndex.Part part = IntelIndex.part(indicators);
      update(index -> index.with(name, part));
      store.replaceIndicators(
          name,
          indicators,
          read.result.skipped(),
          read.result.problems(),
          read.etag,
          read.lastModified,
          now);
      LOG.infof(
          "Intel source %s: %d indicators (%d new), %d entries skipped",
          name, indicators.size(), added.size(), read.result.skipped());
      if (read.result.skipped() > 0) {
        LOG.warnf("Intel source %s skipped entries: %s", name, read.result.problems());
      }
      hunter.hunt(added);
    } catch (FeedException e) {
      store.recordFailure(name, now, e.getMessage());
      LOG.warnf("Intel source %s could not be refreshed: %s", name, e.getMessage());
    } catch (RuntimeException e) {
      store.recordFailure(name, now, "unexpected error: " + e);
      LOG.errorf(e, "Intel source %s could not be refreshed", name);
    }
  }

  private record Read(FeedResult result, String etag, String lastModified) {}

  private Read read(SourceSpec spec, SourceRecord record) throws FeedException {
    FeedFetcher.Fetched doc = fetcher.fetch(spec.location(), record.etag(), record.lastModified());
    if (doc.notModified()) {
      return null;
    }
    FeedResult result =
        switch (spec.kind()) {
          case STIX -> FeedParser.stix(doc.content(), spec);
          case WARNINGLIST -> FeedParser.warningList(doc.content(), spec);
          case LIST -> FeedParser.list(doc.content(), spec);
          case CSV -> FeedParser.csv(doc.content(), spec);
          case MISP -> misp(spec, doc.content());
          case API -> throw new FeedException("API sources are not read");
        };
    return new Read(result, doc.etag(), doc.lastModified());
  }

  private FeedResult misp(SourceSpec spec, byte[] content) throws FeedException {
    FeedResult result = new FeedResult();
    if (!FeedParser.isMispManifest(content)) {
      FeedParser.misp(content, spec, result);
      return result;
    }
    for (String uuid : FeedParser.mispManifest(content)) {
      if (!uuid.matches("[0-9a-fA-F-]{1,64}")) {
        result.skip("manifest entry that is not an event uuid");
        continue;
      }
      try {
        FeedFetcher.Fetched event =
            fetcher.fetch(FeedFetcher.sibling(spec.location(), uuid + ".json"), null, null);
        FeedParser.misp(event.content(), spec, result);
      } catch (FeedException e) {
        result.skip("event " + uuid + ": " + e.getMessage());
      }
    }
    return result;
  }

  public List<SourceRecord> sources() {
    return store.sources();
  }

  public SourceRecord source(String name) {
    return store
        .source(name)
        .orElseThrow(() -> new NotFoundException("no intel source named " + name));
  }

  /** Creates or redefines a source and queues its first read. */
  public SourceRecord save(SourceRequest request, String actor) {
    SourceSpec spec = validate(request);
    store.saveSource(spec, actor, clock.instant());
    audit.record(
        actor,
        "intel.source-saved",
        "intel-source",
        spec.name(),
        null,
        Map.of("kind", spec.kind().code(), "location", String.valueOf(spec.location())));
    if (!spec.enabled()) {
      update(index -> index.without(spec.name()));
    } else if (spec.kind() != SourceKind.API) {
      worker.submit(() -> refreshNow(spec.name()));
    }
    return source(spec.name());
  }

  public void delete(String name, String actor) {
    source(name);
    store.deleteSource(name);
    update(index -> index.without(name));
    audit.record(actor, "intel.source-removed", "intel-source", name, null, null);
  }

  public SourceRecord setEnabled(String name, boolean enabled, String actor) {
    source(name);
    store.setEnabled(name, enabled);
    if (enabled) {
      worker.submit(
          () -> {
            IntelIndex.Part part = IntelIndex.part(store.indicators(name));
            update(index -> index.with(name, part));
            refreshNow(name);
          });
    } else {
      update(index -> index.without(name));
    }
    audit.record(
        actor,
        enabled ? "intel.source-enabled" : "intel.source-disabled",
        "intel-source",
        name,
        null,
        null);
    return source(name);
  }

  /** The answer to a bulk addition. */
  public record BulkResult(int accepted, int refused, List<Refusal> refusals, int hunting) {}

  /** Why one entry of a bulk addition was refused; {@code index} counts from 0. */
  public record Refusal(int index, String value, String reason) {}

  /**
   * Adds indicators to API sources (created on first use), makes them visible to investigations at
   * once and queues a retro-hunt for the new ones.
   */
  public BulkResult add(List<BulkRequest> requests, String actor) {
    if (requests == null) {
      throw new BadRequestException(null, "the body must be a JSON array of indicators");
    }
    Instant now = clock.instant();
    Map<String, SourceRecord> sources = new LinkedHashMap<>();
    store.sources().forEach(s -> sources.put(s.spec().name(), s));
    Map<String, List<Indicator>> bySource = new LinkedHashMap<>();
    List<Refusal> refusals = new ArrayList<>();
    for (int n = 0; n < requests.size(); n++) {
      BulkRequest r = requests.get(n);
      try {
        Indicator i = indicator(r, now);
        SourceRecord existing = sources.get(i.source());
        if (existing != null && existing.spec().kind() != SourceKind.API) {
          throw new IllegalArgumentException(
              "source " + i.source() + " is a " + existing.spec().kind().code() + " feed");
        }
        bySource.computeIfAbsent(i.source(), s -> new ArrayList<>()).add(i);
      } catch (IllegalArgumentException e) {
        refusals.add(new Refusal(n, r == null ? null : r.value(), e.getMessage()));
      }
    }
    List<Indicator> fresh = new ArrayList<>();
    int accepted = 0;
    for (Map.Entry<String, List<Indicator>> e : bySource.entrySet()) {
      String name = e.getKey();
      if (!sources.containsKey(name)) {
        store.saveSource(
            new SourceSpec(
                name,
                SourceKind.API,
                null,
                Duration.ZERO,
                null,
                IndicatorVerdict.MALICIOUS,
                80,
                Map.of(),
                true),
            actor,
            now);
      }
      IntelIndex before = facts.current();
      for (Indicator i : e.getValue()) {
        if (!before.has(name, i)) {
          fresh.add(i);
        }
      }
      store.upsertIndicators(name, e.getValue(), now);
      accepted += e.getValue().size();
      boolean enabled = !sources.containsKey(name) || sources.get(name).spec().enabled();
      if (enabled) {
        List<Indicator> added = e.getValue();
        // Merged under the update lock so that two concurrent additions both survive.
        update(
            index -> {
              Map<String, Indicator> merged = new LinkedHashMap<>();
              index.indicators(name).forEach(i -> merged.put(i.key(), i));
              added.forEach(i -> merged.put(i.key(), i));
              return index.with(name, new ArrayList<>(merged.values()));
            });
      }
    }
    audit.record(
        actor,
        "intel.indicators-added",
        "intel-source",
        String.join(",", bySource.keySet()),
        null,
        Map.of("accepted", accepted, "refused", refusals.size()));
    if (!fresh.isEmpty()) {
      worker.submit(
          () -> {
            try {
              hunter.hunt(fresh);
            } catch (RuntimeException ex) {
              LOG.error("Retro-hunt after a bulk addition failed", ex);
            }
          });
    }
    return new BulkResult(accepted, refusals.size(), refusals, fresh.size());
  }

  private static Indicator indicator(BulkRequest r, Instant now) {
    if (r == null) {
      throw new IllegalArgumentException("null entry");
    }
    if (r.value() == null || r.value().isBlank()) {
      throw new IllegalArgumentException("'value' is required");
    }
    if (r.source() == null || !NAME.matcher(r.source()).matches()) {
      throw new IllegalArgumentException(
          "'source' is required: letters, digits and . _ : - (at most 200)");
    }
    IndicatorType type =
        r.type() == null || r.type().isBlank()
            ? IndicatorType.infer(r.value())
            : IndicatorType.fromCode(r.type())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "unknown type '"
                                + r.type()
                                + "'; one of url, domain, ip, cidr, sha256, sha1, md5, email,"
                                + " subject, filename"));
    IndicatorVerdict verdict =
        r.verdict() == null
            ? IndicatorVerdict.MALICIOUS
            : IndicatorVerdict.fromCode(r.verdict())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "unknown verdict '"
                                + r.verdict()
                                + "'; one of malicious, suspicious, benign"));
    int confidence = r.confidence() == null ? 80 : r.confidence();
    if (confidence < 0 || confidence > 100) {
      throw new IllegalArgumentException("'confidence' must be 0 to 100");
    }
    return new Indicator(
        type,
        Normalizer.normalize(type, r.value()),
        r.source(),
        verdict,
        r.threat(),
        confidence,
        now,
        now,
        r.expiresAt(),
        r.description());
  }

  /** Which indicators match a URL, host, IP, hash or address, and why. */
  public List<IntelIndex.Match> lookup(String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException("value", "'value' is required");
    }
    return facts.current().lookup(value);
  }

  public List<IntelStore.Hunt> hunts(int limit) {
    return store.recentHunts(Math.max(1, Math.min(limit, 500)));
  }

  private SourceSpec validate(SourceRequest r) {
    if (r == null) {
      throw new BadRequestException(null, "the body must be a JSON source");
    }
    if (r.name() == null || !NAME.matcher(r.name()).matches()) {
      throw new BadRequestException(
          "name", "'name' is required: letters, digits and . _ : - (at most 200)");
    }
    SourceKind kind =
        SourceKind.fromCode(r.kind())
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "kind", "'kind' must be one of stix, misp, warninglist, list, csv, api"));
    String location = null;
    if (r.url() != null && !r.url().isBlank()) {
      String u = r.url().strip();
      String lower = u.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
        throw new BadRequestException("url", "'url' must be an http:// or https:// URL");
      }
      location = u;
    }
    if (r.path() != null && !r.path().isBlank()) {
      if (location != null) {
        throw new BadRequestException("path", "give 'url' or 'path', not both");
      }
      location = r.path().strip();
    }
    if (kind != SourceKind.API && location == null) {
      throw new BadRequestException("url", "a " + kind.code() + " source needs 'url' or 'path'");
    }
    if (kind == SourceKind.API && location != null) {
      throw new BadRequestException("url", "an api source has no 'url' or 'path'");
    }
    Duration refresh = config.defaultRefreshInterval();
    if (r.refreshInterval() != null && !r.refreshInterval().isBlank()) {
      refresh = duration(r.refreshInterval());
      if (refresh.compareTo(MIN_REFRESH) < 0) {
        throw new BadRequestException("refreshInterval", "'refreshInterval' is at least 1m");
      }
    }
    IndicatorType type = null;
    if (r.type() != null && !r.type().isBlank()) {
      type =
          IndicatorType.fromCode(r.type())
              .orElseThrow(
                  () -> new BadRequestException("type", "unknown indicator type " + r.type()));
    }
    IndicatorVerdict verdict =
        r.verdict() == null
            ? kind == SourceKind.WARNINGLIST ? IndicatorVerdict.BENIGN : IndicatorVerdict.MALICIOUS
            : IndicatorVerdict.fromCode(r.verdict())
                .orElseThrow(
                    () ->
                        new BadRequestException(
                            "verdict", "'verdict' must be malicious, suspicious or benign"));
    int confidence = r.confidence() == null ? 80 : r.confidence();
    if (confidence < 0 || confidence > 100) {
      throw new BadRequestException("confidence", "'confidence' must be 0 to 100");
    }
    Map<String, String> mapping = r.mapping() == null ? Map.of() : r.mapping();
    if (kind == SourceKind.CSV && !mapping.containsKey("value")) {
      throw new BadRequestException(
          "mapping", "a csv source needs 'mapping' with a 'value' column (index or header name)");
    }
    Set<String> known =
        new HashSet<>(
            List.of(
                "value",
                "type",
                "verdict",
                "confidence",
                "threat",
                "description",
                "first_seen",
                "last_seen",
                "expires",
                "delimiter"));
    for (String k : mapping.keySet()) {
      if (!known.contains(k)) {
        throw new BadRequestException(
            "mapping", "unknown mapping key '" + k + "'; known: " + known);
      }
    }
    return new SourceSpec(
        r.name(),
        kind,
        location,
        refresh,
        type,
        verdict,
        confidence,
        mapping,
        r.enabled() == null || r.enabled());
  }

  private static Duration duration(String text) {
    String t = text.strip();
    try {
      if (t.matches("\\d+[smhd]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(t);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new BadRequestException(
          "refreshInterval", "'refreshInterval' must look like 30m, 6h, 1d or PT1H");
    }
  }
}
