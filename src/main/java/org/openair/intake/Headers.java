package org.openair.intake;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;
import org.openair.domain.AuthResult;

/** Header-value helpers: decoding, dates, IP addresses and authentication results. */
final class Headers {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern RFC_DATE =
      Pattern.compile(
          "(?i)(\\d{1,2})[\\s-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?[\\s-]+"
              + "(\\d{2,4})\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?"
              + "(?:\\s*([+-]\\d{2}:?\\d{2}|[a-z]{1,5})\\b)?");
  private static final Pattern ISO_DATE =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?"
              + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("edt", -4),
          Map.entry("est", -5),
          Map.entry("cdt", -5),
          Map.entry("cst", -6),
          Map.entry("mdt", -6),
          Map.entry("mst", -7),
          Map.entry("pdt", -7),
          Map.entry("pst", -8));

  private static final String IP = "([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]+)";
  private static final Pattern AUTH_IP =
      Pattern.compile(
          "(?i)(?:sender ip is|client-ip=|smtp\\.remote-ip=|designates|use of)\\s*\\[?" + IP);
  private static final Pattern BRACKETED_IP =
      Pattern.compile("\\[(?:IPv6:)?([0-9a-fA-F:.]{3,45})\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENCODED_WORD_CHARSET =
      Pattern.compile("=\\?([^?\\s]{1,60})\\?([bBqQ])\\?");
  private static final Pattern AUTH_METHOD =
      Pattern.compile("(?i)(?:^|[;\\s])(spf|dkim|dmarc|compauth)\\s*=\\s*([a-z]+)");

  private Headers() {}

  /**
   * The unfolded value of a parsed header field. Decodes the raw bytes as UTF-8 when they are valid
   * UTF-8 (common in modern mail even though RFC 5322 says ASCII) and as windows-1252 otherwise.
   */
  static String value(Field field) {
    return value(field, null);
  }

  /**
   * As {@link #value(Field)}, but raw bytes that are not UTF-8 are read in {@code fallback} when
   * they are valid in it: senders who write 8-bit headers write them in the body's charset.
   */
  static String value(Field field, Charset fallback) {
    String body = null;
    ByteSequence raw = field.getRaw();
    if (raw != null) {
      byte[] bytes = raw.toByteArray();
      int start = delimiter(field, bytes) + 1;
      if (start > 0 && start <= bytes.length) {
        body = decodeBytes(bytes, start, bytes.length - start, fallback);
      }
    }
    if (body == null) {
      body = field.getBody() == null ? "" : field.getBody();
    }
    return withoutControls(unfold(body));
  }

  /**
   * Drops control characters other than tab and line breaks: binary junk in mail would otherwise
   * reach storage, and PostgreSQL text columns refuse NUL.
   */
  static String withoutControls(String s) {
    int i = 0;
    while (i < s.length() && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
  }

  /** Joins folded lines (RFC 5322 unfolding: the line break goes, the white space stays). */
  static String unfold(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s.strip();
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        boolean folded = i + 1 < s.length() && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t');
        if (!folded && c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          continue;
        }
        if (!folded) {
          out.append(' ');
        }
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  private static int delimiter(Field field, byte[] bytes) {
    if (field instanceof org.apache.james.mime4j.stream.RawField rf && rf.getDelimiterIdx() > 0) {
      return rf.getDelimiterIdx();
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == ':') {
        return i;
      }
    }
    return -1;
  }

  static String decodeBytes(byte[] bytes, int offset, int length) {
    return decodeBytes(bytes, offset, length, null);
  }

  static String decodeBytes(byte[] bytes, int offset, int length, Charset fallback) {
    boolean ascii = true;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    String text = strict(bytes, offset, length, StandardCharsets.UTF_8);
    if (text == null && fallback != null) {
      text = strict(bytes, offset, length, fallback);
    }
    return text != null ? text : new String(bytes, offset, length, WINDOWS_1252);
  }

  private static String strict(byte[] bytes, int offset, int length, Charset cs) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Decodes RFC 2047 encoded words; text that is not encoded comes back unchanged. Their charset
   * labels are read as {@link TextDecoder#lookup} reads body charsets, so that "ks_c_5601-1987" or
   * "iso-8859-1" words decode as the Windows code pages their senders wrote in.
   */
  static String decodeWords(String s) {
    if (s == null || !s.contains("=?")) {
      return s;
    }
    try {
      return withoutControls(
          DecoderUtil.decodeEncodedWords(widenWordCharsets(s), DecodeMonitor.SILENT));
    } catch (RuntimeException e) {
      return s;
    }
  }

  private static String widenWordCharsets(String s) {
    Matcher m = ENCODED_WORD_CHARSET.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      Charset cs = TextDecoder.lookup(m.group(1));
      String name = cs == null ? m.group(1) : cs.name();
      m.appendReplacement(out, Matcher.quoteReplacement("=?" + name + "?" + m.group(2) + "?"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A date as mail headers write it (RFC 5322, with the usual deviations), or null. */
  static Instant parseDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    Matcher m = RFC_DATE.matcher(s);
    if (m.find()) {
      int year = Integer.parseInt(m.group(3));
      if (m.group(3).length() == 2) {
        year += year < 50 ? 2000 : 1900;
      } else if (m.group(3).length() == 3) {
        year += 1900;
      }
      int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
      return toInstant(
          year,
          month,
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
          m.group(7));
    }
    m = ISO_DATE.matcher(s);
    if (m.find()) {
      return toInstant(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
          m.group(7));
    }
    return null;
  }

  private static Instant toInstant(
      int year, int month, int day, int hour, int minute, int second, String zone) {
    if (year < 1970 || year > 2200) {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59));
      return local.toInstant(offset(zone));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null) {
      return ZoneOffset.UTC;
    }
    String z = zone.toLowerCase(Locale.ROOT);
    if (z.startsWith("+") || z.startsWith("-")) {
      String digits = z.substring(1).replace(":", "");
      int hours = Integer.parseInt(digits.substring(0, 2));
      int minutes = Integer.parseInt(digits.substring(2, 4));
      if (hours > 18 || minutes > 59) {
        return ZoneOffset.UTC;
      }
      int sign = z.charAt(0) == '-' ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    Integer hours = ZONES.get(z);
    return hours == null ? ZoneOffset.UTC : ZoneOffset.ofHours(hours);
  }

  /** The date after the last semicolon of a Received header, or null. */
  static Instant receivedDate(String received) {
    int semi = received.lastIndexOf(';');
    return semi < 0 ? null : parseDate(received.substring(semi + 1));
  }

  /** An IP address named by an Authentication-Results or Received-SPF header, or null. */
  static String ipFromAuthHeader(String value) {
    Matcher m = AUTH_IP.matcher(value);
    while (m.find()) {
      String ip = validIp(m.group(1));
      if (ip != null) {
        return ip;
      }
    }
    return null;
  }

  /** The first public IP address in square brackets in a Received header, or null. */
  static String publicIpFromReceived(String value) {
    Matcher m = BRACKETED_IP.matcher(value);
    while (m.find()) {
      String ip = validIp(m.group(1));
      if (ip != null && isPublic(ip)) {
        return ip;
      }
    }
    return null;
  }

  private static String validIp(String candidate) {
    if (candidate == null || !InetAddresses.isInetAddress(candidate)) {
      return null;
    }
    return InetAddresses.toAddrString(InetAddresses.forString(candidate));
  }

  static boolean isPublic(String ip) {
    InetAddress a = InetAddresses.forString(ip);
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // Carrier-grade NAT (100.64/10) and "this network" (0/8) are not reachable senders.
      return !(first == 0 || (first == 100 && second >= 64 && second < 128));
    }
    if (a instanceof Inet6Address) {
      // Unique local addresses, fc00::/7.
      return (b[0] & 0xfe) != 0xfc;
    }
    return true;
  }

  /**
   * The authserv-id of an Authentication-Results value, lower case, or an empty string when the
   * header starts directly with a result (as Microsoft writes it).
   */
  static String authservId(String value) {
    String stripped = stripComments(value);
    int semi = stripped.indexOf(';');
    String first = (semi < 0 ? stripped : stripped.substring(0, semi)).strip();
    if (first.contains("=") || first.isEmpty()) {
      return "";
    }
    return first.split("\\s+")[0].toLowerCase(Locale.ROOT);
  }

  /**
   * The spf, dkim, dmarc and compauth results of one Authentication-Results value. Where a header
   * has several DKIM results (one per signature) any pass counts, as receivers evaluate them.
   */
  static Map<AuthMethod, AuthResult> authResults(String value) {
    Map<AuthMethod, AuthResult> results = new EnumMap<>(AuthMethod.class);
    Matcher m = AUTH_METHOD.matcher(stripComments(value));
    while (m.find()) {
      AuthMethod method = AuthMethod.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      AuthResult result = AuthResult.parse(m.group(2));
      AuthResult previous = results.get(method);
      if (previous == null || (method == AuthMethod.DKIM && result == AuthResult.PASS)) {
        results.put(method, result);
      }
    }
    return results;
  }

  /** The result word that starts a Received-SPF value. */
  static AuthResult receivedSpf(String value) {
    String v = value.strip();
    int end = 0;
    while (end < v.length() && Character.isLetter(v.charAt(end))) {
      end++;
    }
    return AuthResult.parse(v.substring(0, end));
  }

  /** Removes RFC 5322 comments (nested parentheses) outside quoted strings. */
  static String stripComments(String s) {
    if (s.indexOf('(') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        if (depth == 0) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (c == '"' && depth == 0) {
        quoted = !quoted;
        out.append(c);
      } else if (c == '(' && !quoted) {
        depth++;
      } else if (c == ')' && !quoted && depth > 0) {
        depth--;
        out.append(' ');
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The e-mail addresses written anywhere in {@code s}: a fallback when address parsing fails. */
  static List<String> emailsIn(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = EMAIL.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static final Pattern EMAIL =
      Pattern.compile("[^\\s<>\"(),;:\\[\\]@]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?");

  enum AuthMethod {
    SPF,
    DKIM,
    DMARC,
    COMPAUTH
  }
}
