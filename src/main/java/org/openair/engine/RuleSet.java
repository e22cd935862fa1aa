package org.openair.engine;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, immutable set of rule files and the rule base built from them. An investigation holds
 * the set it started with, so a reload never changes the rules under a running session.
 */
public final class RuleSet {
  private static final int POOL_SIZE = 8;

  private final String id;
  private final Instant loadedAt;
  private final List<RuleFile> files;
  private final List<RuleInfo> rules;
  private final KieBase kieBase;
  private final Map<Rule, Provenance> provenanceByRule;
  private final Map<String, Provenance> provenanceByName;
  private final KieSessionsPool pool;

  RuleSet(
      String id,
      Instant loadedAt,
      List<RuleFile> files,
      List<RuleInfo> rules,
      KieBase kieBase,
      Map<String, Provenance> provenanceByName) {
    this.id = id;
    this.loadedAt = loadedAt;
    this.files = List.copyOf(files);
    this.rules = List.copyOf(rules);
    this.kieBase = kieBase;
    this.provenanceByName = Map.copyOf(provenanceByName);
    this.provenanceByRule = new IdentityHashMap<>();
    kieBase
        .getKiePackages()
        .forEach(
            p ->
                p.getRules()
                    .forEach(
                        r -> {
                          Provenance prov = provenanceByName.get(key(r));
                          if (prov != null) {
                            provenanceByRule.put(r, prov);
                          }
                        }));
    this.pool = kieBase.newKieSessionsPool(POOL_SIZE);
  }

  /** {@code rs-} and the first 12 hex digits of the SHA-256 over every file's name and hash. */
  public String id() {
    return id;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  /** The files, sorted by name. */
  public List<RuleFile> files() {
    return files;
  }

  /** Every rule, in file order then rule order. */
  public List<RuleInfo> rules() {
    return rules;
  }

  public Optional<RuleFile> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  KieBase kieBase() {
    return kieBase;
  }

  /** A session from this set's pool; disposing it returns it to the pool. */
  KieSession newSession() {
    return pool.newKieSession();
  }

  /** The provenance template of a rule (matched facts empty), or null for an unknown rule. */
  Provenance provenanceOf(Rule rule) {
    Provenance p = provenanceByRule.get(rule);
    return p != null ? p : provenanceByName.get(key(rule));
  }

  static String key(Rule rule) {
    return rule.getPackageName() + "." + rule.getName();
  }

  @Override
  public String toString() {
    return "RuleSet[" + id + ", " + files.size() + " files, " + rules.size() + " rules]";
  }
}
