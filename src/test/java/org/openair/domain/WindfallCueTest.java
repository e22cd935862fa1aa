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
}
