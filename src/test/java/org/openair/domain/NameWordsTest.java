package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameWordsTest {

  @Test
  void shouldReadATradeMarkSignAfterANameAsNoPartOfIt() {
    assertThat(Names.words("Mcafee™ Team")).containsExactly("mcafee", "team");
    assertThat(Reference.brandImpersonated("Mcafee™", "eatcheesecakes.example"))
        .isEqualTo("mcafee.com");
  }

  @Test
  void shouldStillFoldOtherCompatibilityLetters() {
    assertThat(Names.words("ＰａｙＰａｌ Support")).containsExactly("paypal", "support");
  }

  @Test
  void shouldFindADisplayNameInTheDomainItWritesOrRunsTogether() {
    assertThat(Reference.carriesName("trustwallet.com", "Trust Wallet")).isTrue();
    assertThat(Reference.carriesName("mail.celsius.network", "CelsiusNetwork LLC")).isTrue();
    assertThat(Reference.carriesName("go.ledger-live.example", "Ledger")).isTrue();
  }

  @Test
  void shouldNotFindADisplayNameInAnUnrelatedDomainOrASubdomain() {
    assertThat(Reference.carriesName("conjuntoresidencialcanelo.com", "Trust Wallet")).isFalse();
    assertThat(Reference.carriesName("trustwallet.evil-host.example", "Trust Wallet")).isFalse();
    assertThat(Reference.carriesName("ab.example", "AB")).isFalse();
  }
}
