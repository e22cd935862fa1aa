package org.openair.intel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prints figures for the threat-intelligence targets: building and holding an index of 1M
 * indicators (heap measured with MemoryMXBean after GC), link and hash lookups per second on one
 * thread, lookup p99 while a 1M-indicator refresh is built and swapped, and retro-hunt queries for
 * one new indicator over an H2 file database seeded with 1M deliveries (kept in {@code
 * target/intel-bench} and reused by later runs). Arguments: indicators (default 1000000),
 * deliveries (default 1000000). See README.md, "Threat intelligence", for the command.
 */
public final class IntelBench {
  private static final Instant NOW = Instant.now();
  private static final String HOT_URL = "https://campaign-hot.example/login/verify";
  private static final String HOT_SHA = "c0ffee".repeat(10) + "c0ff";

  private IntelBench() {}

  public static void main(String[] args) throws Exception {
    int indicators = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    long before = usedAfterGc(memory);
    long t0 = System.nanoTime();
    List<Indicator> generated = generate(indicators, 1);
    long t1 = System.nanoTime();
    IntelIndex index = IntelIndex.empty().with("bench", generated);
    long t2 = System.nanoTime();
    generated = null;
    long after = usedAfterGc(memory);
    printf(
        "index: %,d indicators generated in %.0f ms, indexed in %.0f ms; heap of the index %.0f MB"
            + " (MemoryMXBean, after GC)",
        index.size(), ms(t1 - t0), ms(t2 - t1), (after - before) / 1048576.0);

    String[] urls = new String[4096];
    String[] hashes = new String[4096];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < urls.length; i++) {
      int n = random.nextInt(indicators / 3);
      // Half hit (written another way than the feed wrote them), half miss.
      urls[i] =
          i % 2 == 0
              ? "HTTPS://Host" + n + ".Phish-Bench.example:443/login/" + n + "?s=1#top"
              : "https://news" + n + ".vendor-bench.example/article/" + n;
      hashes[i] = i % 2 == 0 ? sha(n) : sha(indicators + n);
    }
    lookups(index, urls, hashes, Duration.ofSeconds(2));
    double[] rate = lookups(index, urls, hashes, Duration.ofSeconds(5));
    printf(
        "lookups (one thread, half links, half hashes, half hits): %,.0f/s; hits %.0f%%",
        rate[0], rate[1] * 100);

    refreshWhileLookingUp(index, indicators, urls, hashes);
    index = null;
    retroHunt(deliveries);
  }

  private static void refreshWhileLookingUp(
      IntelIndex start, int indicators, String[] urls, String[] hashes) throws Exception {
    AtomicReference<IntelIndex> live = new AtomicReference<>(start);
    long[] quiet = latencies(live, urls, hashes, Duration.ofSeconds(4), null);
    AtomicBoolean refreshing = new AtomicBoolean(true);
    Thread refresher =
        new Thread(
            () -> {
              try {
                // A refresh as the service does it: parse the feed document, build the part,
                // swap the reference.
                StringBuilder doc = new StringBuilder(indicators * 50);
                for (Indicator i : generate(indicators, 2)) {
                  doc.append(i.value()).append('\n');
                }
                byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
                long s = System.nanoTime();
                FeedResult r =
                    FeedParser.list(
                        bytes,
                        new SourceSpec(
                            "bench",
                            SourceKind.LIST,
                            null,
                            Duration.ofHours(1),
                            null,
                            IndicatorVerdict.MALICIOUS,
                            80,
                            Map.of(),
                            true));
                IntelIndex.Part part = IntelIndex.part(r.indicators());
                live.set(live.get().with("bench", part));
                printf(
                    "refresh: parsed and built %,d indicators in %.0f ms, then swapped",
                    r.indicators().size(), ms(System.nanoTime() - s));
              } finally {
                refreshing.set(false);
              }
            },
            "refresh");
    refresher.start();
    long[] during = latencies(live, urls, hashes, Duration.ofMinutes(5), refreshing);
    refresher.join();
    printf(
        "lookup latency without refresh: p50 %.1f us, p99 %.1f us, p99.9 %.1f us (%,d lookups)",
        pct(quiet, 50), pct(quiet, 99), pct(quiet, 99.9), quiet.length);
    printf(
        "lookup latency during refresh:  p50 %.1f us, p99 %.1f us, p99.9 %.1f us (%,d lookups);"
            + " p99 ratio %.2f",
        pct(during, 50),
        pct(during, 99),
        pct(during, 99.9),
        during.length,
        pct(during, 99) / pct(quiet, 99));
  }

  private static long[] latencies(
      AtomicReference<IntelIndex> live,
      String[] urls,
      String[] hashes,
      Duration max,
      AtomicBoolean until) {
    long[] out = new long[1 << 24];
    int n = 0;
    long end = System.nanoTime() + max.toNanos();
    int i = 0;
    while (System.nanoTime() < end && (until == null || until.get()) && n < out.length) {
      long s = System.nanoTime();
      IntelIndex index = live.get();
      int k = i++ & 4095;
      if ((k & 1) == 0) {
        index.matchUrl(urls[k]);
      } else {
        index.matchHash(hashes[k]);
      }
      out[n++] = System.nanoTime() - s;
    }
    return Arrays.copyOf(out, n);
  }

  private static double[] lookups(
      IntelIndex index, String[] urls, String[] hashes, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    long ops = 0;
    long hits = 0;
    long start = System.nanoTime();
    while (System.nanoTime() < end) {
      for (int k = 0; k < 4096; k++) {
        hits +=
            ((k & 1) == 0 ? index.matchUrl(urls[k]) : index.matchHash(hashes[k])).isEmpty() ? 0 : 1;
      }
      ops += 4096;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new double[] {ops / seconds, (double) hits / ops};
  }

  /** A feed's mix: URLs, domains, IPs, ranges, SHA-256 hashes and sender addresses. */
  static List<Indicator> generate(int n, int generation) {
    List<Indicator> out = new ArrayList<>(n);
    String source = "bench";
    for (int i = 0; i < n; i++) {
      int k = i / 3;
      Indicator ind =
          switch (i % 3) {
            case 0 ->
                Indicator.of(
                    IndicatorType.URL,
                    Normalizer.url("https://host" + k + ".phish-bench.example/login/" + k + "?s=1"),
                    source,
                    IndicatorVerdict.MALICIOUS,
                    80);
            case 1 ->
                Indicator.of(IndicatorType.SHA256, sha(k), source, IndicatorVerdict.MALICIOUS, 90);
            default ->
                switch (k % 4) {
                  case 0 ->
                      Indicator.of(
                          IndicatorType.DOMAIN,
                          "d" + k + ".bad-bench.example",
                          source,
                          IndicatorVerdict.MALICIOUS,
                          70);
                  case 1 ->
                      Indicator.of(
                          IndicatorType.IP,
                          "10." + (k >> 16 & 255) + "." + (k >> 8 & 255) + "." + (k & 255),
                          source,
                          IndicatorVerdict.SUSPICIOUS,
                          60);
                  case 2 ->
                      Indicator.of(
                          IndicatorType.CIDR,
                          "100."
                              + (64 + (k >> 14 & 63))
                              + "."
                              + (k >> 6 & 255)
                              + "."
                              + ((k & 63) << 2)
                              + "/30",
                          source,
                          IndicatorVerdict.MALICIOUS,
                          70);
                  default ->
                      Indicator.of(
                          IndicatorType.EMAIL,
                          "sender" + k + "@bad-bench.example",
                          source,
                          IndicatorVerdict.MALICIOUS,
                          75);
                };
          };
      out.add(
          generation == 1
              ? ind
              : new Indicator(
                  ind.type(),
                  ind.value(),
                  source,
                  ind.verdict(),
                  null,
                  ind.confidence(),
                  NOW,
                  NOW,
                  null,
                  null));
    }
    return out;
  }

  private static void retroHunt(int deliveries) throws Exception {
    Path dir = Path.of("target/intel-bench").toAbsolutePath();
    Files.createDirectories(dir);
    String url = "jdbc:h2:file:" + dir.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "bench", "bench")) {
      seed(c, deliveries);
      Instant since = NOW.minus(Duration.ofDays(7));
      List<Indicator> probes =
          List.of(
              one(IndicatorType.URL, HOT_URL),
              one(IndicatorType.DOMAIN, "campaign-hot.example"),
              one(IndicatorType.SHA256, HOT_SHA),
              one(IndicatorType.EMAIL, "billing@campaign-hot.example"),
              one(IndicatorType.IP, "192.0.2.250"),
              one(IndicatorType.URL, "https://nothing-here.example/x"),
              one(IndicatorType.DOMAIN, "nothing-here.example"));
      for (Indicator p : probes) {
        IntelMatches.delivered(c, p, since, 10_000);
        long[] times = new long[5];
        Map<String, Integer> found = Map.of();
        for (int i = 0; i < times.length; i++) {
          long s = System.nanoTime();
          found = IntelMatches.delivered(c, p, since, 10_000);
          times[i] = System.nanoTime() - s;
        }
        Arrays.sort(times);
        printf(
            "retro-hunt %s: %d messages, %d deliveries in the 7-day window; median %.1f ms",
            p.key(),
            found.size(),
            found.values().stream().mapToInt(Integer::intValue).sum(),
            ms(times[2]));
      }
    }
  }

  private static Indicator one(IndicatorType type, String raw) {
    return Indicator.of(
        type, Normalizer.normalize(type, raw), "bench", IndicatorVerdict.MALICIOUS, 90);
  }

  /**
   * Four deliveries a message, spread over 30 days; every message has two links and an attachment.
   * One campaign of 1000 messages (250 in the window) shares a URL, a file and a sender.
   */
  private static void seed(Connection c, int deliveries) throws Exception {
    try (Statement s = c.createStatement()) {
      ResultSet rs =
          s.executeQuery(
              "select count(*) from information_schema.tables where table_name = 'deliveries'");
      rs.next();
      if (rs.getInt(1) == 0) {
        for (String file : List.of("V1__init.sql", "V3__threat_intel.sql")) {
          String sql =
              Files.readString(Path.of("src/main/resources/db/migration").resolve(file))
                  .replaceAll("(?m)--.*$", "");
          for (String statement : sql.split(";")) {
            if (!statement.isBlank()) {
              s.execute(statement);
            }
          }
        }
      }
      rs = s.executeQuery("select count(*) from deliveries");
      rs.next();
      if (rs.getInt(1) >= deliveries) {
        printf(
            "retro-hunt store: reusing %,d deliveries in %s",
            rs.getInt(1), c.getMetaData().getURL());
        return;
      }
    }
    long start = System.nanoTime();
    c.setAutoCommit(false);
    int messages = deliveries / 4;
    SplittableRandom random = new SplittableRandom(11);
    try (PreparedStatement m =
            c.prepareStatement(
                "insert into messages (id, sender_address, sender_domain, subject, cluster_key,"
                    + " received_at, direction, sender_ip, spf, dkim, dmarc, compauth, size_bytes,"
                    + " created_at) values (?,?,?,?,?,?,'INBOUND',?,'PASS','PASS','PASS','PASS',"
                    + "1000,?)");
        PreparedStatement l =
            c.prepareStatement(
                "insert into links (message_id, position, url, url_key, host, registrable_domain)"
                    + " values (?,?,?,?,?,?)");
        PreparedStatement a =
            c.prepareStatement(
                "insert into attachments (message_id, position, file_name, size_bytes, sha256)"
                    + " values (?,0,'file.pdf',1000,?)");
        PreparedStatement d =
            c.prepareStatement(
                "insert into deliveries (id, message_id, mailbox, folder, delivered_at)"
                    + " values (?,?,?,'inbox',?)")) {
      for (int i = 0; i < messages; i++) {
        boolean hot = i % (messages / 1000) == 0;
        String id = "msg-" + i;
        Instant at = NOW.minusSeconds(random.nextLong(30L * 86400));
        String domain = hot ? "mail.campaign-hot.example" : "sender" + (i % 5000) + ".example";
        m.setString(1, id);
        m.setString(2, hot ? "billing@campaign-hot.example" : "news@" + domain);
        m.setString(3, domain);
        m.setString(4, "Subject " + i);
        m.setString(5, Integer.toHexString(i));
        m.setTimestamp(6, Timestamp.from(at));
        m.setString(7, hot ? "192.0.2.250" : "198.18." + (i >> 8 & 255) + "." + (i & 255));
        m.setTimestamp(8, Timestamp.from(at));
        m.addBatch();
        for (int p = 0; p < 2; p++) {
          String host =
              hot && p == 0 ? "campaign-hot.example" : "www.site" + (i % 20000) + ".example";
          String u = hot && p == 0 ? HOT_URL : "https://" + host + "/page/" + i + "/" + p;
          l.setString(1, id);
          l.setInt(2, p);
          l.setString(3, u);
          l.setString(4, Integer.toHexString(u.hashCode()) + i + p);
          l.setString(5, host);
          l.setString(
              6,
              host.substring(host.indexOf('.') + 1).contains(".") && !hot
                  ? host.substring(host.indexOf('.') + 1)
                  : host);
          l.addBatch();
        }
        a.setString(1, id);
        a.setString(2, hot ? HOT_SHA : sha(i + 5_000_000));
        a.addBatch();
        for (int k = 0; k < 4; k++) {
          d.setString(1, "dlv-" + i + "-" + k);
          d.setString(2, id);
          d.setString(3, "user" + random.nextInt(5000) + "@corp.example");
          d.setTimestamp(4, Timestamp.from(at.plusSeconds(k)));
          d.addBatch();
        }
        if (i % 5000 == 4999) {
          m.executeBatch();
          l.executeBatch();
          a.executeBatch();
          d.executeBatch();
          c.commit();
        }
      }
      m.executeBatch();
      l.executeBatch();
      a.executeBatch();
      d.executeBatch();
      c.commit();
    }
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("analyze");
    }
    printf(
        "retro-hunt store: seeded %,d messages and %,d deliveries in %.0f s",
        messages, messages * 4, (System.nanoTime() - start) / 1e9);
  }

  static String sha(int n) {
    return com.google.common.hash.Hashing.sha256()
        .hashString("bench" + n, StandardCharsets.UTF_8)
        .toString();
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double pct(long[] sorted, double p) {
    long[] s = sorted.clone();
    Arrays.sort(s);
    int i = (int) Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1);
    return s[Math.max(0, i)] / 1000.0;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void printf(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
