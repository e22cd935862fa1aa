package org.openair.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for a running OpenAIR: seeds the store with messages over the API, then raises
 * user-reported alerts and reports investigations per second and the latency from an alert being
 * accepted to its recommended actions being stored (the server's own timestamps), p50 and p99.
 *
 * <p>Only JDK classes, so it runs from {@code target/test-classes}; see the README's Benchmarks
 * section for the command. Every request goes to the URL given (loopback by default).
 */
public final class InvestigationBench {
  private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\":\"([^\"]+)\"");
  private static final Pattern INVESTIGATION_ID =
      Pattern.compile("\"investigationId\":\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([^\"]+)\"");
  private static final Pattern CREATED = Pattern.compile("\"createdAt\":\"([^\"]+)\"");
  private static final Pattern FINISHED = Pattern.compile("\"finishedAt\":\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private String authorization;

  private InvestigationBench(String url) {
    this.url = url;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    InvestigationBench bench =
        new InvestigationBench(o.getOrDefault("url", "http://127.0.0.1:8080"));
    bench.login(o.getOrDefault("user", "admin"), o.getOrDefault("password", ""));
    int messages = Integer.parseInt(o.getOrDefault("messages", "100000"));
    int alerts = Integer.parseInt(o.getOrDefault("alerts", "3000"));
    double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
    int threads = Integer.parseInt(o.getOrDefault("threads", "8"));

    List<String> ids = bench.seed(messages, threads);
    bench.run(ids, alerts, rate, threads);
  }

  private void login(String user, String password) throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/users/" + user + "/tokens"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("could not get a token: " + r.statusCode() + " " + r.body());
    }
    authorization = "Bearer " + find(TOKEN, r.body());
  }

  /** Seeds campaigns of similar phish and unrelated benign mail; returns the message ids. */
  private List<String> seed(int count, int threads) throws Exception {
    List<String> ids = Collections.synchronizedList(new ArrayList<>(count));
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < count; i++) {
      int n = i;
      pool.submit(
          () -> {
            try {
              HttpResponse<String> r = post("/api/v1/messages", message(n));
              if (r.statusCode() == 201) {
                ids.add(find(MESSAGE_ID, r.body()));
              } else {
                failures.incrementAndGet();
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.HOURS);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "seeded %d messages (%d failed) in %.1f s: %.0f messages/s%n",
        ids.size(), failures.get(), seconds, ids.size() / seconds);
    return ids;
  }

  private void run(List<String> messageIds, int alerts, double rate, int threads) throws Exception {
    Random random = new Random(42);
    Map<String, Boolean> investigations = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    for (int i = 0; i < alerts; i++) {
      String messageId = messageIds.get(random.nextInt(messageIds.size()));
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      pool.submit(
          () -> {
            try {
              HttpResponse<String> r =
                  post(
                      "/api/v1/alerts",
                      "{\"type\":\"user-reported\",\"messageId\":\""
                          + messageId
                          + "\",\"reportedBy\":\"bench@corp.example\"}");
              if (r.statusCode() == 202) {
                investigations.put(find(INVESTIGATION_ID, r.body()), true);
              }
            } catch (Exception e) {
              System.err.println("alert failed: " + e);
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    System.out.printf(
        "raised %d alerts in %.1f s%s%n",
        investigations.size(),
        (System.nanoTime() - start) / 1e9,
        rate > 0 ? String.format(" (target rate %.0f/s)", rate) : " (as fast as accepted)");

    List<Long> latencies = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    int failed = 0;
    for (String id : investigations.keySet()) {
      String body;
      while (true) {
        body = get("/api/v1/investigations/" + id);
        String status = find(STATUS, body);
        if (!status.equals("queued") && !status.equals("running")) {
          if (status.equals("failed")) {
            failed++;
          }
          break;
        }
        Thread.sleep(50);
      }
      Instant created = Instant.parse(find(CREATED, body));
      Matcher f = FINISHED.matcher(body);
      if (!f.find()) {
        continue;
      }
      Instant finished = Instant.parse(f.group(1));
      latencies.add(Duration.between(created, finished).toNanos());
      first = first == null || created.isBefore(first) ? created : first;
      last = last == null || finished.isAfter(last) ? finished : last;
    }
    Collections.sort(latencies);
    double span = Duration.between(first, last).toNanos() / 1e9;
    System.out.printf(
        "investigations: %d (%d failed), %.1f per second over %.1f s%n",
        latencies.size(), failed, latencies.size() / span, span);
    System.out.printf(
        "latency alert accepted -> actions stored: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f"
            + " ms%n",
        percentile(latencies, 50),
        percentile(latencies, 90),
        percentile(latencies, 99),
        latencies.get(latencies.size() - 1) / 1e6);
  }

  /** Message n: every third one belongs to a phishing campaign of about 20 copies. */
  private static String message(int n) {
    boolean phish = n % 3 == 0;
    int campaign = n / 60;
    String mailbox = "user" + (n % 5000) + "@corp.example";
    if (phish) {
      return """
          {"internetMessageId":"<c%d-%d@lure.example>","from":"alerts@secure-login%d.example",
           "fromName":"IT Helpdesk","replyTo":"helpdesk%d@freemail.example",
           "subject":"Password expires today - case %d","to":["%s"],
           "authentication":{"spf":"fail","dkim":"none","dmarc":"fail"},
           "links":[{"url":"http://203.0.113.%d/owa/%d/login","text":"https://outlook.office.com"}],
           "body":"Your password expires today. Verify your account now.",
           "mailboxes":["%s"]}
          """
          .formatted(
              campaign,
              n,
              campaign,
              campaign,
              campaign,
              mailbox,
              campaign % 250,
              campaign,
              mailbox);
    }
    return """
        {"internetMessageId":"<n%d@partner%d.example>","from":"person%d@partner%d.example",
         "subject":"Notes from meeting %d","to":["%s"],
         "authentication":{"spf":"pass","dkim":"pass","dmarc":"pass"},
         "links":[{"url":"https://docs.partner%d.example/notes/%d","text":"docs.partner%d.example"}],
         "body":"Hi, the notes are attached to the project page.",
         "mailboxes":["%s"]}
        """
        .formatted(n, n % 97, n % 11, n % 97, n, mailbox, n % 97, n, n % 97, mailbox);
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String find(Pattern p, String body) {
    Matcher m = p.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("unexpected answer: " + body);
    }
    return m.group(1);
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }
}
