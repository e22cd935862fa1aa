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
