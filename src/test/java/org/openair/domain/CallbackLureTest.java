package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackLureTest {

  @Test
  void shouldQuoteTheCallAndTheNumberOfAConfirmedPurchase() {
    assertThat(
            Content.callbackLure(
                "Your order has been processed. Amount- $1013.69. Questions about your order? Give"
                    + " us a call at +1 (844) 679-5541"))
        .isEqualTo("Give us a call at +1 (844) 679-5541");
  }

  @Test
  void shouldFindTheBankScareInPortuguese() {
    assertThat(
            Content.callbackLure(
                "Compra em análise no valor de R$1.499,99. Caso não reconheça, ligue para área de"
                    + " segurança: 4003-6514"))
        .isNotNull();
  }

  @Test
  void shouldNotTakeAnInvitationToOrderByPhoneForAConfirmedPurchase() {
    assertThat(Content.callbackLure("Only $99! To place an order, call us at 1-308-650-5905."))
        .isNull();
  }

  @Test
  void shouldReadOnlyTheReadersOwnPurchaseAsDone() {
    assertThat(
            Content.callbackLure(
                "Your order was received: $150 charged. To cancel, call us at: 1-308-650-5905"))
        .isNotNull();
    assertThat(
            Content.callbackLure(
                "Now only $150! Shipped the same day if the order is received before 3pm. To"
                    + " place an order, you can call us at: 1-308-650-5905"))
        .isNull();
  }

  @Test
  void shouldNotTakeAPhoneNumberWithoutACallForOne() {
    assertThat(
            Content.callbackLure("Your payment of $20.00 was received. Office: 555-123-4567 (fax)"))
        .isNull();
  }
}
