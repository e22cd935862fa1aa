package org.openair.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.openair.domain.ActionType;
import org.openair.domain.Alert;
import org.openair.domain.AlertType;
import org.openair.domain.Delivery;
import org.openair.domain.Investigation;
import org.openair.domain.Organisation;
import org.openair.domain.ThreatKind;
import org.openair.domain.Verdict;
import org.openair.engine.FactSource;
import org.openair.engine.InMemoryFactSource;
import org.openair.engine.InvestigationInput;
import org.openair.engine.InvestigationOutcome;
import org.openair.engine.Investigator;
import org.openair.engine.RuleSet;
import org.openair.intake.MessageParser;
import org.openair.intake.ParsedMessage;

/**
 * Runs a playbook over a folder of mail as if a user had reported each message: every file is
 * parsed, delivered once to a synthetic mailbox and investigated at one hour after it arrived. With
 * lookups on the run (the default) the rules' lookups are answered from the run's own messages, as
 * a store holding that mail would answer them (same sender and subject, same URL, same file, the
 * sender's history); with lookups off they find nothing. Writes one JSON line per file and prints a
 * summary.
 */
final class Backtest {
  static final String MAILBOX = "reporter@backtest.invalid";

  /** What to run. */
  record Options(
      String playbook,
      Path rulesDir,
      Path folder,
      Path out,
      Organisation organisation,
      boolean lookupsOnRun,
      int threads) {}

  /** One line of the output; {@code error} only when the file could not be investigated. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Line(
      String file,
      String verdict,
      String kind,
      List<String> actions,
      List<String> ruleIds,
      List<Scored> findings,
      String explanation,
      String error,
      List<String> warnings) {}

  /**
   * A finding's rule, category and score: what the verdict rules summed, so a threshold or a
   * grouping of kinds can be weighed against a whole folder without running it again.
   */
  record Scored(String rule, String category, int score) {}

  private record Item(Path file, ParsedMessage parsed, String error) {}

  private final ObjectMapper json = new ObjectMapper();
  private final PrintStream out;

  Backtest(PrintStream out) {
    this.out = out;
  }

  static AlertType alertType(String playbook) {
    return switch (playbook) {
      case "user-reported" -> AlertType.USER_REPORTED;
      case "malware-zap" -> AlertType.MALWARE_ZAP;
      case "phish-zap" -> AlertType.PHISH_ZAP;
      case "manual" -> AlertType.MANUAL;
      default -> null;
    };
  }

  int run(RuleSet rules, Options o) throws IOException, InterruptedException {
    List<Path> files = files(o.folder());
    AlertType type = alertType(o.playbook());
    Instant fallback = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(o.threads());
    try {
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      LongAdder workCpu = new LongAdder();
      List<Item> items =
          parallel(
              pool,
              workCpu,
              files.size(),
              i -> {
                Path file = files.get(i);
                try {
                  ParsedMessage p =
                      new MessageParser()
                          .parse("bt-" + (i + 1), Files.readAllBytes(file), o.organisation());
                  if (p.message().getReceivedAt() == null) {
                    p.message().setReceivedAt(fallback);
                  }
                  return new Item(file, p, null);
                } catch (IOException | RuntimeException e) {
                  return new Item(file, null, "cannot read or parse: " + RuleCases.oneLine(e));
                }
              });
      long parsed = System.nanoTime();

      InMemoryFactSource store = new InMemoryFactSource();
      for (Item item : items) {
        if (item.parsed() != null) {
          store.addAll(facts(item.parsed()));
        }
      }
      FactSource source = o.lookupsOnRun() ? store : (request, investigation) -> List.<Object>of();
      Investigator investigator = new Investigator(RuleCases.LOOKUP_ROUNDS);
      List<Line> lines =
          parallel(
              pool,
              workCpu,
              items.size(),
              i -> investigate(rules, investigator, source, type, o, items.get(i)));
      long done = System.nanoTime();
      long cpu = cpuNanos() - cpuStart;

      Path outFile = o.out();
      if (outFile.getParent() != null) {
        Files.createDirectories(outFile.getParent());
      }
      try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
        for (Line line : lines) {
          w.write(json.writeValueAsString(line));
          w.write('\n');
        }
      }
      summary(o, rules, lines, parsed - start, done - parsed, cpu, workCpu.sum());
      return 0;
    } finally {
      pool.shutdownNow();
    }
  }

  private Line investigate(
      RuleSet rules,
      Investigator investigator,
      FactSource source,
      AlertType type,
      Options o,
      Item item) {
    String file = o.folder().relativize(item.file()).toString();
    if (item.parsed() == null) {
      return new Line(file, null, null, List.of(), List.of(), List.of(), null, item.error(), null);
    }
    try {
      var m = item.parsed().message();
      Instant now = m.getReceivedAt().plus(Duration.ofHours(1));
      Alert alert =
          new Alert(
              "alert-" + m.getId(),
              type,
              m.getId(),
              m.getInternetMessageId(),
              null,
              null,
              type == AlertType.USER_REPORTED ? MAILBOX : null,
              now.minus(Duration.ofMinutes(5)));
      List<Object> input = new ArrayList<>(facts(item.parsed()));
      input.addAll(Facts.mailboxes(List.of(MAILBOX), o.organisation()));
      InvestigationOutcome outcome =
          investigator.investigate(
              rules,
              new InvestigationInput(
                  new Investigation("bt-" + m.getId(), o.playbook(), now),
                  alert,
                  o.organisation(),
                  input),
              source);
      return new Line(
          file,
          outcome.verdict().code(),
          outcome.threatKind().code(),
          outcome.actions().stream().map(a -> a.fact().getType().code()).distinct().toList(),
          outcome.firedRules(),
          outcome.findings().stream()
              .map(
                  f ->
                      new Scored(
                          f.provenance().ruleId(), f.fact().getCategory(), f.fact().getScore()))
              .toList(),
          outcome.decisiveVerdict() == null
              ? null
              : outcome.decisiveVerdict().fact().getExplanation(),
          null,
          outcome.warnings().isEmpty() ? null : outcome.warnings());
    } catch (RuntimeException | StackOverflowError e) {
      return new Line(
          file,
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          null,
          "investigation failed: " + e,
          null);
    }
  }

  private static List<Object> facts(ParsedMessage p) {
    List<Object> facts = new ArrayList<>();
    facts.add(p.message());
    facts.addAll(p.links());
    facts.addAll(p.attachments());
    facts.add(
        new Delivery(
            p.message().getId() + "-d1",
            p.message().getId(),
            MAILBOX,
            Delivery.INBOX,
            p.message().getReceivedAt()));
    return facts;
  }

  /** CPU time of the whole process so far, or -1 where the JVM cannot tell. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private void summary(
      Options o,
      RuleSet rules,
      List<Line> lines,
      long parseNanos,
      long runNanos,
      long cpuNanos,
      long workCpuNanos) {
    int total = lines.size();
    Map<String, Integer> verdicts = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      verdicts.put(v.code(), 0);
    }
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (ThreatKind k : ThreatKind.values()) {
      kinds.put(k.code(), 0);
    }
    Map<String, Integer> actions = new TreeMap<>();
    int destructive = 0;
    // The evaluation data's definition of a false positive is a delete, block or disable; a move
    // to the junk folder, which its owner can still open, is reported apart.
    int removing = 0;
    int junkOnly = 0;
    int errors = 0;
    int warned = 0;
    for (Line l : lines) {
      if (l.verdict() == null) {
        errors++;
        continue;
      }
      if (l.warnings() != null) {
        warned++;
      }
      verdicts.merge(l.verdict(), 1, Integer::sum);
      kinds.merge(l.kind(), 1, Integer::sum);
      l.actions().forEach(a -> actions.merge(a, 1, Integer::sum));
      List<ActionType> taken =
          l.actions().stream()
              .map(ActionType::fromCode)
              .flatMap(Optional::stream)
              .filter(ActionType::isDestructive)
              .toList();
      destructive += taken.isEmpty() ? 0 : 1;
      if (taken.stream().anyMatch(t -> t != ActionType.MOVE_TO_JUNK)) {
        removing++;
      } else if (!taken.isEmpty()) {
        junkOnly++;
      }
    }
    double seconds = (parseNanos + runNanos) / 1e9;
    out.printf(
        "backtest: %d files in %s, playbook %s, rule set %s, lookups %s%n",
        total,
        o.folder(),
        o.playbook(),
        rules.id(),
        o.lookupsOnRun() ? "answered from the run's messages" : "off (nothing found)");
    out.println("verdicts:   " + counts(verdicts, total));
    out.println("kinds:      " + counts(kinds, total));
    out.println("actions:    " + (actions.isEmpty() ? "none" : counts(actions, total)));
    out.printf(
        "destructive: %d messages with a destructive recommended action (%s): %d deleted, blocked"
            + " or disabled (%s), %d only moved to junk (%s)%n",
        destructive,
        pct(destructive, total),
        removing,
        pct(removing, total),
        junkOnly,
        pct(junkOnly, total));
    out.printf(
        "errors:     %d files could not be investigated; %d investigations had warnings%n",
        errors, warned);
    out.printf(
        "speed:      %.0f messages/s (%d messages in %.2f s: parse %.2f s, investigate %.2f s,"
            + " %d threads)%n",
        total / Math.max(seconds, 1e-9),
        total,
        seconds,
        parseNanos / 1e9,
        runNanos / 1e9,
        o.threads());
    if (cpuNanos > 0) {
      // On a shared machine the wall clock also counts other processes' turns on the cores; CPU
      // time says what the work itself costs. What the parsing and investigating threads did not
      // use went to the JVM's own threads, on a short run mostly its JIT compiler: README's
      // backtest section explains why that share is large on two cores and how to keep it small.
      out.printf(
          "cpu:        %.0f messages per CPU-second (%.2f CPU-seconds%s)%n",
          total / (cpuNanos / 1e9),
          cpuNanos / 1e9,
          workCpuNanos <= 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  ": %.2f parsing and investigating, %.2f in the JVM's own threads, mostly"
                      + " compiling Java to machine code",
                  workCpuNanos / 1e9,
                  Math.max(0, cpuNanos - workCpuNanos) / 1e9));
    }
    out.println("results:    " + o.out());
  }

  private static String counts(Map<String, Integer> counts, int total) {
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (k, v) -> {
          if (v > 0) {
            sb.append(sb.length() == 0 ? "" : ", ")
                .append(k)
                .append(' ')
                .append(v)
                .append(" (")
                .append(pct(v, total))
                .append(')');
          }
        });
    return sb.length() == 0 ? "none" : sb.toString();
  }

  private static String pct(int n, int total) {
    return total == 0 ? "0%" : String.format("%.1f%%", 100.0 * n / total);
  }

  /** Every regular file under the folder except hidden files and LICENSE and README files. */
  static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return !name.startsWith(".")
                    && !name.startsWith("LICENSE")
                    && !name.startsWith("README");
              })
          .sorted()
          .toList();
    }
  }

  /** Runs the tasks on the pool, adding the CPU time each takes on its thread to {@code cpu}. */
  private static <T> List<T> parallel(
      ExecutorService pool, LongAdder cpu, int n, IntFunction<T> task) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean measured = threads.isCurrentThreadCpuTimeSupported();
    List<Future<T>> futures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                long before = measured ? threads.getCurrentThreadCpuTime() : 0;
                try {
                  return task.apply(index);
                } finally {
                  if (measured) {
                    cpu.add(threads.getCurrentThreadCpuTime() - before);
                  }
                }
              }));
    }
    List<T> results = new ArrayList<>(n);
    for (Future<T> f : futures) {
      try {
        results.add(f.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("a backtest task failed unexpectedly", e.getCause());
      }
    }
    return results;
  }
}
