package org.openair.intel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;
import org.openair.domain.AlertType;
import org.openair.investigation.AlertRequest;
import org.openair.investigation.AlertService;
import org.openair.store.Ids;

/**
 * When indicators arrive, looks for mail delivered in the window that carries them and raises one
 * alert per indicator: {@code malware-zap} for file hashes and names, {@code phish-zap} for URLs,
 * domains, senders and IPs. The alert names the most recently delivered matching message; its
 * playbook finds the other copies with an {@code INTEL_MATCH} lookup, so a thousand copies make one
 * investigation. An indicator already hunted within the window is not hunted again, and an
 * indicator whose matches another alert of the same hunt already covers raises no alert of its own.
 */
@ApplicationScoped
public class RetroHunter {
  private static final Logger LOG = Logger.getLogger(RetroHunter.class);
  static final String ACTOR = "intel-retro-hunt";

  private final IntelMatches matches;
  private final IntelStore store;
  private final AlertService alerts;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration window;
  private final int minConfidence;
  private final int maxMessages;
  private final int scanThreshold;

  @Inject
  public RetroHunter(
      IntelMatches matches,
      IntelStore store,
      AlertService alerts,
      AuditLog audit,
      Clock clock,
      OpenAirConfig config) {
    this.matches = matches;
    this.store = store;
    this.alerts = alerts;
    this.audit = audit;
    this.clock = clock;
    this.window = config.intel().retroHuntWindow();
    this.minConfidence = config.intel().retroHuntMinConfidence();
    this.maxMessages = config.intel().retroHuntMaxMessages();
    this.scanThreshold = config.intel().retroHuntScanThreshold();
  }

  /** Hunts for {@code added} indicators; returns the hunts that raised or joined an alert. */
  public List<IntelStore.Hunt> hunt(List<Indicator> added) {
    Instant now = clock.instant();
    Instant since = now.minus(window);
    List<Indicator> candidates = new ArrayList<>();
    for (Indicator i : added) {
      if (i.verdict() != IndicatorVerdict.BENIGN
          && i.confidence() >= minConfidence
          && !i.expiredAt(now)
          && !store.huntedSince(IntelStore.valueKey(i.type(), i.value()), since)) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    candidates.sort(
        Comparator.comparing((Indicator i) -> i.verdict().ordinal())
            .thenComparing(Comparator.comparingInt(Indicator::confidence).reversed()));
    Map<String, Map<String, Integer>> found = new HashMap<>();
    if (candidates.size() > scanThreshold) {
      Map<String, List<Indicator>> bySource = new HashMap<>();
      candidates.forEach(i -> bySource.computeIfAbsent(i.source(), s -> new ArrayList<>()).add(i));
      IntelIndex fresh = IntelIndex.empty();
      for (Map.Entry<String, List<Indicator>> e : bySource.entrySet()) {
        fresh = fresh.with(e.getKey(), e.getValue());
      }
      found.putAll(matches.scan(fresh, since, now, maxMessages));
    } else {
      for (Indicator i : candidates) {
        Map<String, Integer> hits = matches.delivered(i, since, maxMessages);
        if (!hits.isEmpty()) {
          found.put(key(i), hits);
        }
      }
    }
    List<IntelStore.Hunt> hunts = new ArrayList<>();
    Map<String, IntelStore.Hunt> coveredBy = new HashMap<>();
    Set<String> hunted = new HashSet<>();
    for (Indicator i : candidates) {
      Map<String, Integer> hits = found.get(key(i));
      if (hits == null || hits.isEmpty() || !hunted.add(i.key())) {
        continue;
      }
      try {
        hunts.add(raise(i, hits, coveredBy, now));
      } catch (RuntimeException e) {
        LOG.errorf(e, "Retro-hunt alert for %s from %s failed", i.key(), i.source());
      }
    }
    return hunts;
  }

  private IntelStore.Hunt raise(
      Indicator i, Map<String, Integer> hits, Map<String, IntelStore.Hunt> coveredBy, Instant now) {
    int deliveries = hits.values().stream().mapToInt(Integer::intValue).sum();
    AlertType type =
        i.type().isHash() || i.type() == IndicatorType.FILENAME
            ? AlertType.MALWARE_ZAP
            : AlertType.PHISH_ZAP;
    IntelStore.Hunt earlier =
        hits.keySet().stream()
            .map(coveredBy::get)
            .filter(h -> h != null && h.alertType().equals(type.code()))
            .findFirst()
            .orElse(null);
    boolean covered = earlier != null && hits.keySet().stream().allMatch(coveredBy::containsKey);
    String alertId;
    String investigationId;
    if (covered) {
      alertId = earlier.alertId();
      investigationId = earlier.investigationId();
    } else {
      String representative = hits.keySet().iterator().next();
      AlertService.Accepted accepted =
          alerts.raise(
              new AlertRequest(
                  type.code(),
                  representative,
                  null,
                  i.type() == IndicatorType.URL ? i.value() : null,
                  null,
                  null,
                  now),
              ACTOR);
      alertId = accepted.alertId();
      investigationId = accepted.investigationId();
    }
    IntelStore.Hunt hunt =
        new IntelStore.Hunt(
            Ids.next("hunt"),
            i.type().code(),
            i.value(),
            i.source(),
            alertId,
            investigationId,
            type.code(),
            hits.size(),
            deliveries,
            now,
            List.copyOf(hits.keySet()));
    store.insertHunt(hunt);
    if (!covered) {
      hits.keySet().forEach(m -> coveredBy.putIfAbsent(m, hunt));
    }
    audit.record(
        ACTOR,
        "intel.retro-hunt",
        "investigation",
        investigationId,
        null,
        Map.of(
            "indicator",
            i.key(),
            "source",
            i.source(),
            "messages",
            hits.size(),
            "deliveries",
            deliveries,
            "newInvestigation",
            !covered));
    LOG.infof(
        "Retro-hunt: %s from %s matches %d messages (%d deliveries); investigation %s%s",
        i.key(),
        i.source(),
        hits.size(),
        deliveries,
        investigationId,
        covered ? " (already covered)" : "");
    return hunt;
  }

  private static String key(Indicator i) {
    return i.source() + "|" + i.key();
  }
}
