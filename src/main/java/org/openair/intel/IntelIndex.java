package org.openair.intel;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The indicators investigations match against, one immutable part per source.
 *
 * <p>Design notes: an index is never changed once built. A refresh builds the new part of one
 * source off to the side and publishes a new {@code IntelIndex} holding it (see {@link
 * IntelService}), so a lookup always sees one consistent set and never waits for a refresh. Exact
 * types are hash maps keyed by the normalised value, whose key string is the indicator's own value
 * (no copy); domains are matched by walking the host's suffixes ({@code a.b.example}, {@code
 * b.example}, {@code example}); CIDR ranges sit in a per-prefix-length table; subject and file-name
 * patterns, rare in practice, are scanned. Within one source a value has one indicator (the
 * strongest); across sources every match is reported, so each source is named in the explanation.
 */
public final class IntelIndex {
  private static final IntelIndex EMPTY = new IntelIndex(Map.of());

  /** Steps a pattern may take over one value before it is abandoned as a runaway. */
  private static final int PATTERN_BUDGET = 200_000;

  private final Map<String, Part> parts;

  private IntelIndex(Map<String, Part> parts) {
    this.parts = parts;
  }

  public static IntelIndex empty() {
    return EMPTY;
  }

  /** A match and why it matched. */
  public record Match(Indicator indicator, String reason) {}

  /** This index with {@code source}'s part replaced by one holding {@code indicators}. */
  public IntelIndex with(String source, List<Indicator> indicators) {
    return with(source, Part.of(indicators));
  }

  /** This index with {@code source}'s part replaced by {@code part}, built beforehand. */
  IntelIndex with(String source, Part part) {
    Map<String, Part> next = new LinkedHashMap<>(parts);
    next.put(source, part);
    return new IntelIndex(Map.copyOf(next));
  }

  /** Builds one source's part; the expensive step of a refresh, done before the swap. */
  static Part part(List<Indicator> indicators) {
    return Part.of(indicators);
  }

  /** This index without {@code source}. */
  public IntelIndex without(String source) {
    if (!parts.containsKey(source)) {
      return this;
    }
    Map<String, Part> next = new LinkedHashMap<>(parts);
    next.remove(source);
    return new IntelIndex(Map.copyOf(next));
  }

  /** Indicators held for {@code source} (empty when the source has no part). */
  public List<Indicator> indicators(String source) {
    Part p = parts.get(source);
    return p == null ? List.of() : p.all();
  }

  public boolean has(String source, Indicator indicator) {
    Part p = parts.get(source);
    return p != null && p.contains(indicator);
  }

  public int size() {
    return parts.values().stream().mapToInt(Part::size).sum();
  }

  /** Matches for a link: the exact URL, its host as a domain, or its host as an IP address. */
  public List<Match> matchUrl(String url) {
    String canonical;
    try {
      canonical = Normalizer.url(url);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    List<Match> out = new ArrayList<>(0);
    for (Part p : parts.values()) {
      Indicator i = p.exact(IndicatorType.URL, canonical);
      if (i != null) {
        out.add(new Match(i, "the URL is " + canonical));
      }
    }
    int hostStart = canonical.indexOf("://") + 3;
    int hostEnd = hostStart;
    while (hostEnd < canonical.length()
        && canonical.charAt(hostEnd) != '/'
        && (canonical.charAt(hostEnd) != ':' || canonical.charAt(hostStart) == '[')) {
      hostEnd++;
    }
    String host = canonical.substring(hostStart, hostEnd);
    if (host.indexOf(':') >= 0 || InetAddresses.isInetAddress(host)) {
      out.addAll(matchIp(host));
    } else {
      out.addAll(matchDomain(host));
    }
    return out;
  }

  /** Matches for a host name: an indicator for it or for any domain it is a subdomain of. */
  public List<Match> matchDomain(String host) {
    String h;
    try {
      h = Normalizer.domain(host);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    List<Match> out = new ArrayList<>(0);
    String suffix = h;
    while (true) {
      for (Part p : parts.values()) {
        Indicator i = p.exact(IndicatorType.DOMAIN, suffix);
        if (i != null) {
          out.add(
              new Match(
                  i, suffix.equals(h) ? "the domain is " + h : h + " is a subdomain of " + suffix));
        }
      }
      int dot = suffix.indexOf('.');
      if (dot < 0) {
        break;
      }
      suffix = suffix.substring(dot + 1);
    }
    return out;
  }

  /** Matches for an IP address: the exact address or a range holding it. */
  public List<Match> matchIp(String ip) {
    String canonical;
    try {
      canonical = Normalizer.ip(ip);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    List<Match> out = new ArrayList<>(0);
    InetAddress address = null;
    for (Part p : parts.values()) {
      Indicator i = p.exact(IndicatorType.IP, canonical);
      if (i != null) {
        out.add(new Match(i, "the address is " + canonical));
      }
      if (p.cidrs != null) {
        if (address == null) {
          address = InetAddresses.forString(canonical);
        }
        for (Indicator range : p.cidrs.containing(address)) {
          out.add(new Match(range, canonical + " is in " + range.value()));
        }
      }
    }
    return out;
  }

  /** Matches for a SHA-256, SHA-1 or MD5 hash. */
  public List<Match> matchHash(String hash) {
    if (hash == null) {
      return List.of();
    }
    String h = hash.strip().toLowerCase(java.util.Locale.ROOT);
    IndicatorType type =
        switch (h.length()) {
          case 64 -> IndicatorType.SHA256;
          case 40 -> IndicatorType.SHA1;
          case 32 -> IndicatorType.MD5;
          default -> null;
        };
    if (type == null) {
      return List.of();
    }
    List<Match> out = new ArrayList<>(0);
    for (Part p : parts.values()) {
      Indicator i = p.exact(type, h);
      if (i != null) {
        out.add(new Match(i, "the file's " + type.code() + " is " + h));
      }
    }
    return out;
  }

  /** Matches for an e-mail address: the address itself (its domain is matched separately). */
  public List<Match> matchEmail(String address) {
    String a;
    try {
      a = Normalizer.email(address);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    List<Match> out = new ArrayList<>(0);
    for (Part p : parts.values()) {
      Indicator i = p.exact(IndicatorType.EMAIL, a);
      if (i != null) {
        out.add(new Match(i, "the address is " + a));
      }
    }
    return out;
  }

  /** Matches of subject or file-name patterns on {@code text}. */
  public List<Match> matchPattern(IndicatorType type, String text) {
    if (text == null) {
      return List.of();
    }
    List<Match> out = new ArrayList<>(0);
    for (Part p : parts.values()) {
      List<Compiled> patterns = p.patterns.get(type);
      if (patterns == null) {
        continue;
      }
      for (Compiled c : patterns) {
        if (c.find(text)) {
          out.add(new Match(c.indicator, "\"" + text + "\" matches " + c.indicator.value()));
        }
      }
    }
    return out;
  }

  /**
   * Everything that matches a value of unknown type, as the lookup API is asked: a URL, a host, an
   * IP, a hash, an address or free text (tried against the patterns).
   */
  public List<Match> lookup(String value) {
    String v = value.strip();
    return switch (IndicatorType.infer(v)) {
      case URL -> matchUrl(v);
      case CIDR -> List.of();
      case IP -> matchIp(v);
      case SHA256, SHA1, MD5 -> matchHash(v);
      case EMAIL -> {
        List<Match> out = new ArrayList<>(matchEmail(v));
        out.addAll(matchDomain(v.substring(v.lastIndexOf('@') + 1)));
        yield out;
      }
      default -> {
        List<Match> out = new ArrayList<>(matchDomain(v));
        out.addAll(matchPattern(IndicatorType.SUBJECT, v));
        out.addAll(matchPattern(IndicatorType.FILENAME, v));
        yield out;
      }
    };
  }

  /** Keeps the indicator a source says more about: the worse verdict, then higher confidence. */
  static Indicator stronger(Indicator a, Indicator b) {
    if (a.verdict() != b.verdict()) {
      return a.verdict().ordinal() <= b.verdict().ordinal() ? a : b;
    }
    return a.confidence() >= b.confidence() ? a : b;
  }

  /** One source's indicators. */
  static final class Part {
    private final Map<IndicatorType, Map<String, Indicator>> exact;
    private final CidrTable cidrs;
    private final Map<IndicatorType, List<Compiled>> patterns;
    private final int size;

    private Part(
        Map<IndicatorType, Map<String, Indicator>> exact,
        CidrTable cidrs,
        Map<IndicatorType, List<Compiled>> patterns,
        int size) {
      this.exact = exact;
      this.cidrs = cidrs;
      this.patterns = patterns;
      this.size = size;
    }

    static Part of(List<Indicator> indicators) {
      Map<IndicatorType, Map<String, Indicator>> exact = new EnumMap<>(IndicatorType.class);
      Map<IndicatorType, List<Compiled>> patterns = new EnumMap<>(IndicatorType.class);
      Map<String, Indicator> patternSeen = new HashMap<>();
      List<Indicator> ranges = new ArrayList<>();
      int[] perType = new int[IndicatorType.values().length];
      for (Indicator i : indicators) {
        perType[i.type().ordinal()]++;
      }
      for (Indicator i : indicators) {
        switch (i.type()) {
          case CIDR -> ranges.add(i);
          case SUBJECT, FILENAME -> {
            if (patternSeen.putIfAbsent(i.key(), i) == null) {
              patterns
                  .computeIfAbsent(i.type(), t -> new ArrayList<>())
                  .add(new Compiled(i, Pattern.compile(i.value())));
            }
          }
          default ->
              exact
                  .computeIfAbsent(i.type(), t -> new HashMap<>(expected(perType[t.ordinal()])))
                  .merge(i.value(), i, IntelIndex::stronger);
        }
      }
      CidrTable table = ranges.isEmpty() ? null : CidrTable.of(ranges);
      int size =
          exact.values().stream().mapToInt(Map::size).sum()
              + (table == null ? 0 : table.size())
              + patternSeen.size();
      return new Part(exact, table, patterns, size);
    }

    private static int expected(int total) {
      return Math.max(16, (int) Math.min(1L << 30, total * 4L / 3 + 1));
    }

    Indicator exact(IndicatorType type, String value) {
      Map<String, Indicator> m = exact.get(type);
      return m == null ? null : m.get(value);
    }

    boolean contains(Indicator i) {
      if (i.type() == IndicatorType.CIDR) {
        return cidrs != null && cidrs.all().stream().anyMatch(r -> r.value().equals(i.value()));
      }
      if (i.type().isPattern()) {
        List<Compiled> list = patterns.get(i.type());
        return list != null && list.stream().anyMatch(c -> c.indicator.value().equals(i.value()));
      }
      return exact(i.type(), i.value()) != null;
    }

    List<Indicator> all() {
      List<Indicator> out = new ArrayList<>(size);
      exact.values().forEach(m -> out.addAll(m.values()));
      if (cidrs != null) {
        out.addAll(cidrs.all());
      }
      patterns.values().forEach(l -> l.forEach(c -> out.add(c.indicator)));
      return out;
    }

    int size() {
      return size;
    }
  }

  private record Compiled(Indicator indicator, Pattern pattern) {
    boolean find(String text) {
      try {
        return pattern.matcher(new BudgetedText(text, PATTERN_BUDGET)).find();
      } catch (BudgetedText.Exhausted e) {
        return false;
      }
    }
  }

  /**
   * Text that stops a regular expression after a fixed number of character reads, so a pattern from
   * a feed that backtracks catastrophically cannot hang an investigation.
   */
  private static final class BudgetedText implements CharSequence {
    private final String text;
    private final int[] left;

    BudgetedText(String text, int budget) {
      this(text, new int[] {budget});
    }

    private BudgetedText(String text, int[] left) {
      this.text = text;
      this.left = left;
    }

    @Override
    public char charAt(int index) {
      if (--left[0] < 0) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedText(text.substring(start, end), left);
    }

    @Override
    public String toString() {
      return text;
    }

    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super(null, null, false, false);
      }
    }
  }
}
