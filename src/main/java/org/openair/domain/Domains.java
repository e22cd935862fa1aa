package org.openair.domain;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Domain helpers for rules, which may only import the domain package: registrable domains from the
 * public suffix list, free-mail providers, and addresses hidden in display names.
 */
public final class Domains {
  // RFC 2606 / 6761 special-use names and the private-use suffixes networks use internally.
  private static final Pattern PRIVATE_NAME =
      Pattern.compile(
          "(?:^|\\.)(?:example|test|invalid|localhost|local|internal|lan|home\\.arpa|corp|intranet)$");

  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

  // Second-level labels that registries keep for government bodies (gov.br, gob.es, gouv.fr,
  // govt.nz, go.jp, gv.at, mil).
  private static final Set<String> GOVERNMENT_LABELS =
      Set.of("gov", "gob", "gouv", "govt", "go", "gv", "mil");

  private Domains() {}

  /**
   * The registrable domain of a host ({@code mail.example.co.uk} gives {@code example.co.uk}), the
   * last two labels for names without a public suffix, the address for IP literals; null for null.
   */
  public static String registrable(String host) {
    if (host == null || host.isBlank()) {
      return null;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (InetAddresses.isUriInetAddress(h)) {
      return h;
    }
    try {
      InternetDomainName name = InternetDomainName.from(h);
      if (name.isUnderPublicSuffix()) {
        return name.topPrivateDomain().toString();
      }
      // Reserved and private names (.example, .local) have no public suffix: the last two
      // labels are the best guess at the organisation.
      List<String> parts = name.parts();
      return parts.size() <= 2
          ? h
          : String.join(".", parts.subList(parts.size() - 2, parts.size()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return h;
    }
  }

  /** True when both hosts have the same registrable domain; false when either is null. */
  public static boolean sameOrganisation(String a, String b) {
    String ra = registrable(a);
    return ra != null && ra.equals(registrable(b));
  }

  /**
   * True when a mail domain cannot exist in public DNS: not a valid host name, or a name without a
   * public suffix ({@code correios}, {@code bank.notatld}). Reserved and private-use names ({@code
   * .example}, {@code .test}, {@code .invalid}, {@code .local}, {@code .internal}, {@code .lan},
   * {@code .home.arpa}, {@code .corp}, {@code localhost}) and address literals are not counted:
   * they are deliberate, or internal. False for null or blank.
   */
  public static boolean isNonexistentMailDomain(String domain) {
    if (domain == null || domain.isBlank()) {
      return false;
    }
    String d = domain.strip().toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.startsWith("[") || InetAddresses.isUriInetAddress(d)) {
      return false;
    }
    if (PRIVATE_NAME.matcher(d).find()) {
      return false;
    }
    try {
      InternetDomainName name = InternetDomainName.from(d);
      // A private-section suffix (iki.fi, github.io) is a real domain; a bare TLD is no mail
      // domain.
      return !name.isUnderPublicSuffix() && !(name.isPublicSuffix() && name.parts().size() > 1);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return true;
    }
  }

  /**
   * True when the domain sits under a government public suffix ({@code receita.fazenda.gov.br},
   * {@code sat.gob.mx}, {@code irs.gov}, {@code hmrc.gov.uk}, {@code bmf.gv.at}): only the
   * government can register there. Agencies that also use ordinary domains are not recognised.
   */
  public static boolean isGovernmentDomain(String domain) {
    if (domain == null || domain.isBlank()) {
      return false;
    }
    try {
      InternetDomainName name = InternetDomainName.from(domain.strip().toLowerCase(Locale.ROOT));
      if (!name.hasPublicSuffix()) {
        return false;
      }
      for (String label : name.publicSuffix().parts()) {
        if (GOVERNMENT_LABELS.contains(label)) {
          return true;
        }
      }
      return false;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  /** True for consumer mailbox providers anyone can sign up to (see {@link Reference}). */
  public static boolean isFreeMail(String domain) {
    return Reference.isFreeMail(domain);
  }

  /**
   * The first address on a free-mail domain written in {@code text} other than {@code except} (the
   * sender's own), lower case, or null: where a message asks to be answered when its sender wants
   * the reply away from the account that sent it. Only the first {@value #CONTACT_REACH} characters
   * are read.
   */
  public static String freeMailAddressIn(CharSequence text, String except) {
    if (text == null) {
      return null;
    }
    Matcher m = ADDRESS.matcher(text.subSequence(0, Math.min(text.length(), CONTACT_REACH)));
    while (m.find()) {
      String address = m.group().toLowerCase(Locale.ROOT);
      if (!address.equalsIgnoreCase(except) && isFreeMail(m.group(1).toLowerCase(Locale.ROOT))) {
        return address;
      }
    }
    return null;
  }

  private static final int CONTACT_REACH = 20_000;

  /** The domain of the first e-mail address written in {@code text}, lower case, or null. */
  public static String addressDomainIn(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ADDRESS.matcher(text);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** True when a URL's authority carries user info ({@code https://bank.com@evil.example/}). */
  public static boolean hasUserInfo(String url) {
    if (url == null) {
      return false;
    }
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return false;
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return url.substring(start, end).contains("@");
  }
}
