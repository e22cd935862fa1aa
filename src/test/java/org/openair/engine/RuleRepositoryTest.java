package org.openair.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openair.engine.RuleFiles.file;
import static org.openair.engine.RuleFiles.rule;
import static org.openair.engine.RuleFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleRepositoryTest {
  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);

  private RuleRepository repository() {
    return new RuleRepository(dir, new RuleCompiler(clock), clock);
  }

  @Test
  void currentBeforeTheFirstLoadIsAnError() {
    assertThatThrownBy(() -> repository().current()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void failedInitialLoadThrows() {
    write(dir, "analyzer_a.drl", file(rule("T-1", "x", "  Nope()\n", "")));
    RuleRepository repo = repository();
    assertThatThrownBy(repo::load).isInstanceOf(RuleCompilationException.class);
    assertThat(repo.history()).singleElement().matches(r -> !r.accepted());
  }

  @Test
  void reloadWithABrokenFileKeepsThePreviousSetServingAndReportsErrors() throws Exception {
    write(dir, "analyzer_a.drl", file(rule("T-1", "x")));
    RuleRepository repo = repository();
    RuleSet first = repo.load();

    write(dir, "analyzer_a.drl", file(rule("T-1", "x", "  Alert(nosuch == 1)\n", "")));
    ReloadResult result = repo.reload();

    assertThat(result.accepted()).isFalse();
    assertThat(result.ruleSetId()).isNull();
    assertThat(result.errors())
        .as(result.errors().toString())
        .isNotEmpty()
        .allMatch(e -> e.file().equals("analyzer_a.drl"));
    assertThat(result.fileHashes()).containsKey("analyzer_a.drl");
    assertThat(repo.current()).isSameAs(first);
    assertThat(repo.history()).hasSize(2).first().isEqualTo(result);
  }

  @Test
  void reloadWithAFixedFileSwapsTheSet() throws Exception {
    write(dir, "analyzer_a.drl", file(rule("T-1", "x")));
    RuleRepository repo = repository();
    RuleSet first = repo.load();

    write(dir, "analyzer_a.drl", file(rule("T-1", "x"), rule("T-2", "y")));
    ReloadResult result = repo.reload();

    assertThat(result.accepted()).isTrue();
    assertThat(repo.current()).isNotSameAs(first);
    assertThat(repo.current().id()).isEqualTo(result.ruleSetId()).isNotEqualTo(first.id());
    assertThat(repo.current().rules()).extracting(RuleInfo::id).containsExactly("T-1", "T-2");
    assertThat(first.rules()).hasSize(1);
  }

  @Test
  void changedOnDiskDetectsAnEditButNotATouch() throws Exception {
    Path f = write(dir, "analyzer_a.drl", file(rule("T-1", "x")));
    RuleRepository repo = repository();
    repo.load();
    assertThat(repo.changedOnDisk()).isFalse();

    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(repo.changedOnDisk()).isFalse();

    write(dir, "analyzer_a.drl", file(rule("T-1", "y")));
    assertThat(repo.changedOnDisk()).isTrue();
    repo.reload();
    assertThat(repo.changedOnDisk()).isFalse();

    write(dir, "analyzer_b.drl", file(rule("T-2", "z")));
    assertThat(repo.changedOnDisk()).isTrue();
  }

  @Test
  void brokenFileIsNotReportedAsChangedAgainUntilEdited() throws Exception {
    write(dir, "analyzer_a.drl", file(rule("T-1", "x")));
    RuleRepository repo = repository();
    repo.load();
    write(dir, "analyzer_a.drl", "not drl at all");
    assertThat(repo.changedOnDisk()).isTrue();
    assertThat(repo.reload().accepted()).isFalse();
    assertThat(repo.changedOnDisk()).isFalse();
  }
}
