package org.openair.intel;

import java.time.Duration;
import java.util.Map;

/**
 * How to read one source.
 *
 * @param location an {@code http(s)://} URL, a {@code file:} URL or a path; null for {@link
 *     SourceKind#API} sources
 * @param type the type of every value in a plain list or CSV without a type column; null: infer
 * @param verdict what the source's entries are when they do not say
 * @param confidence the confidence of entries that do not give one
 * @param mapping for CSV: column of {@code value} (required) and optionally {@code type}, {@code
 *     verdict}, {@code confidence}, {@code threat}, {@code description}, {@code first_seen}, {@code
 *     last_seen}, {@code expires}, each a 0-based index or a header name; {@code delimiter} (one
 *     character, default comma)
 */
public record SourceSpec(
    String name,
    SourceKind kind,
    String location,
    Duration refreshInterval,
    IndicatorType type,
    IndicatorVerdict verdict,
    int confidence,
    Map<String, String> mapping,
    boolean enabled) {

  public SourceSpec {
    mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
  }

  public FeedResult.IndicatorTemplate template() {
    return new FeedResult.IndicatorTemplate(
        name, verdict, null, confidence, null, null, null, null);
  }

  public SourceSpec withEnabled(boolean on) {
    return new SourceSpec(
        name, kind, location, refreshInterval, type, verdict, confidence, mapping, on);
  }
}
