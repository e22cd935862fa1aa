package org.openair.domain;

import com.google.common.net.InetAddresses;
import java.util.Locale;
import java.util.regex.Pattern;

/** A link found in a message's text or HTML, with where it really goes and what it showed. */
public class Link {
  private final String messageId;
  private final String url;
  private final String host;
  private final String registrableDomain;
  private final String displayedText;
  private final String displayedHost;
  private final String form;

  /** A form posting here asks the reader for a secret (a password, a PIN, a card number). */
  public static final String FORM_ASKS_SECRET = "secret";

  /** A form posting here asks for no secret (a search box, contact details, a newsletter). */
  public static final String FORM_ASKS_NO_SECRET = "no-secret";

  public Link(
      String messageId,
      String url,
      String host,
      String registrableDomain,
      String displayedText,
      String displayedHost) {
    this(messageId, url, host, registrableDomain, displayedText, displayedHost, null);
  }

  public Link(
      String messageId,
      String url,
      String host,
      String registrableDomain,
      String displayedText,
      String displayedHost,
      String form) {
    this.messageId = messageId;
    this.url = url;
    this.host = host == null ? null : host.toLowerCase(Locale.ROOT);
    this.registrableDomain =
        registrableDomain == null ? null : registrableDomain.toLowerCase(Locale.ROOT);
    this.displayedText = displayedText;
    this.displayedHost = displayedHost == null ? null : displayedHost.toLowerCase(Locale.ROOT);
    this.form = form;
  }

  public String getMessageId() {
    return messageId;
  }

  /** The target URL as found (entities decoded, white space trimmed). */
  public String getUrl() {
    return url;
  }

  /** The target host, lower case, punycode as written. */
  public String getHost() {
    return host;
  }

  /**
   * The registrable domain of the host from the public suffix list (e.g. {@code example.co.uk}), or
   * the host itself for IP literals and names with no public suffix.
   */
  public String getRegistrableDomain() {
    return registrableDomain;
  }

  /** The text a reader saw for the link (anchor text), or null for links found in plain text. */
  public String getDisplayedText() {
    return displayedText;
  }

  /** The host named in the displayed text when that text itself looks like a URL, else null. */
  public String getDisplayedHost() {
    return displayedHost;
  }

  /**
   * What a form posting to this URL asks: {@link #FORM_ASKS_SECRET}, {@link #FORM_ASKS_NO_SECRET},
   * or null when the URL is not a form's target.
   */
  public String getForm() {
    return form;
  }

  /** True when the URL is the target of a form that asks for no secret. */
  public boolean isFormWithoutSecret() {
    return FORM_ASKS_NO_SECRET.equals(form);
  }

  /**
   * True when the host is an IP literal, also in the decimal, octal and hex spellings browsers
   * accept ({@code http://3232235777/}, {@code http://030052000401/}, {@code http://0xc0a80101/})
   * that hide an address from readers. A leading zero makes a browser read the digits as octal, so
   * an octal address may be eleven or twelve digits long.
   */
  public boolean isIpLiteral() {
    if (host == null || host.isEmpty()) {
      return false;
    }
    return InetAddresses.isUriInetAddress(host)
        || host.matches("\\d{1,10}")
        || host.matches("0[0-7]{1,11}")
        || host.matches("0x[0-9a-f]{1,8}(\\.0x[0-9a-f]{1,2}){0,3}");
  }

  /** True when the host is a URL shortener or redirector ({@link Reference#isShortener}). */
  public boolean isShortener() {
    return flag(0, () -> Reference.isShortener(host));
  }

  /**
   * True when the host is a subdomain of a free hosting service ({@link
   * Reference#isFreeSubdomain}).
   */
  public boolean isFreeSubdomain() {
    return flag(4, () -> Reference.isFreeSubdomain(host));
  }

  /** True when the host is a free file-sharing or document host. */
  public boolean isFileSharing() {
    return flag(1, () -> Reference.isFileSharingHost(host));
  }

  /**
   * True when the link opens a web page ({@code .html}, {@code .htm}, {@code .shtml}, {@code
   * .xhtml}) stored on a file-sharing or cloud-storage host ({@code
   * storage.googleapis.com/bucket/login.html}): a page put up there borrows the host's name and
   * certificate and outlives any takedown of a domain of its own; sites and their newsletters serve
   * pages from their own domains.
   */
  public boolean isParkedPage() {
    return isFileSharing() && PAGE_PATH.matcher(path()).find();
  }

  private static final Pattern PAGE_PATH =
      Pattern.compile("\\.(?:x?html?|shtml)$", Pattern.CASE_INSENSITIVE);

  /** The URL's path, without scheme, host, query or fragment ("" when it has none). */
  private String path() {
    if (url == null) {
      return "";
    }
    int start = url.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int slash = url.indexOf('/', start);
    if (slash < 0) {
      return "";
    }
    int end = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c, slash);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return url.substring(slash, end);
  }

  /**
   * True when a popular site's link carries another web address in base64 in its query ({@code
   * bing.com/ck/a?...&u=a1aHR0cHM6Ly9...}): the click-tracking redirect of a search engine or
   * portal, which sends the reader to whatever address was encoded and lends it the site's good
   * name. Readers and mail filters see the popular host, not the target.
   */
  public boolean isEncodedRedirect() {
    if (url == null || !isPopular()) {
      return false;
    }
    int query = url.indexOf('?');
    return query >= 0 && ENCODED_ADDRESS.matcher(url).find(query);
  }

  /** "http://" and "https://" in base64, at any of the three offsets a text can start at. */
  private static final Pattern ENCODED_ADDRESS =
      Pattern.compile("aHR0cHM6Ly|aHR0cDovL|h0dHBzOi8v|h0dHA6Ly|odHRwczovL|odHRwOi8v");

  /** True when the host's registrable domain is among the most used sites. */
  public boolean isPopular() {
    return flag(2, () -> Reference.isPopularDomain(host));
  }

  /** True when the host belongs to Microsoft's attack simulator. */
  public boolean isAttackSimulator() {
    return flag(3, () -> Reference.isAttackSimulatorHost(host));
  }

  /** The well-known domain the host imitates ({@link Reference#lookAlikeBrand}), or null. */
  public String getLookAlikeBrand() {
    String found = lookAlike;
    if (found == null) {
      String brand = host == null ? null : Reference.lookAlikeBrand(host);
      found = brand == null ? "" : brand;
      lookAlike = found;
    }
    return found.isEmpty() ? null : found;
  }

  // Reference lookups are asked by several rules and patterns; each is computed once per link.
  private volatile int known;
  private volatile int flags;
  private volatile String lookAlike;

  private boolean flag(int bit, java.util.function.BooleanSupplier compute) {
    int mask = 1 << bit;
    if ((known & mask) == 0) {
      boolean value = compute.getAsBoolean();
      synchronized (this) {
        flags = value ? flags | mask : flags & ~mask;
        known |= mask;
      }
      return value;
    }
    return (flags & mask) != 0;
  }

  /** True when any label of the host is punycode ({@code xn--}). */
  public boolean isPunycode() {
    return host != null && (host.startsWith("xn--") || host.contains(".xn--"));
  }

  @Override
  public String toString() {
    return "Link[" + url + "]";
  }
}
