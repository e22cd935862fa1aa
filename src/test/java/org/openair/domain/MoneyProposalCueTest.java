package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyProposalCueTest {

  @Test
  void shouldQuoteTheProposalWithTheRequestToAnswer() {
    assertThat(
            Content.moneyProposal(
                "I wish to seek your consent for an urgent business dealing with my company."
                    + " Kindly get back to me for more info."))
        .isEqualTo("business dealing \u2026 Kindly get back");
  }

  @Test
  void shouldFindLoansAndFundsOfferedToTheReader() {
    assertThat(
            Content.moneyProposal(
                "Apply for a personal loan with a 3% interest rate. Contact us for more details."))
        .isNotNull();
    assertThat(
            Content.moneyProposal(
                "A private client needs a fund manager for 53.7 million USD; kindly revert back"
                    + " to me."))
        .isNotNull();
  }

  @Test
  void shouldFindProposalsInOtherLanguages() {
    assertThat(
            Content.moneyProposal(
                "Tenho um fundo de donativos que quero doar através de vós. Contactem-me para"
                    + " mais detalhes."))
        .isNotNull();
  }

  @Test
  void shouldNotTakeARequestToAnswerWithoutMoneyBusiness() {
    assertThat(Content.moneyProposal("Can we move the review? Kindly get back to me.")).isNull();
  }

  @Test
  void shouldNotTakeMoneyNewsWithoutARequestToAnswer() {
    assertThat(
            Content.moneyProposal(
                "Investors sold bank shares today after the business transaction was announced."))
        .isNull();
  }

  @Test
  void shouldFindAnEstateWithoutHeirsOfferedToTheReader() {
    assertThat(
            Content.moneyProposal(
                "My late client died without a next of kin. Send me your private email for full"
                    + " details."))
        .isEqualTo("next of kin \u2026 for full details");
  }

  @Test
  void shouldTakeAnAnswerByReturnMailAsTheRequest() {
    assertThat(
            Content.moneyProposal(
                "We propose an economic partnership for this plant; if you are interested let me"
                    + " know by return mail."))
        .isNotNull();
  }
}
