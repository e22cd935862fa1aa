package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackLureTest {

  @Test
  void shouldQuoteTheWayToTheTelephoneWhenAChargeIsAnnounced() {
    String cue =
        Content.callbackLure(
            "Your plan has been renewed. A charge of $299.00 has been applied. If this charge was"
                + " unexpected, please contact our billing line: +1 (828) 280 7472");

    assertThat(cue).startsWith("unexpected").endsWith("7472");
  }

  @Test
  void shouldReadNumbersWrittenWithDashesSpacesOrBrackets() {
    assertThat(
            Content.callbackLure(
                "You will be charged $348.80. If you believe this was an unauthorized"
                    + " transaction, call 844 584-4936."))
        .isNotNull();
    assertThat(
            Content.callbackLure(
                "Amount : $499.99. To claim a REFUND reach us on +1 – (888) - (596) - (1028)"))
        .isNotNull();
  }

  @Test
  void shouldNotTakeAReceiptWithoutAWayToDisputeItForALure() {
    assertThat(
            Content.callbackLure(
                "Thank you for your order. Total paid: $42.00. Questions? Call 1-800-555-0199."))
        .isNull();
  }

  @Test
  void shouldNotTakeAnOrderNumberForATelephoneNumber() {
    assertThat(
            Content.callbackLure(
                "Payment of $42.00 received. To cancel order 8445844936 use the website."))
        .isNull();
  }

  @Test
  void shouldNotTakeACancellationNumberWithoutAChargeForALure() {
    assertThat(Content.callbackLure("To cancel your visit, call 020 555-0123.")).isNull();
  }
}
