package org.openair.domain;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organisation's settings that rules read: its domains and names, VIPs, trusted senders and
 * phishing-simulation senders.
 */
public class Organisation {
  private final Set<String> acceptedDomains;
  private final Set<String> vips;
  private final Set<String> trustedSenders;
  private final Set<String> simulationSenders;
  private final Map<String, String> vipNames;
  private final Set<String> names;

  public Organisation(
      Set<String> acceptedDomains,
      Set<String> vips,
      Set<String> trustedSenders,
      Set<String> simulationSenders) {
    this(acceptedDomains, vips, trustedSenders, simulationSenders, Map.of(), Set.of());
  }

  /**
   * @param vipNames display names of VIPs by address; every address here is a VIP too
   * @param names the names the organisation goes by ("Acme", "Acme Corporation")
   */
  public Organisation(
      Set<String> acceptedDomains,
      Set<String> vips,
      Set<String> trustedSenders,
      Set<String> simulationSenders,
      Map<String, String> vipNames,
      Set<String> names) {
    this.acceptedDomains = lower(acceptedDomains);
    Map<String, String> named = new LinkedHashMap<>();
    if (vipNames != null) {
      vipNames.forEach(
          (address, name) -> {
            if (address != null && name != null && !name.isBlank()) {
              named.put(address.strip().toLowerCase(Locale.ROOT), name.strip());
            }
          });
    }
    Set<String> allVips = new HashSet<>(lower(vips));
    allVips.addAll(named.keySet());
    this.vips = Set.copyOf(allVips);
    this.trustedSenders = lower(trustedSenders);
    this.simulationSenders = lower(simulationSenders);
    this.vipNames = Collections.unmodifiableMap(named);
    this.names =
        names == null
            ? Set.of()
            : names.stream()
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
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

  /** VIPs' display names by lower-case address, for those whose name is configured. */
  public Map<String, String> getVipNames() {
    return vipNames;
  }

  /** The names the organisation goes by, as configured. */
  public Set<String> getNames() {
    return names;
  }

  /**
   * The address of the VIP whose name {@code displayName} carries (same words in any order, Unicode
   * look-alike letters included), or null.
   */
  public String vipNamed(String displayName) {
    if (displayName == null) {
      return null;
    }
    for (Map.Entry<String, String> vip : vipNames.entrySet()) {
      if (Names.sameName(displayName, vip.getValue())) {
        return vip.getKey();
      }
    }
    return null;
  }

  /** The organisation name that {@code displayName} contains as words of its own, or null. */
  public String nameIn(String displayName) {
    if (displayName == null) {
      return null;
    }
    return names.stream().filter(n -> Names.containsName(displayName, n)).findFirst().orElse(null);
  }

  /** The accepted domain that {@code domain} imitates, or null (see {@link Reference}). */
  public String lookAlikeDomain(String domain) {
    if (acceptedDomains.isEmpty() || domain == null) {
      return null;
    }
    Reference.OwnDomains own = ownDomains;
    if (own == null) {
      own = new Reference.OwnDomains(acceptedDomains);
      ownDomains = own;
    }
    return own.imitated(domain);
  }

  private volatile Reference.OwnDomains ownDomains;

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
