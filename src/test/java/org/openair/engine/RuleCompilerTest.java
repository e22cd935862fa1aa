package org.openair.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openair.engine.RuleFiles.file;
import static org.openair.engine.RuleFiles.rule;
import static org.openair.engine.RuleFiles.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCompilerTest {
  @TempDir Path dir;

  private final RuleCompiler compiler = new RuleCompiler();

  private List<RuleError> errors() {
    try {
      compiler.compile(dir);
    } catch (RuleCompilationException e) {
      return e.errors();
    }
    throw new AssertionError("expected the rules to be refused");
  }

  @Test
  void realRulesCompileWithMetadataForEveryRule() {
    RuleSet set = Fixtures.realRules();
    assertThat(set.id()).matches("rs-[0-9a-f]{12}");
    assertThat(set.files()).extracting(RuleFile::name).isSorted().allMatch(n -> n.endsWith(".drl"));
    assertThat(set.rules())
        .isNotEmpty()
        .allMatch(r -> r.id().startsWith("OA-") && r.playbook() != null && r.severity() != null);
    assertThat(set.file("playbook_user_reported.drl")).isPresent();
  }

  @Test
  void ruleSetIdDependsOnlyOnFileNamesAndContents() throws Exception {
    write(dir, "analyzer_a.drl", file(rule("T-1", "one")));
    String first = compiler.compile(dir).id();
    assertThat(compiler.compile(dir).id()).isEqualTo(first);
    write(dir, "analyzer_a.drl", file(rule("T-1", "one"), rule("T-2", "two")));
    assertThat(compiler.compile(dir).id()).isNotEqualTo(first);
  }

  @Test
  void compileErrorIsReportedWithFileLineAndColumn() {
    write(
        dir,
        "analyzer_broken.drl",
        file(rule("T-1", "bad constraint", "  Message(noSuchField == 1)\n", "")));
    List<RuleError> errors = errors();
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).file()).isEqualTo("analyzer_broken.drl");
    assertThat(errors.get(0).line()).isEqualTo(8);
    assertThat(errors.get(0).toString()).startsWith("analyzer_broken.drl:8:");
  }

  @Test
  void errorInAThenBlockIsReportedAtTheRuleLine() {
    write(dir, "analyzer_a.drl", file(rule("T-1", "ok")));
    write(
        dir,
        "analyzer_b.drl",
        file(rule("T-2", "bad consequence", "  Alert()\n", "  int x = \"text\";\n")));
    List<RuleError> errors = errors();
    assertThat(errors)
        .as(errors.toString())
        .anyMatch(e -> e.file().equals("analyzer_b.drl") && e.line() == 5);
  }

  @Test
  void syntaxErrorIsReportedWithFileAndLine() {
    write(
        dir,
        "analyzer_syntax.drl",
        file("rule \"x\"\n  @id(\"T-1\")\nwhen\n  Alert(\nthen\nend\n"));
    assertThat(errors())
        .isNotEmpty()
        .allMatch(e -> e.file().equals("analyzer_syntax.drl") && e.line() > 0);
  }

  @Test
  void lintRefusesSystemExitWithFileAndLine() {
    write(
        dir, "analyzer_exit.drl", file(rule("T-1", "exits", "  Alert()\n", "  System.exit(1);\n")));
    List<RuleError> errors = errors();
    assertThat(errors).anyMatch(e -> e.toString().startsWith("analyzer_exit.drl:10:3: 'System'"));
    assertThat(errors).anyMatch(e -> e.line() == 10 && e.message().contains("exit("));
  }

  @Test
  void lintRefusesFullyQualifiedForbiddenNamesInConditionsAndFunctions() {
    write(
        dir,
        "analyzer_sneaky.drl",
        file(
            "function String read() { return new java.io.File(\"/etc/passwd\").getName(); }\n",
            rule("T-1", "reflects", "  $a : Alert(getClass().getName() != null)\n", "")));
    assertThat(errors())
        .extracting(RuleError::toString)
        .anyMatch(s -> s.startsWith("analyzer_sneaky.drl:5:") && s.contains("java.io"))
        .anyMatch(s -> s.startsWith("analyzer_sneaky.drl:10:") && s.contains("getClass"));
  }

  @Test
  void lintRefusesImportsOutsideTheAllowedPackages() {
    write(
        dir,
        "analyzer_imports.drl",
        "package org.openair.test;\nimport java.lang.Runtime;\nimport java.util.List;\n"
            + "import org.kie.api.runtime.KieSession;\n\n"
            + rule("T-1", "x"));
    assertThat(errors())
        .extracting(RuleError::toString)
        .anyMatch(s -> s.startsWith("analyzer_imports.drl:2:") && s.contains("java.lang.Runtime"))
        .anyMatch(s -> s.startsWith("analyzer_imports.drl:4:") && s.contains("KieSession"))
        .noneMatch(s -> s.contains("java.util.List"));
  }

  @Test
  void lintAllowsForbiddenWordsInStringsAndComments() throws Exception {
    write(
        dir,
        "analyzer_words.drl",
        file(
            "// System.exit is mentioned here only in a comment\n",
            rule(
                "T-1",
                "explains",
                "  Alert()\n",
                "  insert(new Finding(EntityType.MESSAGE, \"m\", \"c\", 1, \"Runtime System.exit\"));\n")));
    assertThat(compiler.compile(dir).rules()).hasSize(1);
  }

  @Test
  void lintRefusesARuleWithoutAnId() {
    write(
        dir,
        "analyzer_noid.drl",
        file(
            "rule \"anonymous\"\n  @playbook(\"all\") @severity(\"low\")\nwhen\n  Alert()\nthen\nend\n"));
    assertThat(errors())
        .extracting(RuleError::toString)
        .containsExactly("analyzer_noid.drl:5:1: rule \"anonymous\" lacks @id(...)");
  }

  @Test
  void lintRefusesADuplicateIdAcrossFiles() {
    write(dir, "analyzer_a.drl", file(rule("T-1", "first")));
    write(dir, "analyzer_b.drl", file(rule("T-1", "second")));
    assertThat(errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.file()).isEqualTo("analyzer_b.drl");
              assertThat(e.line()).isEqualTo(5);
              assertThat(e.message()).contains("T-1").contains("analyzer_a.drl");
            });
  }

  @Test
  void lintRefusesAnUnknownSeverityOrPlaybook() {
    write(
        dir,
        "analyzer_meta.drl",
        file(
            rule("T-1", "x").replace("@severity(\"low\")", "@severity(\"critical\")"),
            rule("T-2", "y").replace("@playbook(\"all\")", "@playbook(\"nonsense\")")));
    assertThat(errors())
        .extracting(RuleError::message)
        .anyMatch(m -> m.contains("critical"))
        .anyMatch(m -> m.contains("nonsense"));
  }

  @Test
  void lintRefusesFileNamesThatAreNotSnakeCase() {
    write(dir, "Analyzer-Links.drl", file(rule("T-1", "x")));
    assertThat(errors())
        .singleElement()
        .satisfies(e -> assertThat(e.file()).isEqualTo("Analyzer-Links.drl"));
  }

  @Test
  void emptyFolderIsRefused() {
    assertThatThrownBy(() -> compiler.compile(dir)).isInstanceOf(RuleCompilationException.class);
  }
}
