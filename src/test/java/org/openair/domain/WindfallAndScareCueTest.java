package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindfallAndScareCueTest {

  @Test
  void shouldFindTheCloudStorageScareInSixLanguages() {
    assertThat(Content.credentialRequest("Storage limit reached: files removal scheduled"))
        .isNotNull();
    assertThat(Content.credentialRequest("Ihre Fotos und Videos werden gelöscht")).isNotNull();
    assertThat(Content.credentialRequest("Je foto’s worden vanavond verwijderd")).isNotNull();
    assertThat(Content.credentialRequest("Vos photos et vidéos seront supprimées demain"))
        .isNotNull();
    assertThat(Content.credentialRequest("Has alcanzado tu límite de almacenamiento.")).isNotNull();
    assertThat(Content.credentialRequest("Seus arquivos serão excluídos hoje")).isNotNull();
  }

  @Test
  void shouldNotTakeAStorageSummaryForTheScare() {
    assertThat(
            Content.credentialRequest(
                "You are using 40% of your storage. Deleted items are removed after 30 days."))
        .isNull();
  }

  @Test
  void shouldFindCoinWindfallsButNotDividendNews() {
    assertThat(Content.cryptoLure("XRP dividends being released")).isNotNull();
    assertThat(Content.cryptoLure("Activate the XLM staking feature")).isNotNull();
    assertThat(Content.cryptoLure("Claim now your EVM fees as stETH")).isNotNull();
    assertThat(Content.cryptoLure("The board declared a dividend, distributed on 5 May.")).isNull();
  }

  @Test
  void shouldFindAirdropClaimsNamedByTheirCoin() {
    assertThat(Content.cryptoLure("Claim Your $ORB Airdrop from Orbiter Finance!")).isNotNull();
    assertThat(Content.cryptoLure("Claim Your stETH Airdrop!")).isNotNull();
    assertThat(Content.cryptoLure("Arbitrum airdrop : Claim your share of $1,040,666.67 !"))
        .isNotNull();
    assertThat(Content.cryptoLure("$ORB Airdrop is now Live")).isNotNull();
    assertThat(Content.cryptoLure("Click below to redeem your tokens.")).isNotNull();
    assertThat(Content.cryptoLure("Many users have unclaimed tokens in their wallets."))
        .isNotNull();
  }

  @Test
  void shouldNotTakeAirdropNewsOrAVoucherForAClaim() {
    assertThat(Content.cryptoLure("The exchange will airdrop the new coin to holders next week."))
        .isNull();
    assertThat(Content.cryptoLure("Redeem your voucher at any of our stores.")).isNull();
    assertThat(Content.cryptoLure("Claim your seat at the airdrop panel on Friday.")).isNull();
  }

  @Test
  void shouldFindCollapsedPlatformWithdrawalsAndDistributions() {
    assertThat(
            Content.cryptoLure(
                "Announcement : Withdraw Process is Authorized Now! Withdrawals are now available"))
        .isNotNull();
    assertThat(Content.cryptoLure("Your request for withdrawal is now ready for processing."))
        .isNotNull();
    assertThat(Content.cryptoLure("Secure your remaining claim distribution today.")).isNotNull();
    assertThat(Content.cryptoLure("Choose your distribution wallet below.")).isNotNull();
    assertThat(Content.cryptoLure("Start the release to your designated wallet.")).isNotNull();
    assertThat(Content.cryptoLure("Register for the Reserve Token Redistribution for Q1"))
        .isNotNull();
    assertThat(Content.cryptoLure("You'll receive cashback in USDT")).isNotNull();
    assertThat(Content.cryptoLure("You're Invited to the Official PancakeSwap Airdrop!"))
        .isNotNull();
  }

  @Test
  void shouldNotTakeAPensionDistributionOrABankWithdrawalForTheLure() {
    assertThat(Content.cryptoLure("Your distribution amount from the plan was paid on 3 May."))
        .isNull();
    assertThat(Content.cryptoLure("Your withdrawal of $200 at the branch was completed.")).isNull();
  }

  @Test
  void shouldFindWalletSoftwareToUpdateOrInstallFromALink() {
    assertThat(Content.cryptoLure("[ACTION REQUIRED] Update your Ledger device")).isNotNull();
    assertThat(
            Content.cryptoLure("Our system shows that your Ledger Live application is outdated."))
        .isNotNull();
    assertThat(Content.cryptoLure("Launch of the Official Electrum Wallet Extension")).isNotNull();
    assertThat(Content.cryptoLure("The latest update to the Exodus Desktop Wallet")).isNotNull();
  }

  @Test
  void shouldNotTakeAPhoneWalletAppUpdateForTheLure() {
    assertThat(Content.cryptoLure("The latest version of the Wallet app adds boarding passes."))
        .isNull();
    assertThat(Content.cryptoLure("Update your browser extension to keep it secure.")).isNull();
  }

  @Test
  void shouldFindTokensToClaimMintOrScanFor() {
    assertThat(Content.cryptoLure("Claim $DCPT")).isNotNull();
    assertThat(Content.cryptoLure("Eligible for SCR Tokens? Start Your Claim Now!")).isNotNull();
    assertThat(Content.cryptoLure("Users can review and claim their earned tokens.")).isNotNull();
    assertThat(Content.cryptoLure("Claim Your Free Mint as a Special Welcome Gift")).isNotNull();
    assertThat(Content.cryptoLure("Discover Hidden Tokens in Your Wallet")).isNotNull();
    assertThat(Content.cryptoLure("Visit the beta page and connect you main wallet.")).isNotNull();
  }

  @Test
  void shouldNotTakeAPriceOrAMintFlavourForAClaim() {
    assertThat(Content.cryptoLure("Claim $20 off your next order")).isNull();
    assertThat(Content.cryptoLure("Try our new mint chocolate, now in stores.")).isNull();
    assertThat(Content.cryptoLure("Each arcade game costs two tokens.")).isNull();
  }

  @Test
  void shouldFindCoinsSaidToBeCreditedOrMinedAlready() {
    assertThat(Content.cryptoLure("Please confirm the transfer of crypto to your account."))
        .isNotNull();
    assertThat(Content.cryptoLure("Your account has accumulated free ETH.")).isNotNull();
    assertThat(Content.cryptoLure("registered on our platform for automatic cloud Bitcoin mining"))
        .isNotNull();
  }

  @Test
  void shouldCallLookAlikeLettersInANameADisguise() {
    assertThat(Names.disguise("Dassault \u0391viati\u03BFn")).contains("look-alikes");
  }

  @Test
  void shouldNotCallANameInOneScriptPerWordADisguise() {
    assertThat(Names.disguise("\u0393\u03B9\u03CE\u03C1\u03B3\u03BF\u03C2")).isNull();
    assertThat(Names.disguise("Ivan \u041F\u0435\u0442\u0440\u043E\u0432")).isNull();
  }
}
