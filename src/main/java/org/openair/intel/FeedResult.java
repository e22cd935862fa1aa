package org.openair.intel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What parsing a feed gave: the indicators, and how many entries were skipped and why (malformed
 * values, unsupported patterns or types). Skipped entries never fail the feed.
 */
public final class FeedResult {
  private static final int MAX_REASONS = 20;

  private final List<Indicator> indicators = new ArrayList<>();
  private final Map<String, Integer> reasons = new LinkedHashMap<>();
  private int skipped;

  public void add(Indicator indicator) {
    indicators.add(indicator);
  }

  /** Adds an indicator of {@code type} from a raw value, or counts it skipped with the reason. */
  public void add(IndicatorType type, String raw, IndicatorTemplate template) {
    try {
      indicators.add(template.build(type, Normalizer.normalize(type, raw)));
    } catch (IllegalArgumentException e) {
      skip(e.getMessage());
    }
  }

  public void skip(String reason) {
    skipped++;
    if (reasons.containsKey(reason) || reasons.size() < MAX_REASONS) {
      reasons.merge(reason, 1, Integer::sum);
    }
  }

  public List<Indicator> indicators() {
    return indicators;
  }

  public int skipped() {
    return skipped;
  }

  /** The first distinct reasons for skipping, each with its count. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    reasons.forEach((r, n) -> out.add(n == 1 ? r : r + " (" + n + " times)"));
    return out;
  }

  /** Everything an indicator needs besides its type and value. */
  public record IndicatorTemplate(
      String source,
      IndicatorVerdict verdict,
      String threat,
      int confidence,
      java.time.Instant firstSeen,
      java.time.Instant lastSeen,
      java.time.Instant expiresAt,
      String description) {
    Indicator build(IndicatorType type, String value) {
      return new Indicator(
          type,
          value,
          source,
          verdict,
          threat,
          confidence,
          firstSeen,
          lastSeen,
          expiresAt,
          description);
    }
  }
}
