package org.openair.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openair.domain.Link;
import org.openair.domain.Message;

/**
 * Runs user-reported investigations over synthetic facts with an in-memory store and prints the
 * throughput and latency percentiles. Arguments: investigations (default 20000), threads (default
 * 2), rules folder (default {@code rules}). Half the reported messages are phish, half benign; each
 * has two links, three deliveries and one similar message with two deliveries of its own.
 */
public final class EngineBench {
  private EngineBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path rulesDir = Path.of(args.length > 2 ? args[2] : "rules");

    long compileStart = System.nanoTime();
    RuleSet rules = new RuleCompiler().compile(rulesDir);
    System.out.printf(
        Locale.ROOT,
        "compiled %s (%d rules) in %.0f ms%n",
        rules.id(),
        rules.rules().size(),
        (System.nanoTime() - compileStart) / 1e6);

    InMemoryFactSource store = new InMemoryFactSource();
    List<InvestigationInput> inputs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      inputs.add(scenario(store, i));
    }
    Investigator investigator = new Investigator(5);

    run(investigator, rules, inputs, store, Math.min(n, 5000), threads);
    long[] latencies = new long[n];
    long start = System.nanoTime();
    run(investigator, rules, inputs, store, n, threads, latencies);
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "%d investigations on %d threads in %.2f s: %.0f investigations/s,"
            + " p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        n,
        threads,
        seconds,
        n / seconds,
        latencies[n / 2] / 1e6,
        latencies[(int) (n * 0.99)] / 1e6,
        latencies[n - 1] / 1e6);
  }

  private static void run(
      Investigator investigator,
      RuleSet rules,
      List<InvestigationInput> inputs,
      FactSource store,
      int n,
      int threads)
      throws Exception {
    run(investigator, rules, inputs, store, n, threads, new long[n]);
  }

  private static void run(
      Investigator investigator,
      RuleSet rules,
      List<InvestigationInput> inputs,
      FactSource store,
      int n,
      int threads,
      long[] latencies)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = first; i < n; i += threads) {
                    long s = System.nanoTime();
                    investigator.investigate(rules, inputs.get(i % inputs.size()), store);
                    latencies[i] = System.nanoTime() - s;
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static InvestigationInput scenario(InMemoryFactSource store, int i) {
    String id = "m" + i;
    String similar = "s" + i;
    boolean phish = i % 2 == 0;
    Message root = phish ? Fixtures.phish(id) : Fixtures.benign(id);
    Message copy = (phish ? Fixtures.phish(similar) : Fixtures.benign(similar));
    root.setSenderAddress("sender" + i + "@" + root.getSenderDomain());
    copy.setSenderAddress(root.getSenderAddress());
    store.add(root).add(copy);
    List<Object> facts = new ArrayList<>(List.of(root));
    for (int l = 0; l < 2; l++) {
      Link link =
          phish
              ? Fixtures.link(
                  id,
                  "https://login" + i + ".evil.example/" + l,
                  "login" + i + ".evil.example",
                  "www.paypal.com",
                  "www.paypal.com")
              : Fixtures.link(
                  id, "https://vendor.example/" + i + "/" + l, "vendor.example", "Read more", null);
      store.add(link);
      facts.add(link);
    }
    for (int d = 0; d < 3; d++) {
      store.add(Fixtures.delivery(id + "-d" + d, id, "user" + d + "@acme.example"));
    }
    for (int d = 0; d < 2; d++) {
      store.add(Fixtures.delivery(similar + "-d" + d, similar, "other" + d + "@acme.example"));
    }
    facts.add(Fixtures.delivery(id + "-d0", id, "user0@acme.example"));
    return Fixtures.input(Fixtures.reported(id, "user0@acme.example"), facts.toArray());
  }
}
