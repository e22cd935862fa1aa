package org.openair.intel;

import com.google.common.net.InetAddresses;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an indicator's value is, and so how it is normalised and matched. */
public enum IndicatorType {
  URL,
  /** A host name; it also matches every subdomain. */
  DOMAIN,
  IP,
  CIDR,
  SHA256,
  SHA1,
  MD5,
  /** A sender (or reply-to, return-path) address. */
  EMAIL,
  /** A regular expression over the subject (STIX {@code email-message:subject}). */
  SUBJECT,
  /** A regular expression over attachment file names. */
  FILENAME;

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isHash() {
    return this == SHA256 || this == SHA1 || this == MD5;
  }

  /** True for the types whose values are patterns, matched by scanning rather than hashing. */
  public boolean isPattern() {
    return this == SUBJECT || this == FILENAME;
  }

  public static Optional<IndicatorType> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT).replace("-", "");
    return Arrays.stream(values()).filter(t -> t.code().equals(c)).findFirst();
  }

  /**
   * The type a bare value most likely has: a URL when it has a scheme or a path, an IP or CIDR, a
   * hash by its length in hex digits, an address when it has an {@code @}, else a domain. Patterns
   * are never guessed.
   */
  public static IndicatorType infer(String value) {
    String v = value.strip();
    if (v.contains("://") || (v.indexOf('/') > 0 && !looksLikeCidr(v))) {
      return URL;
    }
    if (looksLikeCidr(v)) {
      return CIDR;
    }
    String bare = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
    if (InetAddresses.isInetAddress(bare)) {
      return IP;
    }
    if (HEX.matcher(v).matches()) {
      switch (v.length()) {
        case 64:
          return SHA256;
        case 40:
          return SHA1;
        case 32:
          return MD5;
        default:
          break;
      }
    }
    if (v.indexOf('@') > 0) {
      return EMAIL;
    }
    return DOMAIN;
  }

  private static boolean looksLikeCidr(String v) {
    int slash = v.indexOf('/');
    return slash > 0
        && v.substring(slash + 1).matches("\\d{1,3}")
        && InetAddresses.isInetAddress(v.substring(0, slash));
  }
}
