package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LureCueTest {

  @Test
  void shouldQuoteTwoDifferentBaitsOfACasinoMailing() {
    String lures = Content.scamLures("Jetzt 50 Gratisdrehs sichern, keine Einzahlung nötig!");

    assertThat(Content.phrases(lures)).isEqualTo(2);
    assertThat(lures).contains("Gratisdrehs").contains("keine Einzahlung");
  }

  @Test
  void shouldCountTheSameBaitRepeatedOnce() {
    String lures = Content.scamLures("Free spins today. More free spins tomorrow.");

    assertThat(Content.phrases(lures)).isEqualTo(1);
  }

  @Test
  void shouldTakeASurveyAsBaitOnlyWhenAPrizeFollows() {
    assertThat(Content.scamLures("Answer our survey and win a new phone.")).isNotNull();
    assertThat(Content.scamLures("Please take our survey about your delivery. Thanks!")).isNull();
    assertThat(Content.scamLures("Survey: execs rethinking budgets, growing teams.")).isNull();
  }

  @Test
  void shouldFindDatingPhrasesInSeveralLanguages() {
    assertThat(
            Content.adultOrHealthPitch(
                "Ontmoet Russische vrouwen: haar profiel bekijken kan gratis, of ga flirten."))
        .isNotNull();
    assertThat(Content.adultOrHealthPitch("Femmes célibataires près de chez vous, plan cul."))
        .isNotNull();
    assertThat(Content.adultOrHealthPitch("Mulheres solteiras perto de você, encontros casuais."))
        .isNotNull();
  }

  @Test
  void shouldQuoteAtMostThreeHealthPhrases() {
    String pitch =
        Content.adultOrHealthPitch(
            "GLP-1 shots, semaglutide, erectile dysfunction, testosterone and pain relief.");

    assertThat(Content.phrases(pitch)).isEqualTo(3);
  }

  @Test
  void shouldNotCallOneHealthWordAPitch() {
    assertThat(Content.adultOrHealthPitch("The study followed patients with back pain.")).isNull();
  }

  @Test
  void shouldFindTheAdvertisementLabelOnlyAsAStatement() {
    assertThat(Content.bulkClaim("Write to us at the address below. This is an advertisement."))
        .isEqualTo("This is an advertisement");
    assertThat(Content.bulkClaim("We placed an advertisement in the paper.")).isNull();
  }
}
