package org.openair.domain;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Domain helpers for rules, which may only import the domain package: registrable domains from the
 * public suffix list, free-mail providers, and addresses hidden in display names.
 */
public final class Domains {
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

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

  /** True for consumer mailbox providers anyone can sign up to (see {@link Reference}). */
  public static boolean isFreeMail(String domain) {
    return Reference.isFreeMail(domain);
  }

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
