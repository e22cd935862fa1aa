package org.openair.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.SendFailedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openair.domain.Delivery;
import org.openair.domain.Message;
import org.openair.store.MessageStore;
import org.openair.support.MailLab;
import org.openair.support.TestRulesFolder;

/** The journal receiver over real SMTP: stored before it says OK, one message per Message-ID. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class JournalIntakeTest {
  @Inject MessageStore messages;

  private static byte[] message(String id, String subject) {
    return ("From: Sender <sender@outside.example>\r\n"
            + "To: dave@corp.example\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + "Message-ID: <"
            + id
            + ">\r\n"
            + "\r\n"
            + "Quarterly numbers attached.\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void shouldStoreAJournalCopyWithTheEnvelopeRecipientsAsDeliveries() throws Exception {
    String id = UUID.randomUUID() + "@outside.example";

    MailLab.send(
        MailLab.journalPort(),
        message(id, "Numbers " + id),
        "sender@outside.example",
        "journal+dave=corp.example@journal.example",
        "erin@corp.example");

    Message stored = messages.byInternetMessageId(id).orElseThrow();
    assertThat(messages.deliveries(List.of(stored.getId())))
        .extracting(Delivery::getMailbox)
        .containsExactlyInAnyOrder("dave@corp.example", "erin@corp.example");
  }

  @Test
  void shouldAddALaterCopyOfTheSameMessageAsADeliveryNotASecondMessage() throws Exception {
    String id = UUID.randomUUID() + "@outside.example";
    byte[] raw = message(id, "Numbers " + id);

    MailLab.send(MailLab.journalPort(), raw, "sender@outside.example", "dave@corp.example");
    MailLab.send(MailLab.journalPort(), raw, "sender@outside.example", "frank@corp.example");
    MailLab.send(MailLab.journalPort(), raw, "sender@outside.example", "frank@corp.example");

    Message stored = messages.byInternetMessageId(id).orElseThrow();
    assertThat(messages.deliveries(List.of(stored.getId())))
        .extracting(Delivery::getMailbox)
        .containsExactlyInAnyOrder("dave@corp.example", "frank@corp.example");
  }

  @Test
  void shouldRefuseARecipientThatIsNoAddress() {
    assertThatThrownBy(
            () ->
                MailLab.send(
                    MailLab.journalPort(),
                    message(UUID.randomUUID() + "@x.example", "x"),
                    "sender@outside.example",
                    "postmaster"))
        .isInstanceOf(SendFailedException.class);
  }
}
