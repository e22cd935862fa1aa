package org.openair.domain;

import java.util.Locale;

/**
 * One SPF, DKIM, DMARC or compauth result as the receiving server recorded it. {@link #NONE} means
 * the header said "none"; {@link #MISSING} means no header said anything.
 */
public enum AuthResult {
  PASS,
  FAIL,
  SOFTFAIL,
  NEUTRAL,
  NONE,
  TEMPERROR,
  PERMERROR,
  BESTGUESSPASS,
  MISSING;

  /** Parses a result word from an Authentication-Results or Received-SPF header. */
  public static AuthResult parse(String word) {
    if (word == null || word.isBlank()) {
      return MISSING;
    }
    String w = word.trim().toLowerCase(Locale.ROOT);
    return switch (w) {
      case "pass" -> PASS;
      case "fail", "hardfail" -> FAIL;
      case "softfail" -> SOFTFAIL;
      case "neutral" -> NEUTRAL;
      case "none" -> NONE;
      case "temperror" -> TEMPERROR;
      case "permerror" -> PERMERROR;
      case "bestguesspass" -> BESTGUESSPASS;
      default -> MISSING;
    };
  }

  /** True for the results that mean the check was run and the message failed it. */
  public boolean failed() {
    return this == FAIL || this == SOFTFAIL || this == PERMERROR;
  }
}
