package org.openair.intel;

import java.time.Instant;
import java.util.Objects;

/**
 * One indicator as stored and indexed: its normalised value, where it came from and what its source
 * says about it. Instants may be null when the source gives none.
 *
 * @param value normalised with {@link Normalizer#normalize}; for pattern types, a regular
 *     expression
 * @param threat the threat the source names (phish, malware, c2...), or null
 * @param confidence 0 to 100
 */
public record Indicator(
    IndicatorType type,
    String value,
    String source,
    IndicatorVerdict verdict,
    String threat,
    int confidence,
    Instant firstSeen,
    Instant lastSeen,
    Instant expiresAt,
    String description) {

  public Indicator {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verdict, "verdict");
    confidence = Math.max(0, Math.min(100, confidence));
  }

  /** An indicator with only the essentials, as lists and tests give them. */
  public static Indicator of(
      IndicatorType type, String value, String source, IndicatorVerdict verdict, int confidence) {
    return new Indicator(type, value, source, verdict, null, confidence, null, null, null, null);
  }

  /** The identity of an indicator within its source: type and normalised value. */
  public String key() {
    return type.code() + ":" + value;
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }

  public Indicator withSource(String newSource) {
    return new Indicator(
        type,
        value,
        newSource,
        verdict,
        threat,
        confidence,
        firstSeen,
        lastSeen,
        expiresAt,
        description);
  }
}
