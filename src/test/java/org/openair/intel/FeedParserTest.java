package org.openair.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  static byte[] fixture(String name) {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/intel/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SourceSpec spec(String name, SourceKind kind) {
    return new SourceSpec(
        name,
        kind,
        null,
        Duration.ofHours(1),
        null,
        IndicatorVerdict.MALICIOUS,
        70,
        Map.of(),
        true);
  }

  private static List<String> keys(FeedResult r) {
    return r.indicators().stream().map(Indicator::key).toList();
  }

  @Test
  void stixMaliciousEmailBecomesSubjectAndAttachmentNameIndicators() throws Exception {
    FeedResult r =
        FeedParser.stix(fixture("stix-malicious-email.json"), spec("cert", SourceKind.STIX));

    assertThat(keys(r)).contains("subject:^[URGENT] Invoice overdue", "filename:^Invoice.+\\.exe$");
    Indicator subject =
        r.indicators().stream().filter(i -> i.type() == IndicatorType.SUBJECT).findFirst().get();
    assertThat(subject.description()).isEqualTo("Malicious E-mail");
    assertThat(subject.verdict()).isEqualTo(IndicatorVerdict.MALICIOUS);
    assertThat(subject.firstSeen()).isEqualTo(Instant.parse("2025-01-10T09:00:00Z"));
  }

  @Test
  void stixValuePatternsAreNormalisedAndOrSplitsThem() throws Exception {
    FeedResult r =
        FeedParser.stix(fixture("stix-malicious-email.json"), spec("cert", SourceKind.STIX));

    assertThat(keys(r))
        .contains(
            "url:https://login.evil-bank.example/verify?id=1",
            "domain:evil-bank.example",
            "ip:203.0.113.66",
            "cidr:198.51.100.0/24",
            "sha256:ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c",
            "email:billing@evil-bank.example");
    Indicator url =
        r.indicators().stream().filter(i -> i.type() == IndicatorType.URL).findFirst().get();
    assertThat(url.confidence()).isEqualTo(85);
    assertThat(url.threat()).isEqualTo("phishing");
    assertThat(url.expiresAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
  }

  @Test
  void unsupportedAndMalformedStixPatternsAreSkippedAndCounted() throws Exception {
    FeedResult r =
        FeedParser.stix(fixture("stix-malicious-email.json"), spec("cert", SourceKind.STIX));

    assertThat(r.indicators()).hasSize(8);
    assertThat(r.skipped()).isEqualTo(4);
    assertThat(String.join("\n", r.problems()))
        .contains("'AND' in an observation")
        .contains("object path windows-registry-key:key")
        .contains("malformed STIX pattern")
        .contains("pattern_type sigma");
  }

  @Test
  void badJsonFailsTheWholeFeed() {
    assertThatThrownBy(
            () ->
                FeedParser.stix(
                    "{\"type\": \"bundle\", ".getBytes(StandardCharsets.UTF_8),
                    spec("x", SourceKind.STIX)))
        .isInstanceOf(FeedException.class)
        .hasMessageStartingWith("bad JSON");
  }

  @Test
  void mispEventGivesDetectionAttributesOnly() throws Exception {
    FeedResult r = new FeedResult();
    FeedParser.misp(fixture("misp-event.json"), spec("misp", SourceKind.MISP), r);

    assertThat(keys(r))
        .containsExactlyInAnyOrder(
            "url:http://invoice-portal.example/pay",
            "domain:invoice-portal.example",
            "ip:192.0.2.55",
            "email:accounts@invoice-portal.example",
            "sha256:0f343b0931126a20f133d67c2b018a3b2c3d4e5f60718293a4b5c6d7e8f90a1b",
            "md5:44d88612fea8a8f36de82e1278abb02f");
    assertThat(r.indicators())
        .allSatisfy(
            i -> {
              assertThat(i.confidence()).isEqualTo(90);
              assertThat(i.threat()).contains("phishing");
            });
    assertThat(r.skipped()).isEqualTo(2);
    assertThat(String.join("\n", r.problems()))
        .contains("unsupported MISP attribute type vulnerability")
        .contains("not-an-ip");
  }

  @Test
  void mispManifestIsRecognisedAndListsEvents() throws Exception {
    byte[] manifest = fixture("misp-feed/manifest.json");
    assertThat(FeedParser.isMispManifest(manifest)).isTrue();
    assertThat(FeedParser.isMispManifest(fixture("misp-event.json"))).isFalse();
    assertThat(FeedParser.mispManifest(manifest)).hasSize(2);
  }

  @Test
  void warningListEntriesAreBenignDomains() throws Exception {
    FeedResult r =
        FeedParser.warningList(
            fixture("warninglist.json"), spec("shorteners", SourceKind.WARNINGLIST));
    assertThat(keys(r)).containsExactly("domain:bit.ly", "domain:tinyurl.com", "domain:t.co");
    assertThat(r.indicators()).allMatch(i -> i.verdict() == IndicatorVerdict.BENIGN);
    assertThat(r.indicators().get(0).description()).contains("URL shorteners");
  }

  @Test
  void plainListInfersTypesAndSkipsComments() {
    FeedResult r = FeedParser.list(fixture("blocklist.txt"), spec("internal", SourceKind.LIST));
    assertThat(keys(r))
        .containsExactly(
            "url:https://files.bad-share.example/dl/payload.html",
            "domain:bad-share.example",
            "cidr:203.0.113.0/25",
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(r.skipped()).isEqualTo(1);
  }

  @Test
  void csvIsReadThroughItsColumnMapping() throws Exception {
    SourceSpec byName =
        new SourceSpec(
            "urlhaus",
            SourceKind.CSV,
            null,
            Duration.ofHours(1),
            IndicatorType.URL,
            IndicatorVerdict.MALICIOUS,
            75,
            Map.of("value", "url", "threat", "threat", "first_seen", "dateadded"),
            true);
    FeedResult r = FeedParser.csv(fixture("urlhaus.csv"), byName);
    assertThat(keys(r))
        .containsExactly(
            "url:http://malware-drop.example/a.exe", "url:http://malware-drop.example/b.exe");
    assertThat(r.indicators().get(0).threat()).isEqualTo("malware_download");
    assertThat(r.indicators().get(0).firstSeen()).isEqualTo(Instant.parse("2025-02-01T10:00:00Z"));
    assertThat(r.skipped()).isEqualTo(1);

    SourceSpec byIndex =
        new SourceSpec(
            "urlhaus",
            SourceKind.CSV,
            null,
            Duration.ofHours(1),
            null,
            IndicatorVerdict.MALICIOUS,
            75,
            Map.of("value", "2"),
            true);
    assertThat(FeedParser.csv(fixture("urlhaus.csv"), byIndex).indicators()).hasSize(2);
  }

  @Test
  void csvMappingNamingAMissingColumnFailsTheFeed() {
    SourceSpec wrong =
        new SourceSpec(
            "x",
            SourceKind.CSV,
            null,
            Duration.ofHours(1),
            null,
            IndicatorVerdict.MALICIOUS,
            75,
            Map.of("value", "address"),
            true);
    assertThatThrownBy(() -> FeedParser.csv(fixture("urlhaus.csv"), wrong))
        .isInstanceOf(FeedException.class)
        .hasMessageContaining("no column 'address'");
  }
}
