package org.openair.intel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.openair.domain.Verdict;

/** What a source says about an indicator's value. */
public enum IndicatorVerdict {
  MALICIOUS,
  SUSPICIOUS,
  /** Known good: allow-lists and warning lists. */
  BENIGN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Verdict toVerdict() {
    return switch (this) {
      case MALICIOUS -> Verdict.MALICIOUS;
      case SUSPICIOUS -> Verdict.SUSPICIOUS;
      case BENIGN -> Verdict.CLEAN;
    };
  }

  public static Optional<IndicatorVerdict> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(v -> v.code().equals(c)).findFirst();
  }
}
