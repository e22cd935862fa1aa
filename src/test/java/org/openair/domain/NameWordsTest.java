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
}
