package org.openair.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Holds the rule set that serves investigations and swaps it when the files change. Thread-safe:
 * readers get the current set without locking; loads and reloads are serialised. A reload that
 * fails (lint or compile errors) is recorded and leaves the previous set serving.
 */
public final class RuleRepository {
  static final int HISTORY_SIZE = 100;

  /** What the directory looked like at the last attempt, to tell a real change from a touch. */
  private record Snapshot(Map<String, String> stats, Map<String, String> hashes) {}

  private final Path rulesDir;
  private final RuleCompiler compiler;
  private final Clock clock;
  private final Deque<ReloadResult> history = new ArrayDeque<>();
  private volatile RuleSet current;
  private Snapshot seen = new Snapshot(Map.of(), Map.of());

  public RuleRepository(Path rulesDir, RuleCompiler compiler, Clock clock) {
    this.rulesDir = rulesDir;
    this.compiler = compiler;
    this.clock = clock;
  }

  /** The serving rule set. */
  public RuleSet current() {
    RuleSet set = current;
    if (set == null) {
      throw new IllegalStateException("no rule set loaded yet from " + rulesDir);
    }
    return set;
  }

  /** The first load: failing here should stop the service from starting. */
  public synchronized RuleSet load() throws RuleCompilationException {
    Snapshot attempt = snapshot();
    try {
      RuleSet set = compiler.compile(rulesDir);
      current = set;
      record(new ReloadResult(true, set.id(), clock.instant(), List.of(), attempt.hashes()));
      return set;
    } catch (RuleCompilationException e) {
      record(new ReloadResult(false, null, clock.instant(), e.errors(), attempt.hashes()));
      throw e;
    } finally {
      seen = attempt;
    }
  }

  /** Compiles the files again; on errors keeps the previous set and reports why. */
  public synchronized ReloadResult reload() {
    Snapshot attempt = snapshot();
    seen = attempt;
    ReloadResult result;
    try {
      RuleSet set = compiler.compile(rulesDir);
      current = set;
      result = new ReloadResult(true, set.id(), clock.instant(), List.of(), attempt.hashes());
    } catch (RuleCompilationException e) {
      result = new ReloadResult(false, null, clock.instant(), e.errors(), attempt.hashes());
    } catch (RuntimeException e) {
      result =
          new ReloadResult(
              false,
              null,
              clock.instant(),
              List.of(new RuleError("(rules)", 0, 0, "reload failed: " + e)),
              attempt.hashes());
    }
    record(result);
    return result;
  }

  /**
   * True when the files differ from those of the last load or reload attempt, refused ones
   * included, so a poller does not retry a broken file until it is edited again. Compares names,
   * sizes and modification times first, and hashes only when those differ.
   */
  public synchronized boolean changedOnDisk() {
    Map<String, String> stats = stats();
    if (stats.equals(seen.stats())) {
      return false;
    }
    Map<String, String> hashes = hashes(stats.keySet());
    if (hashes.equals(seen.hashes())) {
      seen = new Snapshot(stats, hashes);
      return false;
    }
    return true;
  }

  /** Load and reload attempts, newest first, at most {@value #HISTORY_SIZE}. */
  public synchronized List<ReloadResult> history() {
    return List.copyOf(history);
  }

  private void record(ReloadResult result) {
    history.addFirst(result);
    while (history.size() > HISTORY_SIZE) {
      history.removeLast();
    }
  }

  private Snapshot snapshot() {
    Map<String, String> stats = stats();
    return new Snapshot(stats, hashes(stats.keySet()));
  }

  private Map<String, String> stats() {
    if (!Files.isDirectory(rulesDir)) {
      return Map.of();
    }
    try (Stream<Path> paths = Files.list(rulesDir)) {
      return paths
          .filter(p -> p.getFileName().toString().endsWith(".drl"))
          .collect(
              Collectors.toMap(
                  p -> p.getFileName().toString(),
                  RuleRepository::stat,
                  (a, b) -> a,
                  TreeMap::new));
    } catch (IOException e) {
      return Map.of("(error)", e.toString());
    }
  }

  private static String stat(Path p) {
    try {
      return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return "unreadable";
    }
  }

  private Map<String, String> hashes(Iterable<String> names) {
    Map<String, String> hashes = new TreeMap<>();
    for (String name : names) {
      try {
        hashes.put(name, RuleCompiler.sha256(Files.readAllBytes(rulesDir.resolve(name))));
      } catch (IOException e) {
        hashes.put(name, "unreadable");
      }
    }
    return hashes;
  }
}
