package org.openair.engine;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.openair.domain.AlertType;

/**
 * Refuses rule files that could do more than insert and retract facts. Drools has no sandbox: DRL
 * can call any Java on the class path, so the lint is the guard between a rule author and the
 * process. It parses each file with Drools' own DRL parser (imports, rules and their metadata) and
 * scans the code of the file, with comments and string literals blanked out, for names that reach
 * the system, threads, reflection, files or the network. It also enforces the metadata conventions
 * that provenance relies on.
 */
public final class RuleLinter {
  static final Pattern FILE_NAME = Pattern.compile("[a-z0-9_]+\\.drl");
  static final Set<String> SEVERITIES = Set.of("info", "low", "medium", "high");
  static final List<String> REQUIRED_METADATA = List.of("id", "playbook", "severity");

  private static final Set<String> PLAYBOOKS =
      Stream.concat(Stream.of("all"), Stream.of(AlertType.values()).map(AlertType::playbook))
          .collect(Collectors.toUnmodifiableSet());

  private static final Pattern ALLOWED_IMPORT =
      Pattern.compile(
          "org\\.openair\\.domain\\.(\\*|[A-Z]\\w*(\\.[A-Z]\\w*)*)"
              + "|java\\.util\\.(\\*|[A-Z]\\w*(\\.[A-Z]\\w*)*)"
              + "|java\\.util\\.(regex|function|stream)\\.(\\*|[A-Z]\\w*)"
              + "|java\\.time(\\.\\w+)*\\.(\\*|[A-Z]\\w*)"
              + "|java\\.lang\\.[A-Z]\\w*");

  /**
   * Names that reach outside the session. Matched as whole words, case-sensitive, on code only, so
   * {@code "System"} in an explanation string or a comment is fine but {@code java.lang.System} or
   * {@code System.exit} is not.
   */
  private static final Map<Pattern, String> FORBIDDEN = new LinkedHashMap<>();

  static {
    forbid("\\bSystem\\b", "System");
    forbid("\\bRuntime\\b", "Runtime");
    forbid("\\bProcess(Builder|Handle)?\\b", "processes");
    forbid("\\bThread(Group|Local)?\\b", "threads");
    forbid("\\b(Executors?|ForkJoinPool|CompletableFuture|Timer)\\b", "threads");
    forbid("\\bClass\\s*\\.", "Class");
    forbid("\\bforName\\b", "Class.forName");
    forbid("\\bgetClass\\b", "getClass");
    forbid("\\.\\s*class\\b", ".class");
    forbid("\\bClassLoader\\b", "class loaders");
    forbid("\\breflect\\b", "reflection");
    forbid("\\b(invoke|MethodHandles?|setAccessible|newInstance|getDeclared\\w*)\\b", "reflection");
    forbid("\\bjava\\s*\\.\\s*(io|nio|net)\\b", "files and network");
    forbid("\\b(Files|Paths|Socket|ServerSocket|URLConnection|HttpClient)\\b", "files and network");
    forbid("\\b(javax|jdk|sun|com\\s*\\.\\s*sun)\\s*\\.", "JDK internals");
    forbid("\\b(Unsafe|SecurityManager|ModuleLayer|StackWalker|ScriptEngine\\w*)\\b", "the JVM");
    forbid("\\b(exit|halt|exec|loadLibrary)\\s*\\(", "ending or escaping the process");
    forbid("\\b(getKieRuntime|getKieBase|getWorkingMemory|getSession)\\b", "the session itself");
    forbid("(?m)^\\s*global\\b", "globals (the engine sets none; rules get data through facts)");
  }

  private static void forbid(String regex, String what) {
    FORBIDDEN.put(Pattern.compile(regex), what);
  }

  /** What the lint learnt about one file that the compiler needs: its package and rule names. */
  record ParsedFile(RuleFile file, String packageName, List<RuleDescr> rules) {}

  /** The lint's result: errors (empty when the set may be compiled) and the parsed files. */
  record Result(List<RuleError> errors, List<ParsedFile> files) {}

  /** Lints a whole set, including checks across files such as duplicate {@code @id}s. */
  public List<RuleError> lint(List<RuleFile> files) {
    return check(files).errors();
  }

  Result check(List<RuleFile> files) {
    List<RuleError> errors = new ArrayList<>();
    List<ParsedFile> parsed = new ArrayList<>();
    Map<String, String> idOwners = new HashMap<>();
    for (RuleFile file : files) {
      if (!FILE_NAME.matcher(file.name()).matches()) {
        errors.add(
            new RuleError(
                file.name(),
                1,
                1,
                "file name must match [a-z0-9_]+.drl (snake_case, kind prefix)"));
      }
      String code = codeOnly(file.content());
      scanForbidden(file.name(), code, errors);
      PackageDescr pkg = parse(file, errors);
      if (pkg == null) {
        continue;
      }
      checkImports(file.name(), pkg, errors);
      for (RuleDescr rule : pkg.getRules()) {
        checkMetadata(file.name(), rule, idOwners, errors);
      }
      parsed.add(new ParsedFile(file, pkg.getName(), List.copyOf(pkg.getRules())));
    }
    return new Result(List.copyOf(errors), List.copyOf(parsed));
  }

  private static PackageDescr parse(RuleFile file, List<RuleError> errors) {
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(false, new StringReader(file.content()));
    } catch (DroolsParserException e) {
      errors.add(new RuleError(file.name(), e.getLineNumber(), e.getColumn(), e.getMessage()));
      return null;
    }
    if (parser.hasErrors()) {
      for (DroolsError e : parser.getErrors()) {
        int line = e.getLines().length > 0 ? e.getLines()[0] : 0;
        int col = e instanceof ParserError pe ? pe.getCol() : 0;
        errors.add(new RuleError(file.name(), line, col, e.getMessage()));
      }
      return null;
    }
    return pkg;
  }

  private static void checkImports(String file, PackageDescr pkg, List<RuleError> errors) {
    List<BaseDescr> imports = new ArrayList<>(pkg.getImports());
    imports.addAll(pkg.getFunctionImports());
    imports.addAll(pkg.getAccumulateImports());
    for (BaseDescr descr : imports) {
      String target = importTarget(descr);
      boolean allowed =
          pkg.getImports().contains(descr)
              && ALLOWED_IMPORT.matcher(target).matches()
              && !forbiddenName(target);
      if (!allowed) {
        errors.add(
            new RuleError(
                file,
                descr.getLine(),
                descr.getColumn() + 1,
                "import "
                    + target
                    + " is not allowed: rules may import org.openair.domain.*, java.util.*,"
                    + " java.time.* and harmless java.lang types only"));
      }
    }
  }

  private static String importTarget(BaseDescr descr) {
    if (descr instanceof ImportDescr i) {
      return i.getTarget();
    }
    return descr.getText() == null ? String.valueOf(descr) : descr.getText();
  }

  private static boolean forbiddenName(String target) {
    return FORBIDDEN.keySet().stream().anyMatch(p -> p.matcher(target).find());
  }

  private static void checkMetadata(
      String file, RuleDescr rule, Map<String, String> idOwners, List<RuleError> errors) {
    int line = rule.getLine();
    String where = "rule \"" + rule.getName() + "\"";
    for (String key : REQUIRED_METADATA) {
      if (metadata(rule, key) == null) {
        errors.add(new RuleError(file, line, 1, where + " lacks @" + key + "(...)"));
      }
    }
    String id = metadata(rule, "id");
    if (id != null) {
      String previous = idOwners.putIfAbsent(id, file + " " + where);
      if (previous != null) {
        errors.add(
            new RuleError(file, line, 1, where + " repeats @id(\"" + id + "\") of " + previous));
      }
    }
    String severity = metadata(rule, "severity");
    if (severity != null && !SEVERITIES.contains(severity)) {
      errors.add(
          new RuleError(
              file,
              line,
              1,
              where + " has @severity(\"" + severity + "\"); use one of info, low, medium, high"));
    }
    String playbook = metadata(rule, "playbook");
    if (playbook != null && !PLAYBOOKS.contains(playbook)) {
      errors.add(
          new RuleError(
              file,
              line,
              1,
              where + " has @playbook(\"" + playbook + "\"); use \"all\" or one of " + PLAYBOOKS));
    }
  }

  /** A rule's metadata value without quotes, or null when absent or blank. */
  static String metadata(RuleDescr rule, String key) {
    AnnotationDescr a = rule.getAnnotation(key);
    if (a == null) {
      return null;
    }
    Object value = a.getSingleValueStripped();
    String s = value == null ? null : AnnotationDescr.unquote(String.valueOf(value)).strip();
    return s == null || s.isEmpty() ? null : s;
  }

  private static void scanForbidden(String file, String code, List<RuleError> errors) {
    for (Map.Entry<Pattern, String> f : FORBIDDEN.entrySet()) {
      Matcher m = f.getKey().matcher(code);
      while (m.find()) {
        int start = m.start() + (m.group().length() - m.group().stripLeading().length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
          if (code.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        errors.add(
            new RuleError(
                file,
                line,
                start - lineStart + 1,
                "'"
                    + m.group().strip()
                    + "' is not allowed in rules ("
                    + f.getValue()
                    + "): rules only insert and retract facts"));
      }
    }
  }

  /**
   * The file with comments and the contents of string and character literals replaced by spaces,
   * keeping every line break and offset so positions still point into the original text.
   */
  static String codeOnly(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      if (c == '/' && next == '/') {
        while (i < n && text.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && next == '*') {
        out.append("  ");
        i += 2;
        while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
          out.append(text.charAt(i) == '\n' ? '\n' : ' ');
          i++;
        }
        if (i < n) {
          out.append("  ");
          i += 2;
        }
      } else if (c == '"' || c == '\'') {
        out.append(c);
        i++;
        while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            out.append(' ');
            i++;
          }
          out.append(' ');
          i++;
        }
        if (i < n) {
          out.append(text.charAt(i));
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
