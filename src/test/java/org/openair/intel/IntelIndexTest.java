package org.openair.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openair.domain.AllowListHit;
import org.openair.domain.Attachment;
import org.openair.domain.EntityType;
import org.openair.domain.IntelHit;
import org.openair.domain.Link;
import org.openair.domain.Message;
import org.openair.domain.Verdict;

class IntelIndexTest {
  private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

  private static Indicator bad(IndicatorType type, String raw) {
    return Indicator.of(
        type, Normalizer.normalize(type, raw), "feed", IndicatorVerdict.MALICIOUS, 90);
  }

  private final IntelIndex index =
      IntelIndex.empty()
          .with(
              "feed",
              List.of(
                  bad(IndicatorType.URL, "https://login.evil.example/verify"),
                  bad(IndicatorType.DOMAIN, "evil-parent.example"),
                  bad(IndicatorType.IP, "203.0.113.66"),
                  bad(IndicatorType.CIDR, "198.51.100.0/24"),
                  bad(IndicatorType.CIDR, "2001:db8:66::/48"),
                  bad(IndicatorType.SHA256, "a".repeat(64)),
                  bad(IndicatorType.EMAIL, "billing@evil.example"),
                  bad(IndicatorType.SUBJECT, "^\\[URGENT\\] Invoice")))
          .with(
              "shorteners",
              List.of(
                  Indicator.of(
                      IndicatorType.DOMAIN, "bit.ly", "shorteners", IndicatorVerdict.BENIGN, 100)));

  @Test
  void urlMatchesWhateverItsSpelling() {
    assertThat(index.matchUrl("HTTPS://LOGIN.EVIL.EXAMPLE:443/verify#x")).hasSize(1);
    assertThat(index.matchUrl("https://login.evil.example./%76erify")).hasSize(1);
  }

  @Test
  void urlWithAnotherPathDoesNotMatch() {
    assertThat(index.matchUrl("https://login.evil.example/verify2")).isEmpty();
  }

  @Test
  void domainMatchesItsSubdomainsButNotLookAlikes() {
    assertThat(index.matchDomain("evil-parent.example")).hasSize(1);
    assertThat(index.matchDomain("a.b.evil-parent.example"))
        .singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("subdomain of evil-parent.example"));
    assertThat(index.matchDomain("notevil-parent.example")).isEmpty();
    assertThat(index.matchUrl("https://cdn.evil-parent.example/x")).hasSize(1);
  }

  @Test
  void ipMatchesExactlyOrByRange() {
    assertThat(index.matchIp("203.0.113.66")).hasSize(1);
    assertThat(index.matchIp("203.0.113.67")).isEmpty();
    assertThat(index.matchIp("198.51.100.200"))
        .singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("198.51.100.0/24"));
    assertThat(index.matchIp("198.51.101.1")).isEmpty();
    assertThat(index.matchIp("2001:db8:66:1::5")).hasSize(1);
    assertThat(index.matchUrl("http://198.51.100.9/login")).hasSize(1);
  }

  @Test
  void hashesMatchRegardlessOfCase() {
    assertThat(index.matchHash("A".repeat(64))).hasSize(1);
    assertThat(index.matchHash("b".repeat(64))).isEmpty();
  }

  @Test
  void replacingASourceSwapsOnlyThatSource() {
    IntelIndex next = index.with("feed", List.of());
    assertThat(next.matchIp("203.0.113.66")).isEmpty();
    assertThat(next.matchDomain("bit.ly")).hasSize(1);
    assertThat(index.matchIp("203.0.113.66")).hasSize(1);
    assertThat(index.without("shorteners").matchDomain("bit.ly")).isEmpty();
  }

  @Test
  void runawayPatternGivesUpInsteadOfHanging() {
    IntelIndex evil = IntelIndex.empty().with("p", List.of(bad(IndicatorType.SUBJECT, "^(a+)+$")));
    assertThat(evil.matchPattern(IndicatorType.SUBJECT, "a".repeat(40) + "!")).isEmpty();
  }

  @Test
  void oneMessageIsMatchedInOnePassIntoFacts() {
    Message m =
        new Message()
            .setId("m1")
            .setSenderAddress("Billing@Evil.example")
            .setSenderDomain("mail.evil-parent.example")
            .setSenderIp("198.51.100.9")
            .setSubject("[URGENT] Invoice overdue");
    List<Object> facts =
        MessageMatcher.facts(
            index,
            m,
            List.of(
                new Link("m1", "https://login.evil.example/verify", null, null, null, null),
                new Link("m1", "https://bit.ly/x", null, null, null, null),
                new Link("m1", "https://fine.example/", null, null, null, null)),
            List.of(new Attachment("m1", "x.zip", null, null, 1, "a".repeat(64))),
            NOW);

    assertThat(facts)
        .filteredOn(IntelHit.class::isInstance)
        .map(IntelHit.class::cast)
        .extracting(IntelHit::getEntityType)
        .containsExactlyInAnyOrder(
            EntityType.URL,
            EntityType.FILE,
            EntityType.SENDER,
            EntityType.DOMAIN,
            EntityType.IP,
            EntityType.MESSAGE);
    assertThat(facts)
        .filteredOn(IntelHit.class::isInstance)
        .allSatisfy(h -> assertThat(((IntelHit) h).getVerdict()).isEqualTo(Verdict.MALICIOUS));
    assertThat(facts)
        .filteredOn(AllowListHit.class::isInstance)
        .singleElement()
        .satisfies(a -> assertThat(((AllowListHit) a).getList()).isEqualTo("shorteners"));
  }

  @Test
  void expiredIndicatorsAreNotFacts() {
    Indicator expired =
        new Indicator(
            IndicatorType.IP,
            "192.0.2.1",
            "old",
            IndicatorVerdict.MALICIOUS,
            null,
            90,
            null,
            null,
            NOW.minusSeconds(1),
            null);
    IntelIndex i = IntelIndex.empty().with("old", List.of(expired));
    Message m = new Message().setId("m1").setSenderIp("192.0.2.1");
    assertThat(i.matchIp("192.0.2.1")).hasSize(1);
    assertThat(MessageMatcher.facts(i, m, List.of(), List.of(), NOW)).isEmpty();
  }
}
