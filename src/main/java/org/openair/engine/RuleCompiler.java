package org.openair.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Reads {@code rules/*.drl}, lints them and compiles them at runtime into a {@link RuleSet}. Every
 * build gets its own release id and is removed from Drools' in-memory repository once its rule base
 * exists, so reloading does not keep old builds alive.
 */
public final class RuleCompiler {
  private static final String RESOURCES = "src/main/resources/";
  private static final AtomicLong BUILDS = new AtomicLong();

  private final Clock clock;
  private final RuleLinter linter = new RuleLinter();

  public RuleCompiler() {
    this(Clock.systemUTC());
  }

  public RuleCompiler(Clock clock) {
    this.clock = clock;
  }

  /** Compiles every {@code *.drl} file directly in {@code rulesDir}, in name order. */
  public RuleSet compile(Path rulesDir) throws RuleCompilationException {
    return compile(readFiles(rulesDir));
  }

  /** Compiles the given files; the CLI and tests use this to check files before they are saved. */
  public RuleSet compile(List<RuleFile> files) throws RuleCompilationException {
    if (files.isEmpty()) {
      throw new RuleCompilationException(
          List.of(new RuleError("(rules)", 0, 0, "no .drl files found")));
    }
    RuleLinter.Result lint = linter.check(files);
    if (!lint.errors().isEmpty()) {
      throw new RuleCompilationException(lint.errors());
    }
    String id = ruleSetId(files);
    KieBase kieBase = build(id, lint.files());

    Map<String, Provenance> provenance = new HashMap<>();
    List<RuleInfo> infos = new ArrayList<>();
    for (RuleLinter.ParsedFile parsed : lint.files()) {
      for (RuleDescr rule : parsed.rules()) {
        RuleInfo info =
            new RuleInfo(
                RuleLinter.metadata(rule, "id"),
                rule.getName(),
                RuleLinter.metadata(rule, "playbook"),
                RuleLinter.metadata(rule, "severity"),
                parsed.file().name(),
                parsed.packageName());
        infos.add(info);
        provenance.put(
            info.packageName() + "." + info.name(),
            new Provenance(
                info.id(),
                info.name(),
                info.playbook(),
                info.severity(),
                info.file(),
                parsed.file().sha256(),
                id,
                List.of()));
      }
    }
    return new RuleSet(id, clock.instant(), files, infos, kieBase, provenance);
  }

  private static KieBase build(String ruleSetId, List<RuleLinter.ParsedFile> files)
      throws RuleCompilationException {
    KieServices ks = KieServices.Factory.get();
    ClassLoader cl = RuleCompiler.class.getClassLoader();
    ReleaseId rid =
        ks.newReleaseId("org.openair.rules", ruleSetId, "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(rid);
    for (RuleLinter.ParsedFile f : files) {
      // Drools expects a file's folder to match its package and warns otherwise.
      String folder = f.packageName() == null ? "" : f.packageName().replace('.', '/') + "/";
      kfs.write(RESOURCES + folder + f.file().name(), f.file().content());
    }
    try {
      KieBuilder builder = ks.newKieBuilder(kfs, cl);
      builder.buildAll();
      List<RuleError> errors = new ArrayList<>();
      for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
        String path = m.getPath() == null ? "(rules)" : m.getPath();
        // Files are flat in rules/, so the name after the resource and package folders is enough.
        path = path.substring(path.lastIndexOf('/') + 1);
        errors.add(new RuleError(path, m.getLine(), m.getColumn(), m.getText().strip()));
      }
      if (!errors.isEmpty()) {
        throw new RuleCompilationException(errors);
      }
      KieContainer container = ks.newKieContainer(rid, cl);
      return container.newKieBase(ks.newKieBaseConfiguration());
    } finally {
      ks.getRepository().removeKieModule(rid);
    }
  }

  static List<RuleFile> readFiles(Path rulesDir) throws RuleCompilationException {
    if (!Files.isDirectory(rulesDir)) {
      throw new RuleCompilationException(
          List.of(new RuleError(rulesDir.toString(), 0, 0, "rules folder not found")));
    }
    try (Stream<Path> paths = Files.list(rulesDir)) {
      List<Path> drl =
          paths
              .filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
              .sorted()
              .toList();
      List<RuleFile> files = new ArrayList<>(drl.size());
      for (Path p : drl) {
        byte[] bytes = Files.readAllBytes(p);
        files.add(
            new RuleFile(
                p.getFileName().toString(),
                sha256(bytes),
                new String(bytes, StandardCharsets.UTF_8)));
      }
      return files;
    } catch (IOException e) {
      throw new RuleCompilationException(
          List.of(new RuleError(rulesDir.toString(), 0, 0, "cannot read rule files: " + e)));
    }
  }

  static String ruleSetId(List<RuleFile> files) {
    StringBuilder sb = new StringBuilder();
    files.stream()
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(f -> sb.append(f.name()).append('\0').append(f.sha256()).append('\n'));
    return "rs-" + sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
