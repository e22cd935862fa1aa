package org.openair.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openair.domain.Delivery;
import org.openair.domain.Investigation;
import org.openair.domain.LookupKind;
import org.openair.domain.LookupRequest;
import org.openair.domain.Report;
import org.openair.engine.FactSource;
import org.openair.support.TestRulesFolder;

/** Lookups answered from the store, many at a time. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class StoreFactSourceTest {
  @Inject StoreFactSource source;

  @Test
  void reportsOfManyMessagesAreAnsweredTogetherEachWithItsOwnReports() {
    String first = ingest(eml("reported-phish.eml"), "bob@corp.example");
    String second = ingest(eml("reported-phish.eml"), "carol@corp.example");
    String unreported = ingest(eml("reported-phish.eml"), "dave@corp.example");
    settled(report(first, "bob@corp.example"));
    settled(report(second, "carol@corp.example"));
    settled(report(second, "erin@corp.example"));
    LookupRequest ofFirst = LookupRequest.lastDays(LookupKind.OTHER_REPORTS, first, 14);
    LookupRequest ofSecond = LookupRequest.lastDays(LookupKind.OTHER_REPORTS, second, 14);
    LookupRequest ofUnreported = LookupRequest.lastDays(LookupKind.OTHER_REPORTS, unreported, 14);
    LookupRequest copies = LookupRequest.lastDays(LookupKind.DELIVERIES, second, 14);

    Map<LookupRequest, FactSource.Answer> answers =
        source.answerAll(
            List.of(ofFirst, ofSecond, ofUnreported, copies),
            new Investigation("inv-test", "user-reported", Instant.now().plusSeconds(60)));

    assertThat(answers.get(ofFirst).facts())
        .extracting(f -> ((Report) f).getReportedBy())
        .containsExactly("bob@corp.example");
    assertThat(answers.get(ofSecond).facts())
        .extracting(f -> ((Report) f).getReportedBy())
        .containsExactlyInAnyOrder("carol@corp.example", "erin@corp.example");
    assertThat(answers.get(ofUnreported).facts()).isEmpty();
    assertThat(answers.get(copies).facts())
        .extracting(f -> ((Delivery) f).getMailbox())
        .containsExactly("carol@corp.example");
    assertThat(answers.values()).allMatch(a -> a.failure() == null);
  }
}
