package org.openair.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the real STIX 2.1 examples in {@code ../shared/data/intel/stix} when the folder is there
 * (set {@code -Dopenair.intel.stix-examples=DIR} to point elsewhere); skipped with a message on a
 * fresh clone without it.
 */
class SharedStixExamplesTest {
  private static final Path DIR =
      Path.of(System.getProperty("openair.intel.stix-examples", "../shared/data/intel/stix"));

  @Test
  void everyExampleLoadsAndTheMaliciousEmailBecomesIndicators() throws Exception {
    assumeTrue(
        Files.isDirectory(DIR),
        "STIX examples not found at " + DIR.toAbsolutePath() + "; skipping the real-data check");
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      FeedResult r =
          FeedParser.stix(Files.readAllBytes(f), FeedParserTest.spec("examples", SourceKind.STIX));
      System.out.printf(
          "%s: %d indicators, %d skipped %s%n",
          f.getFileName(), r.indicators().size(), r.skipped(), r.problems());
    }
    Path email = DIR.resolve("malicious-email-indicator-with-attachment.json");
    assumeTrue(Files.exists(email), "no malicious-email example in " + DIR);
    FeedResult r =
        FeedParser.stix(Files.readAllBytes(email), FeedParserTest.spec("mitre", SourceKind.STIX));
    assertThat(r.indicators())
        .extracting(Indicator::type)
        .containsExactlyInAnyOrder(IndicatorType.SUBJECT, IndicatorType.FILENAME);
    assertThat(r.skipped()).isZero();
  }
}
