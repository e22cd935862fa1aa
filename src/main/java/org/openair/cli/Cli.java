package org.openair.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openair.domain.Organisation;
import org.openair.engine.RuleCompilationException;
import org.openair.engine.RuleCompiler;
import org.openair.engine.RuleError;
import org.openair.engine.RuleSet;
import org.openair.investigation.OrganisationFile;

/**
 * The commands that run without the server: {@code rules check}, {@code rules test} and {@code
 * backtest}. Exit codes: 0 when all is well, 1 when rules or cases fail, 2 for a wrong command
 * line.
 */
public final class Cli {
  static final String USAGE =
      """
      usage:
        rules check [--rules DIR]
            lint and compile the rule files; prints file:line:column errors
        rules test [--rules DIR] [--cases DIR]
            run the rule test cases (default DIR/cases) against the rules on disk
        backtest [--playbook user-reported|phish-zap|malware-zap|manual] [--out FILE]
                 [--rules DIR] [--settings FILE] [--accepted-domains a.example,b.example]
                 [--lookups run|none] [--threads N] FOLDER
            investigate every file under FOLDER (hidden, LICENSE* and README* files skipped)
            as a message a user reported; writes one JSON line per file to FILE
            (default backtest.jsonl) and prints a summary
      DIR defaults to the openair.rules-dir system property, OPENAIR_RULES_DIR, or ./rules.
      """;

  private static final Set<String> COMMANDS = Set.of("rules", "backtest");

  private final PrintStream out;
  private final PrintStream err;

  public Cli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** True when the arguments name a command-line command rather than starting the service. */
  public static boolean handles(String... args) {
    return args.length > 0 && COMMANDS.contains(args[0]);
  }

  /** Runs the command and returns the process exit code. */
  public int run(String... args) {
    try {
      if (args.length >= 2 && args[0].equals("rules") && args[1].equals("check")) {
        return check(options(args, 2, Set.of("--rules"), false));
      }
      if (args.length >= 2 && args[0].equals("rules") && args[1].equals("test")) {
        return test(options(args, 2, Set.of("--rules", "--cases"), false));
      }
      if (args.length >= 1 && args[0].equals("backtest")) {
        return backtest(
            options(
                args,
                1,
                Set.of(
                    "--playbook",
                    "--out",
                    "--rules",
                    "--settings",
                    "--accepted-domains",
                    "--lookups",
                    "--threads"),
                true));
      }
      throw new UsageException("unknown command: " + String.join(" ", args));
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("error: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted");
      return 1;
    }
  }

  private int check(Map<String, String> o) {
    Path dir = rulesDir(o);
    RuleSet set = compile(dir);
    if (set == null) {
      return 1;
    }
    out.printf(
        "OK: %d rules in %d files in %s (rule set %s)%n",
        set.rules().size(), set.files().size(), dir, set.id());
    return 0;
  }

  private int test(Map<String, String> o) throws IOException {
    Path dir = rulesDir(o);
    Path casesDir = o.containsKey("--cases") ? Path.of(o.get("--cases")) : dir.resolve("cases");
    RuleSet set = compile(dir);
    if (set == null) {
      return 1;
    }
    List<RuleCases.Loaded> cases = RuleCases.load(casesDir);
    if (cases.isEmpty()) {
      err.println("no cases found under " + casesDir);
      return 1;
    }
    int failed = 0;
    for (RuleCases.Loaded c : cases) {
      RuleCases.Result r = RuleCases.run(set, c);
      if (r.passed()) {
        out.println("PASS " + r.name());
      } else {
        failed++;
        out.println(
            "FAIL " + r.name() + (r.description() == null ? "" : " (" + r.description() + ")"));
        r.differences().forEach(d -> out.println("     " + d));
        if (r.observed() != null) {
          out.println("     got: " + r.observed());
        }
      }
    }
    List<String> gaps = RuleCases.coverageGaps(set, cases);
    for (String gap : gaps) {
      out.println("GAP  " + gap);
    }
    out.printf("%d passed, %d failed%n", cases.size() - failed, failed);
    if (!gaps.isEmpty()) {
      out.printf(
          "%d coverage gaps: every rule needs a case that hits it and a near miss%n", gaps.size());
    }
    return failed == 0 && gaps.isEmpty() ? 0 : 1;
  }

  private int backtest(Map<String, String> o) throws IOException, InterruptedException {
    String folderArg = o.get("");
    if (folderArg == null) {
      throw new UsageException("backtest needs a FOLDER");
    }
    Path folder = Path.of(folderArg);
    if (!Files.isDirectory(folder)) {
      throw new UsageException("not a folder: " + folder);
    }
    String playbook = o.getOrDefault("--playbook", "user-reported");
    if (Backtest.alertType(playbook) == null) {
      throw new UsageException(
          "the backtest runs playbooks about a message: user-reported, phish-zap, malware-zap or"
              + " manual, not "
              + playbook);
    }
    String lookups = o.getOrDefault("--lookups", "run");
    if (!lookups.equals("run") && !lookups.equals("none")) {
      throw new UsageException("--lookups is run or none");
    }
    int threads;
    try {
      threads =
          Integer.parseInt(
              o.getOrDefault(
                  "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    } catch (NumberFormatException e) {
      throw new UsageException("--threads needs a number");
    }
    if (threads < 1) {
      throw new UsageException("--threads needs a number of at least 1");
    }
    Organisation org = Organisation.empty();
    if (o.containsKey("--settings")) {
      org = OrganisationFile.read(Path.of(o.get("--settings"))).addTo(org);
    }
    if (o.containsKey("--accepted-domains")) {
      org =
          new OrganisationFile(
                  List.of(o.get("--accepted-domains").split(",")), null, null, null, null)
              .addTo(org);
    }
    RuleSet set = compile(rulesDir(o));
    if (set == null) {
      return 1;
    }
    return new Backtest(out)
        .run(
            set,
            new Backtest.Options(
                playbook,
                rulesDir(o),
                folder,
                Path.of(o.getOrDefault("--out", "backtest.jsonl")),
                org,
                lookups.equals("run"),
                threads));
  }

  /** The compiled rules, or null after printing every lint and compile error. */
  private RuleSet compile(Path dir) {
    try {
      return new RuleCompiler().compile(dir);
    } catch (RuleCompilationException e) {
      for (RuleError error : e.errors()) {
        String file = error.file();
        String where = file.endsWith(".drl") ? dir.resolve(file).toString() : file;
        err.println(where + ":" + error.line() + ":" + error.column() + ": " + error.message());
      }
      err.printf("%d error(s): the rules in %s were refused%n", e.errors().size(), dir);
      return null;
    }
  }

  private static Path rulesDir(Map<String, String> o) {
    if (o.containsKey("--rules")) {
      return Path.of(o.get("--rules"));
    }
    String dir = System.getProperty("openair.rules-dir", System.getenv("OPENAIR_RULES_DIR"));
    return Path.of(dir == null || dir.isBlank() ? "rules" : dir);
  }

  /** Options as name to value; the one positional argument, when allowed, under "". */
  private static Map<String, String> options(
      String[] args, int from, Set<String> names, boolean positional) {
    Map<String, String> o = new HashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        }
        if (!names.contains(name)) {
          throw new UsageException("unknown option " + name);
        }
        if (value == null) {
          throw new UsageException(name + " needs a value");
        }
        o.put(name, value);
      } else {
        rest.add(a);
      }
    }
    if (rest.size() > (positional ? 1 : 0)) {
      throw new UsageException("unexpected argument(s): " + String.join(" ", rest));
    }
    if (!rest.isEmpty()) {
      o.put("", rest.get(0));
    }
    return o;
  }

  private static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
