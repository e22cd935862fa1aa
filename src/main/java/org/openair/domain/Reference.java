package org.openair.domain;

import com.google.common.net.InternetDomainName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reference data that rules consult: URL shorteners and redirectors, free-mail and disposable mail
 * providers, file-sharing hosts, popular and bank domains (the brands look-alikes imitate), the
 * attack simulator's hosts and risky file extensions. Every list is a packaged file under {@code
 * org/openair/domain/reference/} whose header names its source and licence; none is typed here.
 * Loaded once, on first use; immutable and thread-safe afterwards.
 */
public final class Reference {
  private static final String FOLDER = "reference/";

  private static final class Lists {
    static final Set<String> SHORTENERS =
        union(load("url-shorteners.txt"), load("redirectors.txt"));
    static final Set<String> FREE_MAIL = load("free-mail.txt");
    static final Set<String> DISPOSABLE = load("disposable-mail.txt");
    static final Set<String> FILE_HOSTS = union(load("file-hosts.txt"), load("form-builders.txt"));
    static final Set<String> FREE_SUBDOMAINS = load("free-subdomain-hosts.txt");
    static final Set<String> POPULAR = load("popular-domains.txt");
    static final Set<String> BANKS = load("bank-domains.txt");
    static final Set<String> SIMULATOR = load("attack-simulator.txt");
    static final Set<String> MACRO_EXTENSIONS = load("macro-extensions.txt");
    static final Map<String, String> EXTENSIONS = loadPairs("file-extensions.txt");
    static final LookAlikes BRANDS = new LookAlikes(union(POPULAR, BANKS), false);
  }

  private Reference() {}

  /** True when the host is a URL shortener or open redirector, or a subdomain of one. */
  public static boolean isShortener(String host) {
    return listedHost(Lists.SHORTENERS, host);
  }

  /** True for consumer mailbox providers anyone can sign up to, disposable ones included. */
  public static boolean isFreeMail(String domain) {
    return domain != null
        && (listedHost(Lists.FREE_MAIL, domain) || listedHost(Lists.DISPOSABLE, domain));
  }

  /** True for throw-away mailbox providers. */
  public static boolean isDisposableMail(String domain) {
    return listedHost(Lists.DISPOSABLE, domain);
  }

  /**
   * True when the host serves files, documents or forms anyone can publish (cloud drives, form and
   * survey builders).
   */
  public static boolean isFileSharingHost(String host) {
    return listedHost(Lists.FILE_HOSTS, host);
  }

  /**
   * True when the host is a subdomain handed out by a free hosting service or site builder ({@code
   * acme-login.web.app}): anyone can have one, so it says nothing about who runs it. The service's
   * own domain is not counted.
   */
  public static boolean isFreeSubdomain(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("www.")) {
      h = h.substring(4);
    }
    return !Lists.FREE_SUBDOMAINS.contains(h) && listedHost(Lists.FREE_SUBDOMAINS, h);
  }

  /** True when the domain's registrable domain is among the most used sites. */
  public static boolean isPopularDomain(String domain) {
    String r = Domains.registrable(domain);
    return r != null && Lists.POPULAR.contains(r);
  }

  /** True when the domain's registrable domain is a popular site's or a bank's. */
  public static boolean isWellKnownDomain(String domain) {
    String r = Domains.registrable(domain);
    return r != null && (Lists.POPULAR.contains(r) || Lists.BANKS.contains(r));
  }

  /** True when the host belongs to Microsoft's attack simulator (phishing simulations). */
  public static boolean isAttackSimulatorHost(String host) {
    return listedHost(Lists.SIMULATOR, host);
  }

  /** True for extensions of files that run code when opened ({@code exe}, {@code js}...). */
  public static boolean isExecutableExtension(String extension) {
    return "executable".equals(kind(extension));
  }

  /** True for extensions of archives ({@code zip}, {@code rar}, {@code 7z}...). */
  public static boolean isArchiveExtension(String extension) {
    return "archive".equals(kind(extension));
  }

  /** True for Office document extensions that can carry macros. */
  public static boolean isMacroExtension(String extension) {
    return extension != null && Lists.MACRO_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
  }

  /**
   * The popular or bank domain that {@code domain} imitates, or null: a registrable domain whose
   * name renders like the brand's (Unicode confusables, e.g. {@code paypa1.com} or Cyrillic
   * letters), or is one edit away from a brand name of six letters or more ({@code amazomn.com}).
   * The brand's own domains, other domains with the same name ({@code ebay.de}) and popular domains
   * themselves are not look-alikes.
   */
  public static String lookAlikeBrand(String domain) {
    String r = Domains.registrable(domain);
    if (r == null || Lists.POPULAR.contains(r) || Lists.BANKS.contains(r)) {
      return null;
    }
    return Lists.BRANDS.imitated(r);
  }

  /**
   * The accepted domain that {@code domain} imitates, or null; as {@link #lookAlikeBrand} but
   * against the organisation's own domains, and also catching the own name with words added ({@code
   * acme-payroll.com}).
   */
  public static String lookAlikeOf(String domain, Collection<String> ownDomains) {
    return ownDomains == null ? null : new OwnDomains(ownDomains).imitated(domain);
  }

  /** An organisation's own domains, indexed once, for {@link #lookAlikeOf}. */
  static final class OwnDomains {
    private final Set<String> own = new HashSet<>();
    private final LookAlikes index;

    OwnDomains(Collection<String> domains) {
      for (String d : domains) {
        String o = Domains.registrable(d);
        if (o != null) {
          own.add(o);
        }
      }
      index = new LookAlikes(own, true);
    }

    String imitated(String domain) {
      String r = Domains.registrable(domain);
      if (r == null || own.isEmpty() || own.contains(r)) {
        return null;
      }
      String imitated = index.imitated(r);
      if (imitated != null) {
        return imitated;
      }
      String label = LookAlikes.label(r);
      List<String> words = List.of(label.split("-"));
      for (String o : own) {
        String ownLabel = LookAlikes.label(o);
        // The own name under another suffix (acme.co for acme.com) or with words added.
        if (ownLabel.length() >= 4 && (label.equals(ownLabel) || words.contains(ownLabel))) {
          return o;
        }
      }
      return null;
    }
  }

  /**
   * The popular or bank domain whose name the display name spells as a word of its own ("PayPal
   * Support" gives {@code paypal.com}, and so do "PayPaI Support" with a capital I for the l, "Anna
   * from PayPal" and "Team PayPal"), or null. Only brand names of five letters or more count, so
   * that ordinary short words do not.
   */
  public static String brandNamedIn(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      return null;
    }
    String seen = Names.asSeen(displayName);
    String brand = Lists.BRANDS.namedIn(seen);
    if (brand == null) {
      Matcher speaker = SPEAKER.matcher(seen.strip());
      if (speaker.matches()) {
        brand =
            Lists.BRANDS.namedIn(speaker.group(1) != null ? speaker.group(1) : speaker.group(2));
      }
    }
    return brand;
  }

  /**
   * A display name that speaks for an organisation named after a person, a team or a customer
   * service desk: "Katie from Ledger", "Kerstin von Example", "Team Example", "Equipe Example",
   * "Atendimento Example", "Service client Example" (group 1 or 2: the organisation). The
   * Portuguese, Spanish and French "of" is left out: it is also a particle of surnames.
   */
  private static final Pattern SPEAKER =
      Pattern.compile(
          "(?iu)(?:(?:team|equipe|equipo|\u00e9quipe|atendimento|central\\s+de\\s+atendimento"
              + "|atenci\u00f3n\\s+al\\s+cliente|servicio\\s+al\\s+cliente|service\\s+client(?:s|\u00e8le)?)"
              + "\\s+(\\S.*)|\\p{L}+\\s+(?:from|von)\\s+(\\S.*))");

  /**
   * The brand domain that a display name names while the sender's domain has nothing to do with it,
   * or null: not the same registrable domain, nor the same name under another suffix, nor a domain
   * that writes the brand's name into a longer word ({@code facebookmail.com}, {@code
   * yahoogroups.com}: brands register those for their own mail) or that is popular. A little-known
   * domain that joins the brand's name to other words with a hyphen ({@code ledger-ap.com}) is the
   * combosquat the display name is there to cover.
   */
  public static String brandImpersonated(String displayName, String senderDomain) {
    NamedBrand named = namedBrand(displayName, senderDomain);
    if (named == null || named.sameName()) {
      return null;
    }
    if (named.nameRunIn() && (isPopularDomain(named.sender()) || !named.combined())) {
      return null;
    }
    return named.brand();
  }

  /**
   * The brand domain that a display name names when the sender's domain runs the brand's name
   * together with other letters ("Starbucks" from {@code starbucksikv.com}), or null: the one case
   * {@link #brandImpersonated} leaves alone, as brands also register such names for their mail
   * ({@code facebookmail.com}). Hyphenated ones and popular sites are not returned.
   */
  public static String brandInSenderDomain(String displayName, String senderDomain) {
    NamedBrand named = namedBrand(displayName, senderDomain);
    return named != null
            && !named.sameName()
            && named.nameRunIn()
            && !isPopularDomain(named.sender())
            && !named.combined()
        ? named.brand()
        : null;
  }

  /** A brand a display name names, and the registrable domain of a sender outside it. */
  private record NamedBrand(String brand, String sender, String brandLabel, String senderLabel) {
    boolean sameName() {
      return senderLabel.equals(brandLabel);
    }

    boolean nameRunIn() {
      return senderLabel.contains(brandLabel);
    }

    boolean combined() {
      return Reference.combined(senderLabel, brandLabel);
    }
  }

  // Null when the name names no brand or the sender belongs to the brand's organisation.
  private static NamedBrand namedBrand(String displayName, String senderDomain) {
    String brand = brandNamedIn(displayName);
    String sender = Domains.registrable(senderDomain);
    if (brand == null || sender == null || Domains.sameOrganisation(brand, sender)) {
      return null;
    }
    return new NamedBrand(brand, sender, LookAlikes.label(brand), LookAlikes.label(sender));
  }

  /** True when the label joins the brand's name to other words with hyphens ("ledger-ap"). */
  private static boolean combined(String label, String brandLabel) {
    return label.startsWith(brandLabel + "-")
        || label.endsWith("-" + brandLabel)
        || label.contains("-" + brandLabel + "-");
  }

  /**
   * True when {@code host} belongs to the brand of {@code brandDomain}: the same name before the
   * public suffix ({@code www.paypal.de} and {@code paypal.com}).
   */
  public static boolean sameBrand(String host, String brandDomain) {
    String h = Domains.registrable(host);
    String b = Domains.registrable(brandDomain);
    return h != null && b != null && LookAlikes.label(h).equals(LookAlikes.label(b));
  }

  /**
   * True when the host's registrable domain carries the display name: a word of the name of three
   * letters or more in its name ("Trust Wallet" and {@code trustwallet.com}), or its name in the
   * name's words run together ("CelsiusNetwork" and {@code celsius.network}). Subdomains do not
   * count, as anyone can put a name before their own domain.
   */
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

  public static boolean carriesName(String host, String displayName) {
    String registrable = Domains.registrable(host);
    if (registrable == null) {
      return false;
    }
    String label = NOT_LETTER_OR_DIGIT.matcher(LookAlikes.label(registrable)).replaceAll("");
    List<String> words = Names.words(Names.asSeen(displayName));
    for (String word : words) {
      if (word.length() >= 3 && label.contains(word)) {
        return true;
      }
    }
    return label.length() >= 4 && String.join("", words).contains(label);
  }

  static boolean listedHost(Set<String> list, String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    while (true) {
      if (list.contains(h)) {
        return true;
      }
      int dot = h.indexOf('.');
      if (dot < 0 || dot == h.length() - 1) {
        return false;
      }
      h = h.substring(dot + 1);
    }
  }

  private static String kind(String extension) {
    return extension == null ? null : Lists.EXTENSIONS.get(extension.toLowerCase(Locale.ROOT));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static Set<String> load(String name) {
    Set<String> values = new HashSet<>();
    for (String line : lines(name)) {
      values.add(line);
    }
    return Set.copyOf(values);
  }

  private static Map<String, String> loadPairs(String name) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines(name)) {
      String[] parts = line.split("\\s+");
      if (parts.length == 2) {
        values.put(parts[0], parts[1]);
      }
    }
    return Map.copyOf(values);
  }

  /** The non-comment, non-blank lines of a packaged list, lower case. */
  static List<String> lines(String name) {
    try (InputStream in = Reference.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("reference list " + name + " is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(Locale.ROOT))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An index of domains by the skeleton of their name (the label before the public suffix) and by
   * that name with one letter deleted, so that a look-alike is found without comparing it with
   * every domain.
   */
  static final class LookAlikes {
    private static final int MIN_CONFUSABLE = 4;
    private static final int MIN_EDIT = 6;
    private static final int MIN_NAMED = 6;

    private final Map<String, String> bySkeleton = new HashMap<>();
    private final Map<String, String> byLabel = new HashMap<>();
    private final Map<String, List<String>> byDeletion = new HashMap<>();
    private final boolean typos;

    /**
     * @param typos whether names one edit away count too: worth it for the few domains of one
     *     organisation, too noisy for thousands of popular domains, many of which are one letter
     *     from some other real company's.
     */
    LookAlikes(Collection<String> domains, boolean typos) {
      this.typos = typos;
      // Sorted, so that when several domains share a name the same one answers every time.
      for (String d : new java.util.TreeSet<>(domains)) {
        String label = label(d);
        if (label.length() < MIN_CONFUSABLE) {
          continue;
        }
        bySkeleton.putIfAbsent(Names.skeleton(label), d);
        byLabel.putIfAbsent(label, d);
        if (typos && label.length() >= MIN_EDIT) {
          for (String key : deletions(label)) {
            byDeletion.computeIfAbsent(key, k -> new java.util.ArrayList<>(1)).add(d);
          }
          byDeletion.computeIfAbsent(label, k -> new java.util.ArrayList<>(1)).add(d);
        }
      }
    }

    String imitated(String registrable) {
      String label = label(registrable);
      if (label.length() < MIN_CONFUSABLE || byLabel.containsKey(label)) {
        return null;
      }
      String brand = bySkeleton.get(Names.skeleton(label));
      if (brand != null) {
        return brand;
      }
      if (!typos || label.length() < MIN_EDIT - 1) {
        return null;
      }
      Set<String> keys = new HashSet<>(deletions(label));
      keys.add(label);
      for (String key : keys) {
        for (String candidate : byDeletion.getOrDefault(key, List.of())) {
          if (editDistance(label, label(candidate)) == 1) {
            return candidate;
          }
        }
      }
      return null;
    }

    /**
     * The brand whose name the text starts with: its first word ("PayPal Support"), or its first
     * two or three words written together, as brands whose domain joins their words are spelt
     * ("United Health Group" for unitedhealthgroup.com, "Bank of America").
     */
    String namedIn(String text) {
      List<String> words = Names.words(text);
      List<String> written = Names.wordsAsWritten(text);
      boolean sameWords = written.size() == words.size();
      StringBuilder joined = new StringBuilder();
      StringBuilder asWritten = new StringBuilder();
      for (int i = 0; i < Math.min(3, words.size()); i++) {
        joined.append(words.get(i));
        if (sameWords) {
          asWritten.append(written.get(i));
        }
        if (joined.length() >= MIN_NAMED) {
          String brand = byLabel.get(joined.toString());
          if (brand != null) {
            return brand;
          }
          // A name spelt with look-alike letters ("Iedger", "PayPaI") is the brand it imitates;
          // only such letters count, so that ordinary words whose skeletons collide do not.
          if (sameWords && Names.hasLookAlikeLetter(asWritten.toString())) {
            brand = bySkeleton.get(Names.skeletonAsWritten(asWritten.toString()));
            if (brand != null) {
              return brand;
            }
          }
        }
      }
      return null;
    }

    /**
     * The registrable domain without its public suffix, in Unicode: {@code paypal} of paypal.com.
     */
    static String label(String registrable) {
      String r = registrable;
      try {
        InternetDomainName name = InternetDomainName.from(r);
        if (name.hasPublicSuffix() && name.publicSuffix() != null) {
          String suffix = name.publicSuffix().toString();
          if (r.length() > suffix.length() + 1) {
            r = r.substring(0, r.length() - suffix.length() - 1);
          }
        } else if (r.lastIndexOf('.') > 0) {
          r = r.substring(0, r.lastIndexOf('.'));
        }
      } catch (IllegalArgumentException | IllegalStateException e) {
        if (r.lastIndexOf('.') > 0) {
          r = r.substring(0, r.lastIndexOf('.'));
        }
      }
      int dot = r.lastIndexOf('.');
      r = dot >= 0 ? r.substring(dot + 1) : r;
      if (r.startsWith("xn--")) {
        try {
          r = IDN.toUnicode(r, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
          // Not valid punycode: compare it as written.
        }
      }
      return r.toLowerCase(Locale.ROOT);
    }

    private static List<String> deletions(String s) {
      List<String> out = new java.util.ArrayList<>(s.length());
      for (int i = 0; i < s.length(); i++) {
        out.add(s.substring(0, i) + s.substring(i + 1));
      }
      return out;
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int editDistance(String a, String b) {
      int n = a.length();
      int m = b.length();
      int[][] d = new int[n + 1][m + 1];
      for (int i = 0; i <= n; i++) {
        d[i][0] = i;
      }
      for (int j = 0; j <= m; j++) {
        d[0][j] = j;
      }
      for (int i = 1; i <= n; i++) {
        for (int j = 1; j <= m; j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
          if (i > 1
              && j > 1
              && a.charAt(i - 1) == b.charAt(j - 2)
              && a.charAt(i - 2) == b.charAt(j - 1)) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[n][m];
    }
  }
}
