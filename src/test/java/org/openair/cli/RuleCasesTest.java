package org.openair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openair.engine.RuleCompilationException;
import org.openair.engine.RuleCompiler;
import org.openair.engine.RuleSet;

/**
 * Runs every rule test case under rules/cases against the real rules, the same way {@code rules
 * test} does, and checks the command line's own behaviour: a wrong expectation shows a readable
 * difference, a rule file that calls System.exit is refused with its file and line, and the
 * backtest survives files that are not mail.
 */
class RuleCasesTest {
  private static final Path RULES = Path.of("rules");
  private static RuleSet rules;

  private static synchronized RuleSet rules() throws RuleCompilationException {
    if (rules == null) {
      rules = new RuleCompiler().compile(RULES);
    }
    return rules;
  }

  @TestFactory
  Stream<DynamicTest> everyCaseUnderRulesCasesPasses() throws Exception {
    List<RuleCases.Loaded> cases = RuleCases.load(RULES.resolve("cases"));
    assertThat(cases).isNotEmpty();
    RuleSet set = rules();
    return cases.stream()
        .map(
            c ->
                dynamicTest(
                    c.name(),
                    () -> {
                      RuleCases.Result result = RuleCases.run(set, c);
                      assertThat(result.differences())
                          .as("%s, got %s", c.name(), result.observed())
                          .isEmpty();
                    }));
  }

  @Test
  void everyRuleHasACaseThatHitsItAndANearMiss() throws Exception {
    List<RuleCases.Loaded> cases = RuleCases.load(RULES.resolve("cases"));
    assertThat(RuleCases.coverageGaps(rules(), cases)).isEmpty();
  }

  @Test
  void shouldReportAReadableDifferenceWhenAnExpectationIsWrong(@TempDir Path dir) throws Exception {
    Path cases = Files.createDirectories(dir.resolve("user-reported"));
    Files.writeString(
        cases.resolve("wrong.yaml"),
        """
        description: expects a clean verdict for a DMARC failure
        messages:
          - {dmarc: fail, compauth: fail, spf: fail}
        expect:
          verdict: clean
          rules: [OA-LNK-002]
          notRules: [OA-AUTH-001]
          actions: [move-to-junk]
        """);
    RuleCases.Result result = RuleCases.run(rules(), RuleCases.load(dir).get(0));

    assertThat(result.passed()).isFalse();
    assertThat(result.differences())
        .contains(
            "verdict: expected clean, got " + result.observed().verdict(),
            "rules: expected OA-LNK-002 to fire; it did not",
            "rules: expected OA-AUTH-001 not to fire; it fired",
            "actions: expected move-to-junk; it was not recommended");
  }

  @Test
  void shouldFailTheCommandAndPrintPassAndFailPerCase(@TempDir Path dir) throws Exception {
    Path cases = Files.createDirectories(dir.resolve("user-reported"));
    Files.writeString(
        cases.resolve("right.yaml"),
        "messages:\n  - {dmarc: fail}\nexpect:\n  rules: [OA-AUTH-001]\n");
    Files.writeString(
        cases.resolve("wrong.yaml"), "messages:\n  - {}\nexpect:\n  rules: [OA-AUTH-001]\n");

    Run run = cli("rules", "test", "--cases", dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("PASS user-reported/right")
        .contains("FAIL user-reported/wrong")
        .contains("rules: expected OA-AUTH-001 to fire; it did not");
  }

  @Test
  void shouldRefuseARuleFileThatCallsSystemExitWithItsFileAndLine(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("analyzer_evil.drl"),
        """
        package org.openair.rules;

        import org.openair.domain.Alert;

        rule "Ends the process"
          @id("OA-EVIL-001") @playbook("all") @severity("low")
        when
          Alert()
        then
          System.exit(1);
        end
        """);

    Run run = cli("rules", "check", "--rules", dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(dir.resolve("analyzer_evil.drl") + ":10:").contains("System");
  }

  @Test
  void shouldAcceptTheRealRules() throws Exception {
    Run run = cli("rules", "check", "--rules", RULES.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("OK: ");
  }

  @Test
  void backtestShouldWriteOneLinePerFileAndRecordBadFilesAsErrors(@TempDir Path dir)
      throws Exception {
    Path mail = Files.createDirectories(dir.resolve("mail/nested"));
    Files.copy(Path.of("src/test/resources/eml/reported-phish.eml"), mail.resolve("phish.eml"));
    Files.copy(
        Path.of("src/test/resources/eml/colleague-benign.eml"), dir.resolve("mail/benign.eml"));
    Files.write(dir.resolve("mail/garbage.bin"), new byte[] {0, 1, 2, (byte) 0xff, 10, 13});
    Files.write(dir.resolve("mail/empty.eml"), new byte[0]);
    Path out = dir.resolve("results.jsonl");

    Run run =
        cli(
            "backtest",
            "--accepted-domains",
            "corp.example",
            "--out",
            out.toString(),
            dir.resolve("mail").toString());

    assertThat(run.exit()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4);
    assertThat(lines)
        .anyMatch(
            l ->
                l.contains("\"file\":\"nested/phish.eml\"")
                    && l.contains("\"verdict\":\"malicious\"")
                    && l.contains("\"soft-delete\"")
                    && l.matches(
                        ".*\"findings\":\\[.*\\{\"rule\":\"OA-SND-010\",\"category\":\"prevalence\","
                            + "\"score\":10}.*"))
        .anyMatch(l -> l.contains("\"file\":\"benign.eml\"") && l.contains("\"clean\""));
    assertThat(run.out())
        .contains("verdicts:")
        .contains("messages/s")
        .contains("destructive: 1 messages")
        .contains("1 deleted, blocked or disabled")
        .contains("0 only moved to junk");
  }

  @Test
  void shouldExplainAWrongCommandLine() throws Exception {
    Run run = cli("backtest", "--playbook", "url-click", "somewhere");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("usage:");
  }

  private record Run(int exit, String out, String err) {}

  private static Run cli(String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new Cli(o, e).run(args);
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
