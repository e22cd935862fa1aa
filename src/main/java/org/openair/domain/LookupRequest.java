package org.openair.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A rule's request for more data. The engine answers it from the store between rule rounds by
 * inserting the facts found and a {@link ClusterMember} per related message, then marks the request
 * {@link #isAnswered() answered}. Identical requests are answered once.
 */
public class LookupRequest {
  private final LookupKind kind;
  private final String key;
  private final Duration window;
  private boolean answered;
  private int found;

  public LookupRequest(LookupKind kind, String key, Duration window) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.key = Objects.requireNonNull(key, "key");
    this.window = window == null ? Duration.ofDays(7) : window;
  }

  /** A request over the last {@code days} days. */
  public static LookupRequest lastDays(LookupKind kind, String key, int days) {
    return new LookupRequest(kind, key, Duration.ofDays(days));
  }

  /** A request over the last {@code hours} hours. */
  public static LookupRequest lastHours(LookupKind kind, String key, int hours) {
    return new LookupRequest(kind, key, Duration.ofHours(hours));
  }

  public LookupKind getKind() {
    return kind;
  }

  public String getKey() {
    return key;
  }

  /** How far back from the investigation's time to look. */
  public Duration getWindow() {
    return window;
  }

  /** True once the engine has inserted what it found. */
  public boolean isAnswered() {
    return answered;
  }

  /** How many items (messages, clicks, rules) the answer held. */
  public int getFound() {
    return found;
  }

  /** Called by the engine only, when it has inserted the answer. */
  public void markAnswered(int found) {
    this.answered = true;
    this.found = found;
  }

  /** Identical requests share a signature and are answered once. */
  public String signature() {
    return kind + "|" + key + "|" + window;
  }

  @Override
  public String toString() {
    return "LookupRequest[" + kind + " " + key + " " + window + "]";
  }
}
