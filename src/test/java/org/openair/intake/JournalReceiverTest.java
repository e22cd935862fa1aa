package org.openair.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which mailbox a journal envelope recipient stands for. */
class JournalReceiverTest {

  @Test
  void shouldDecodeThePostfixJournalAddress() {
    assertThat(JournalReceiver.mailboxOf("<journal+Alice=corp.example@journal.example>"))
        .isEqualTo("alice@corp.example");
  }

  @Test
  void shouldTakeAPlainRecipientAsItIs() {
    assertThat(JournalReceiver.mailboxOf("bob@corp.example")).isEqualTo("bob@corp.example");
  }

  @Test
  void shouldKeepASubaddressWithoutAnEqualsSign() {
    assertThat(JournalReceiver.mailboxOf("bob+news@corp.example"))
        .isEqualTo("bob+news@corp.example");
  }

  @Test
  void shouldRejectSomethingThatIsNoAddress() {
    assertThat(JournalReceiver.mailboxOf("postmaster")).isNull();
  }
}
