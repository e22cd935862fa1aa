package org.openair.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The organisation's settings that rules read: its domains, VIPs and trusted senders. */
public class Organisation {
  private final Set<String> acceptedDomains;
  private final Set<String> vips;
  private final Set<String> trustedSenders;
  private final Set<String> simulationSenders;

  public Organisation(
      Set<String> acceptedDomains,
      Set<String> vips,
      Set<String> trustedSenders,
      Set<String> simulationSenders) {
    this.acceptedDomains = lower(acceptedDomains);
    this.vips = lower(vips);
    this.trustedSenders = lower(trustedSenders);
    this.simulationSenders = lower(simulationSenders);
  }

  public static Organisation empty() {
    return new Organisation(Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** Domains the organisation receives mail for, lower case. */
  public Set<String> getAcceptedDomains() {
    return acceptedDomains;
  }

  /** True when {@code domain} is an accepted domain or a subdomain of one. */
  public boolean isInternalDomain(String domain) {
    if (domain == null) {
      return false;
    }
    String d = domain.toLowerCase(Locale.ROOT);
    return acceptedDomains.stream().anyMatch(a -> d.equals(a) || d.endsWith("." + a));
  }

  /** True when {@code address} belongs to one of the accepted domains. */
  public boolean isInternalAddress(String address) {
    if (address == null) {
      return false;
    }
    int at = address.lastIndexOf('@');
    return at >= 0 && isInternalDomain(address.substring(at + 1));
  }

  /** Addresses of people whose names impersonators borrow, lower case. */
  public Set<String> getVips() {
    return vips;
  }

  /** Sender addresses or domains never to act against destructively. */
  public Set<String> getTrustedSenders() {
    return trustedSenders;
  }

  /** Sender addresses or domains of phishing-simulation services. */
  public Set<String> getSimulationSenders() {
    return simulationSenders;
  }

  /** True when {@code address} or its domain is in {@code list}. */
  public static boolean listed(Set<String> list, String address) {
    if (address == null) {
      return false;
    }
    String a = address.toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    String domain = at >= 0 ? a.substring(at + 1) : a;
    return list.contains(a)
        || list.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
  }

  private static Set<String> lower(Set<String> values) {
    return values == null
        ? Set.of()
        : values.stream()
            .map(v -> v.strip().toLowerCase(Locale.ROOT))
            .filter(v -> !v.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return "Organisation[" + acceptedDomains + "]";
  }
}
