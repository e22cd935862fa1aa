package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindfallCueTest {

  @Test
  void shouldQuoteTheWindfallWithItsSum() {
    assertThat(Content.windfall("Mr. Bernard has donated $ 3,500,000.00 USD to you."))
        .isEqualTo("donated \u2026 $ 3,500,000.00");
  }

  @Test
  void shouldFindWindfallsInOtherLanguages() {
    assertThat(
            Content.windfall(
                "Quero que você me ajude a investir 8,5 milhões de dólares que herdei do meu pai."))
        .isNotNull();
    assertThat(Content.windfall("Tenho uma doação de US$ 850.000,00 para você.")).isNotNull();
  }

  @Test
  void shouldNotTakeTheReadersOwnDonationForAWindfall() {
    assertThat(Content.windfall("Your donation of $50 helped us reach $1,250,000.")).isNull();
  }

  @Test
  void shouldNotTakeNewsOrSmallSumsForAWindfall() {
    assertThat(Content.windfall("The teacher left an inheritance of 2,000,000 euros to the town."))
        .isNull();
    assertThat(Content.windfall("You won a voucher of $25 in our raffle.")).isNull();
  }

  @Test
  void shouldFindUnclaimedFundsAndPrizesPromisedToTheReader() {
    assertThat(
            Content.windfall(
                "Wir haben einen nicht beanspruchten Betrag von 4,000,000.00 mio \u00a3, der Ihnen"
                    + " zusteht."))
        .isNotNull();
    assertThat(Content.windfall("You have acquired/win amount of \u00a35millions pounds."))
        .isNotNull();
    assertThat(Content.windfall("The winning prizes of $250,000 are ready for you.")).isNotNull();
  }

  @Test
  void shouldFindCompensationPromisedToScamVictims() {
    assertThat(
            Content.windfall(
                "The IMF is compensating all the scam victims with $1.500.000.00USD and your"
                    + " email address was found in the list."))
        .startsWith("compensating all the scam victims");
  }

  @Test
  void shouldTakeMillionsInFiguresWithoutACurrencyForAWindfallsSum() {
    assertThat(
            Content.windfall(
                "You have been approved compensation funds of 1,500,000 from the assistance fund."))
        .isEqualTo("compensation funds \u2026 1,500,000");
  }

  @Test
  void shouldNotTakeUnclaimedFundsNewsOrUnevenFiguresForAWindfall() {
    assertThat(
            Content.windfall(
                "The state's unclaimed funds office returned 1,200,000 to residents last year."))
        .isNull();
    assertThat(Content.windfall("You won the lottery of life: call 1,500.000 times a day."))
        .isNull();
  }

  @Test
  void shouldTakeTheReadersPrizeAsAWindfall() {
    assertThat(
            Content.windfall(
                "We discovered you have not received your winning prize, valued at $650,000.00."))
        .isNotNull();
  }

  @Test
  void shouldFindSumsInWordsAndCompensationInOtherLanguages() {
    assertThat(Content.windfall("A Sra. Wanczyk doou cinco milhões de dólares para você."))
        .isNotNull();
    assertThat(
            Content.windfall(
                "Programa de indenização: cada pessoa recebe USD$ 350.000,00. Seu e-mail estava na"
                    + " lista."))
        .isNotNull();
  }

  @Test
  void shouldNotTakeAMillionInTheNewsForAWindfall() {
    assertThat(Content.windfall("The city spent five million dollars on the bridge.")).isNull();
  }
}
