package org.openair.intel;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openair.intake.Domains;

/**
 * Puts indicator values and message values into one canonical spelling, so that a hash-map probe
 * decides a match. URLs: scheme and host in lower case, host in punycode without trailing dots,
 * default ports, user information and the fragment dropped, dot segments resolved, percent-encoding
 * made canonical (unreserved characters decoded, other escapes in upper case, characters that need
 * it encoded as UTF-8). Everything throws {@link IllegalArgumentException} with a reason for values
 * that cannot be an indicator of that type.
 */
public final class Normalizer {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
  private static final int MAX_PATTERN = 1000;
  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  private Normalizer() {}

  /** The canonical form of {@code raw} as an indicator of {@code type}. */
  public static String normalize(IndicatorType type, String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("the value is empty");
    }
    return switch (type) {
      case URL -> url(raw);
      case DOMAIN -> domain(raw);
      case IP -> ip(raw);
      case CIDR -> cidr(raw);
      case SHA256 -> hash(raw, 64, "SHA-256");
      case SHA1 -> hash(raw, 40, "SHA-1");
      case MD5 -> hash(raw, 32, "MD5");
      case EMAIL -> email(raw);
      case SUBJECT, FILENAME -> pattern(raw);
    };
  }

  /** The canonical URL; URLs without a scheme are read as http. */
  public static String url(String raw) {
    String s = raw.strip();
    StringBuilder clean = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\t' && c != '\r' && c != '\n') {
        clean.append(c);
      }
    }
    s = clean.toString();
    String scheme;
    String rest;
    int colon = s.indexOf(':');
    int firstSlash = indexOfAny(s, "/?#\\", 0);
    if (colon > 0
        && (firstSlash < 0 || colon < firstSlash)
        && s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
        && colon + 1 < s.length()
        && (s.charAt(colon + 1) == '/' || s.charAt(colon + 1) == '\\')) {
      scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
      rest = s.substring(colon + 1);
    } else {
      scheme = "http";
      rest = s;
    }
    int start = 0;
    while (start < rest.length() && (rest.charAt(start) == '/' || rest.charAt(start) == '\\')) {
      start++;
    }
    rest = rest.substring(start);
    int authorityEnd = indexOfAny(rest, "/?#\\", 0);
    String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
    String tail = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    String hostPart;
    String port = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed IPv6 literal in " + raw);
      }
      hostPart = authority.substring(0, close + 1);
      if (close + 1 < authority.length() && authority.charAt(close + 1) == ':') {
        port = authority.substring(close + 2);
      }
    } else {
      int c = authority.lastIndexOf(':');
      hostPart = c < 0 ? authority : authority.substring(0, c);
      port = c < 0 ? null : authority.substring(c + 1);
    }
    String host = canonicalHost(hostPart);
    if (host == null || !(InetAddresses.isInetAddress(host) || isHostName(host))) {
      throw new IllegalArgumentException("the URL has no valid host: " + raw);
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    out.append(scheme).append("://").append(host);
    if (port != null && !port.isEmpty()) {
      if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
        throw new IllegalArgumentException("the URL's port is not a number: " + raw);
      }
      int p = Integer.parseInt(port);
      if (p != defaultPort(scheme)) {
        out.append(':').append(p);
      }
    }
    int hash = tail.indexOf('#');
    if (hash >= 0) {
      tail = tail.substring(0, hash);
    }
    int q = tail.indexOf('?');
    String path = q < 0 ? tail : tail.substring(0, q);
    String query = q < 0 ? "" : tail.substring(q + 1);
    path = removeDotSegments(canonicalEscapes(path.replace('\\', '/'), true));
    out.append(path.isEmpty() ? "/" : path);
    if (!query.isEmpty()) {
      out.append('?').append(canonicalEscapes(query, false));
    }
    return out.toString();
  }

  /** The canonical host name: lower case, punycode, no trailing dot, no leading {@code *.}. */
  public static String domain(String raw) {
    String s = raw.strip();
    if (s.startsWith("*.")) {
      s = s.substring(2);
    }
    while (s.startsWith(".")) {
      s = s.substring(1);
    }
    String h = Domains.normalizeHost(s);
    if (h == null || h.isEmpty()) {
      throw new IllegalArgumentException("not a domain name: " + raw);
    }
    if (!isHostName(h) || h.indexOf('.') < 0) {
      throw new IllegalArgumentException("not a domain name: " + raw);
    }
    return h;
  }

  private static boolean isHostName(String h) {
    if (h.isEmpty()) {
      return false;
    }
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The canonical spelling of an IPv4 or IPv6 address (brackets optional). */
  public static String ip(String raw) {
    String s = raw.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (!InetAddresses.isInetAddress(s)) {
      throw new IllegalArgumentException("not an IP address: " + raw);
    }
    return InetAddresses.toAddrString(InetAddresses.forString(s));
  }

  /** The canonical {@code network/prefix}, with host bits cleared. */
  public static String cidr(String raw) {
    String s = raw.strip();
    int slash = s.indexOf('/');
    if (slash < 0) {
      String ip = ip(s);
      return ip + (ip.contains(":") ? "/128" : "/32");
    }
    String addr = s.substring(0, slash);
    String len = s.substring(slash + 1);
    if (!InetAddresses.isInetAddress(addr) || !len.matches("\\d{1,3}")) {
      throw new IllegalArgumentException("not a CIDR range: " + raw);
    }
    InetAddress a = InetAddresses.forString(addr);
    int bits = a.getAddress().length * 8;
    int prefix = Integer.parseInt(len);
    if (prefix > bits) {
      throw new IllegalArgumentException("prefix longer than the address in " + raw);
    }
    byte[] masked = CidrTable.mask(a.getAddress(), prefix);
    try {
      return InetAddresses.toAddrString(InetAddress.getByAddress(masked)) + "/" + prefix;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("not a CIDR range: " + raw, e);
    }
  }

  static String hash(String raw, int length, String name) {
    String h = raw.strip().toLowerCase(Locale.ROOT);
    if (h.length() != length || !HEX.matcher(h).matches()) {
      throw new IllegalArgumentException(
          "a " + name + " hash is " + length + " hex digits: " + raw);
    }
    return h;
  }

  /** The canonical address: lower case, without {@code mailto:} or angle brackets. */
  public static String email(String raw) {
    String s = raw.strip();
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7);
    }
    if (s.startsWith("<") && s.endsWith(">")) {
      s = s.substring(1, s.length() - 1);
    }
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1 || s.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("not an e-mail address: " + raw);
    }
    return s.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain(s.substring(at + 1));
  }

  static String pattern(String raw) {
    if (raw.length() > MAX_PATTERN) {
      throw new IllegalArgumentException("a pattern is at most " + MAX_PATTERN + " characters");
    }
    try {
      Pattern.compile(raw);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription());
    }
    return raw;
  }

  /** The host of a URL or host name in canonical form, IP literals included, or null. */
  static String canonicalHost(String hostPart) {
    String h = hostPart;
    if (h.startsWith("[") && h.endsWith("]")) {
      String inner = h.substring(1, h.length() - 1);
      return InetAddresses.isInetAddress(inner)
          ? InetAddresses.toAddrString(InetAddresses.forString(inner))
          : null;
    }
    h = Domains.normalizeHost(h);
    if (h == null) {
      return null;
    }
    if (InetAddresses.isInetAddress(h)) {
      return InetAddresses.toAddrString(InetAddresses.forString(h));
    }
    return h;
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      case "ftp" -> 21;
      default -> -1;
    };
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Characters a URL may carry literally in a path ({@code inPath}) or a query. */
  private static boolean isAllowed(int c, boolean inPath) {
    if (isUnreserved(c)) {
      return true;
    }
    return switch (c) {
      case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/' -> true;
      case '?' -> !inPath;
      default -> false;
    };
  }

  private static String canonicalEscapes(String s, boolean inPath) {
    StringBuilder out = new StringBuilder(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '%' && i + 2 < bytes.length) {
        int hi = Character.digit(bytes[i + 1], 16);
        int lo = Character.digit(bytes[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          int decoded = hi * 16 + lo;
          if (isUnreserved(decoded)) {
            out.append((char) decoded);
          } else {
            out.append('%').append(HEX_DIGITS[hi]).append(HEX_DIGITS[lo]);
          }
          i += 2;
          continue;
        }
      }
      if (b < 0x80 && isAllowed(b, inPath)) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX_DIGITS[b >> 4]).append(HEX_DIGITS[b & 0xf]);
      }
    }
    return out.toString();
  }

  private static String removeDotSegments(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    Deque<String> out = new ArrayDeque<>();
    String[] parts = path.split("/", -1);
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      boolean last = i == parts.length - 1;
      if (p.equals(".")) {
        if (last) {
          out.addLast("");
        }
      } else if (p.equals("..")) {
        out.pollLast();
        if (last) {
          out.addLast("");
        }
      } else {
        out.addLast(p);
      }
    }
    return "/" + String.join("/", out);
  }
}
