package org.openair.intel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a source may have; {@link #API} sources are filled by the bulk API only. */
public enum SourceKind {
  STIX,
  MISP,
  WARNINGLIST,
  LIST,
  CSV,
  API;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SourceKind> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.code().equals(c)).findFirst();
  }
}
