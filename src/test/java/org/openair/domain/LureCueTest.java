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

  @Test
  void shouldFindDutchAndGermanDatingPitchesThatMeetOrChat() {
    assertThat(
            Content.adultOrHealthPitch(
                "Ontmoet vandaag nog prachtige vrouwen. Duizenden Slavische vrouwen wachten."))
        .isNotNull();
    assertThat(
            Content.adultOrHealthPitch(
                "Melden Sie sich an, um mit diesen Frauen zu chatten! Über 1000 Profile in Ihrer"
                    + " Nähe."))
        .isNotNull();
  }

  @Test
  void shouldNotCallAMeetingWithColleaguesADatingPitch() {
    assertThat(Content.adultOrHealthPitch("Ontmoet onze nieuwe collega's op vrijdag.")).isNull();
    assertThat(Content.adultOrHealthPitch("Slavische talen en hun geschiedenis.")).isNull();
  }

  @Test
  void shouldTakeFreeCoinsAsBait() {
    assertThat(Content.scamLure("ACCEPT YOUR FREE BTC DONATE >> https://forms.example/"))
        .isNotNull();
    assertThat(Content.scamLure("Bitcoin fell 5% today; free trading tools are listed below."))
        .isNull();
  }

  @Test
  void shouldFindMailSentByAThirdPartyMarketingCompany() {
    assertThat(Content.bulkClaim("This message was sent by a 3rd party marketing company."))
        .isNotNull();
    assertThat(Content.bulkClaim("We never sell your address to a third party.")).isNull();
  }

  @Test
  void shouldFindABalanceToBeWipedUnlessTheReaderLogsIn() {
    assertThat(
            Content.fundsToWithdraw(
                "Please note that your balance will be zeroed upon deactivation."))
        .isNotNull();
    assertThat(Content.fundsToWithdraw("Your balance will be shown on the next statement."))
        .isNull();
  }

  @Test
  void shouldFindACatalogueOfHijackedAccessForSale() {
    assertThat(
            Content.accessForSale(
                "Cpanel (4$) Shell (3$) PHPMailer (4$) SMTP (2$) Webmail (15$) RDP (5$) Leads"))
        .isNotNull();
  }

  @Test
  void shouldNotCallAHostingNewsletterAMarketForHijackedAccess() {
    assertThat(
            Content.accessForSale(
                "cPanel and WHM updates, a faster SMTP relay, a new webmail theme, RDP access."))
        .isNull();
  }

  @Test
  void shouldTakeTheReadersUnprotectedComputerAsAThreat() {
    assertThat(Content.urgency("Without renewal your PC may be vulnerable to viruses."))
        .isNotNull();
    assertThat(Content.urgency("Ihre Geräte sind ungeschützt und in Gefahr.")).isNotNull();
  }

  @Test
  void shouldNotTakeNewsOfVulnerableDevicesAsAThreatToTheReader() {
    assertThat(Content.urgency("Millions of devices are vulnerable to the flaw, researchers say."))
        .isNull();
  }

  @Test
  void shouldFindMailSentOnABrandsBehalfByAThirdPartyMarketingCompany() {
    assertThat(
            Content.bulkClaim(
                "This email was sent to you on behalf of Acme Insurance by a third-party marketing"
                    + " company."))
        .isNotNull();
  }

  @Test
  void shouldFindTheMovesOfSextortion() {
    assertThat(
            Content.extortion(
                "I gained full access to all your devices and installed a trojan. You watch porn"
                    + " sites. I will send the video to all your contacts unless you pay to my"
                    + " bitcoin wallet."))
        .isNotNull();
  }

  @Test
  void shouldNotCallNewsAboutSextortionScamsSextortion() {
    assertThat(
            Content.extortion(
                "Scammers claim they hacked your devices and filmed you at porn sites. Do not pay."))
        .isNull();
  }
}
