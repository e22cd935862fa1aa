package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkPitchMovesTest {
  @Test
  void shouldFindThreeMovesOfAStockTout() {
    String tout =
        "OTC Newsletter. Cal-Bay (OTCBB: CBYI). Watch for analyst \"Strong Buy"
            + " Recommendations\". Put CBYI on your watch list, acquire a position TODAY.";

    assertThat(Content.phrases(Content.stockTout(tout))).isEqualTo(3);
  }

  @Test
  void shouldNotFindAStockToutInMarketNews() {
    assertThat(Content.stockTout("The board approved the dividend; shares rose 3% this week."))
        .isNull();
  }

  @Test
  void shouldNotFindAStockToutInATipOnAListedShare() {
    assertThat(
            Content.stockTout(
                "Our analysts rate the share a strong buy with a price target of $210; it rose 12%"
                    + " this quarter."))
        .isNull();
  }

  @Test
  void shouldFindThreeMovesOfALoanLeadForm() {
    String pitch =
        "Now you can have hundreds of lenders compete for your loan! You're eligible even with"
            + " less than perfect credit. Refinancing, debt consolidation, home equity.";

    assertThat(Content.phrases(Content.leadForm(pitch))).isEqualTo(3);
  }

  @Test
  void shouldNotFindALeadFormInABankStatement() {
    assertThat(
            Content.leadForm(
                "Your mortgage statement for May is ready. Refinancing options are on our site."))
        .isNull();
  }

  @Test
  void shouldFindBulkMailingOfferedForSale() {
    assertThat(Content.bulkMailSale("COST EFFECTIVE Direct Email Advertising for your business"))
        .isEqualTo("Direct Email Advertising");
    assertThat(Content.bulkMailSale("Reach 100 million email addresses today"))
        .isEqualTo("100 million email addresses");
  }

  @Test
  void shouldNotFindBulkMailingSaleInAListDiscussion() {
    assertThat(Content.bulkMailSale("Our list server sends the digest to 2,000 subscribers."))
        .isNull();
    assertThat(Content.bulkMailSale("Spammers bought a million addresses, the article says."))
        .isNull();
  }

  @Test
  void shouldFindThreeMovesOfAWorkFromHomePitch() {
    String pitch =
        "Earn extra income working from home. Be your own boss and join our downline today.";

    assertThat(Content.phrases(Content.homeIncome(pitch))).isEqualTo(4);
  }

  @Test
  void shouldNotFindAWorkFromHomePitchInAJobAdvert() {
    assertThat(Content.homeIncome("The role allows working from home two days a week.")).isNull();
  }
}
