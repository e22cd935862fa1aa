package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInToVerifyCueTest {

  @Test
  void shouldFindSigningInToVerifyInFrenchPortugueseSpanishAndGerman() {
    assertThat(
            Content.credentialRequest(
                "Nous vous invitons à vous connecter à votre espace client pour vérifier votre"
                    + " éligibilité."))
        .isNotNull();
    assertThat(Content.credentialRequest("Afin d’éviter toute suspension de votre compte."))
        .isNotNull();
    assertThat(Content.credentialRequest("Acesse sua conta agora para evitar o bloqueio."))
        .isNotNull();
    assertThat(Content.credentialRequest("Inicie sesión ahora para verificar sus datos."))
        .isNotNull();
    assertThat(
            Content.credentialRequest(
                "Bitte melden Sie sich in Ihrem Konto an, um Ihre Angaben zu bestätigen."))
        .isNotNull();
  }

  @Test
  void shouldFindEnterYourPasswordInOtherLanguages() {
    assertThat(
            Content.credentialRequest("Entre com seu e-mail e senha para verificar a atividade."))
        .isNotNull();
    assertThat(Content.credentialRequest("Saisissez votre mot de passe pour continuer."))
        .isNotNull();
    assertThat(Content.credentialRequest("Geben Sie Ihr Passwort ein.")).isNotNull();
  }

  @Test
  void shouldNotTakeAnInvitationToSignInForARequestToVerify() {
    assertThat(
            Content.credentialRequest(
                "Connectez-vous à votre espace client pour découvrir" + " nos offres."))
        .isNull();
  }

  @Test
  void shouldReadExpiringPointsAsADeadline() {
    assertThat(Content.urgency("Seus 362.137 pontos expiram em 12/02")).isNotNull();
    assertThat(Content.urgency("Your points will expire on Friday")).isNotNull();
    assertThat(Content.urgency("Points are earned on every purchase")).isNull();
  }
}
