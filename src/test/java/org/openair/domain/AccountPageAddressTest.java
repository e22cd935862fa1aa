package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountPageAddressTest {

  @Test
  void shouldTakeAWholeAddressOfABillingOrSignInPageForOne() {
    assertThat(Content.accountPageAddress("https://billing.spotify.com/account/payment/update"))
        .isTrue();
    assertThat(Content.accountPageAddress(" https://homebank.example.be/webapp/verify ")).isTrue();
  }

  @Test
  void shouldNotTakeArticlesHomePagesOrWordsForOne() {
    assertThat(Content.accountPageAddress("https://github.com/apache/maven/releases")).isFalse();
    assertThat(Content.accountPageAddress("https://www.paypal.com/")).isFalse();
    assertThat(Content.accountPageAddress("Update your account at paypal.com/account")).isFalse();
  }
}
