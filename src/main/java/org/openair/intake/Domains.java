package org.openair.intake;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openair.domain.Link;

/**
 * Host and registrable-domain helpers shared by intake and threat intelligence. They never throw on
 * hostile input: URLs in mail are written to fool readers and naive parsers alike, so these follow
 * what a browser would do rather than what {@link java.net.URI} accepts.
 */
public final class Domains {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Set<String> AUTHORITY_SCHEMES = Set.of("http", "https", "ftp", "ws", "wss");
  private static final Pattern INVISIBLE = Pattern.compile("[\\t\\r\\n\\u0000]");
  private static final Pattern HEX_OR_DECIMAL_HOST =
      Pattern.compile("\\d{1,10}|0x[0-9a-f]{1,8}(\\.0x[0-9a-f]{1,2}){0,3}");

  private Domains() {}

  /**
   * The host a browser would contact for {@code url}, normalised with {@link #normalizeHost}, or
   * null when the text names no host (relative links, {@code mailto:} and other schemes). Accepts
   * URLs without a scheme ({@code www.example.com/x}) and protocol-relative ones ({@code
   * //example.com}). User information is dropped, so {@code http://paypal.com@evil.example/} gives
   * {@code evil.example}.
   */
  public static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    String s = INVISIBLE.matcher(url.strip()).replaceAll("");
    String rest;
    Matcher m = SCHEME.matcher(s);
    if (m.lookingAt() && !m.group(1).contains(".")) {
      if (!AUTHORITY_SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        return null;
      }
      // Browsers read http:/\host, http:\\host and even http:host as the same authority.
      rest = stripLeadingSlashes(s.substring(m.end()));
    } else if (s.startsWith("//") || s.startsWith("\\\\")) {
      rest = stripLeadingSlashes(s);
    } else if (looksLikeBareHost(s)) {
      rest = s;
    } else {
      return null;
    }
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    String host;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      host = close < 0 ? authority : authority.substring(0, close + 1);
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
    }
    return normalizeHost(host);
  }

  /**
   * Lower case, percent-decoded, without trailing dots, with internationalised labels in punycode
   * ({@code xn--}), or null for an empty host. IPv6 literals keep their brackets.
   */
  public static String normalizeHost(String host) {
    if (host == null) {
      return null;
    }
    String h = host.strip();
    if (h.indexOf('%') >= 0 && !h.startsWith("[")) {
      h = percentDecode(h);
    }
    h = h.replace('\u3002', '.').replace('\uff0e', '.').replace('\uff61', '.');
    h = h.toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty()) {
      return null;
    }
    if (!isAscii(h)) {
      try {
        h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        // Not a valid IDN (a label too long, forbidden code points): keep what was written.
      }
    }
    return h;
  }

  /**
   * The registrable domain of {@code host} from the public suffix list, private suffixes included
   * (so {@code victim.github.io} stays whole), e.g. {@code www.example.co.uk} gives {@code
   * example.co.uk}. IP literals, public suffixes themselves and names without a known suffix give
   * the normalised host itself; null gives null.
   */
  public static String registrableDomain(String host) {
    String h = normalizeHost(host);
    if (h == null) {
      return null;
    }
    if (isIpLiteral(h)) {
      return h;
    }
    try {
      InternetDomainName name = InternetDomainName.from(h);
      if (name.isUnderPublicSuffix()) {
        return name.topPrivateDomain().toString();
      }
      if (h.contains("xn--")) {
        // Guava's list spells internationalised suffixes in Unicode, so try that spelling.
        InternetDomainName unicode = InternetDomainName.from(IDN.toUnicode(h));
        if (unicode.isUnderPublicSuffix()) {
          return IDN.toASCII(unicode.topPrivateDomain().toString()).toLowerCase(Locale.ROOT);
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Not a syntactically valid domain name: the host is the best identity there is.
    }
    return h;
  }

  /**
   * The host that a link's text names when the text is itself a URL or a bare domain, or null
   * ("Click here"), the way intake fills {@code Link.displayedHost}.
   */
  public static String displayedHost(String text) {
    return LinkExtractor.displayedHost(text);
  }

  /**
   * A {@link Link} fact for {@code url} as intake builds them: host, registrable domain and the
   * host its displayed text names. For links that arrive without a message (an alert's URL).
   */
  public static Link link(String messageId, String url, String displayedText) {
    String host = hostOf(url);
    return new Link(
        messageId,
        url.strip(),
        host,
        registrableDomain(host),
        displayedText,
        displayedHost(displayedText));
  }

  /** True for IP literals, also the decimal and hex spellings browsers accept. */
  public static boolean isIpLiteral(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    return InetAddresses.isUriInetAddress(host) || HEX_OR_DECIMAL_HOST.matcher(host).matches();
  }

  private static boolean looksLikeBareHost(String s) {
    if (s.regionMatches(true, 0, "www.", 0, 4)) {
      return true;
    }
    int end = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String candidate = s.substring(0, end);
    return !candidate.isEmpty()
        && candidate.indexOf('.') > 0
        && candidate.chars().noneMatch(Character::isWhitespace);
  }

  private static String stripLeadingSlashes(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) {
      i++;
    }
    return s.substring(i);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      int cp = s.codePointAt(i);
      byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
      i += Character.charCount(cp);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
