package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrandNamedInTest {

  @Test
  void shouldFindTheBrandAPersonOrTeamSpeaksFor() {
    assertThat(Reference.brandNamedIn("Katie From Ledger")).isEqualTo("ledger.com");
    assertThat(Reference.brandNamedIn("Team Coinbase")).isEqualTo("coinbase.com");
  }

  @Test
  void shouldFindTheBrandACustomerServiceDeskOrTeamSpeaksForInOtherLanguages() {
    assertThat(Reference.brandNamedIn("Atendimento Bradesco - 44cfmi8m"))
        .isEqualTo("bradesco.com.br");
    assertThat(Reference.brandNamedIn("Equipe Coinbase")).isEqualTo("coinbase.com");
    assertThat(Reference.brandNamedIn("Service client Coinbase")).isEqualTo("coinbase.com");
  }

  @Test
  void shouldNotTakeAServiceDeskOfAnOrdinaryWordForABrand() {
    assertThat(Reference.brandNamedIn("Atendimento ao cliente")).isNull();
    assertThat(Reference.brandNamedIn("Maria da Silva")).isNull();
  }

  @Test
  void shouldFindABrandSpeltWithACapitalIForAnL() {
    assertThat(Reference.brandNamedIn("Amie from Iedger")).isEqualTo("ledger.com");
    assertThat(Reference.brandNamedIn("Iedger Support")).isEqualTo("ledger.com");
  }

  @Test
  void shouldNotTakeASurnameOrASentenceForAnOrganisation() {
    assertThat(Reference.brandNamedIn("Theo Van Dinter")).isNull();
    assertThat(Reference.brandNamedIn("News from the neighbourhood")).isNull();
  }

  @Test
  void shouldNotMatchOrdinaryWordsWhoseSkeletonsCollide() {
    assertThat(Reference.brandNamedIn("Modern Times")).isNull();
  }
}
