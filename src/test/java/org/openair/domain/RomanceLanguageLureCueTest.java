package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bank and government lures in Portuguese, Spanish and French read as their English tactics. */
class RomanceLanguageLureCueTest {

  @Test
  void shouldFindASignInFromAnUnrecognisedDevice() {
    assertThat(
            Content.credentialRequest(
                "Foi identificado um novo acesso à sua conta através de um dispositivo não"
                    + " reconhecido."))
        .isNotNull();
    assertThat(
            Content.credentialRequest(
                "Detectamos un acceso a su cuenta desde un dispositivo no reconocido."))
        .isNotNull();
    assertThat(
            Content.credentialRequest(
                "Nouvelle connexion à votre compte depuis un appareil inconnu."))
        .isNotNull();
  }

  @Test
  void shouldNotTakeASignInFromTheReadersOwnAppForAnUnknownDevice() {
    assertThat(
            Content.credentialRequest(
                "Registramos um novo acesso à sua conta pelo aplicativo no seu celular."))
        .isNull();
  }

  @Test
  void shouldFindATokenToSynchroniseAndAccessToKeepFromBeingBlocked() {
    assertThat(Content.credentialRequest("Ainda não consta a sincronização de seu itoken."))
        .isNotNull();
    assertThat(Content.credentialRequest("Evite o bloqueio do acesso online da sua conta."))
        .isNotNull();
    assertThat(Content.credentialRequest("Evite el bloqueo de su tarjeta hoy mismo.")).isNotNull();
    assertThat(
            Content.credentialRequest(
                "Será necessário efetuar a atualização dos seus dados em nosso sistema."))
        .isNotNull();
    assertThat(Content.credentialRequest("O token do aplicativo agora gera códigos mais rápido."))
        .isNull();
  }

  @Test
  void shouldReadUrgentActionAndSuspensionThreatsAsUrgency() {
    assertThat(Content.urgency("Ação Urgente: regularize as taxas pendentes")).isNotNull();
    assertThat(Content.urgency("Caso contrário, a CNH será SUSPENSA")).isNotNull();
    assertThat(Content.urgency("Votre compte sera définitivement clôturé.")).isNotNull();
    assertThat(Content.urgency("Votre offre expire aujourd'hui")).isNotNull();
    assertThat(Content.urgency("Vos droits CPF expirent bientôt !")).isNotNull();
  }

  @Test
  void shouldNotReadAnUnpaidOrderBeingCancelledAsAThreat() {
    assertThat(Content.urgency("Se o pagamento não for confirmado, seu pedido será cancelado."))
        .isNull();
  }

  @Test
  void shouldFindCourtAndFineNoticesAndLapsingEntitlements() {
    assertThat(Content.governmentNotice("Seu nome foi citado no processo abaixo.")).isNotNull();
    assertThat(Content.governmentNotice("Processo civil 1234 em seu nome")).isNotNull();
    assertThat(Content.governmentNotice("CONVOCAÇÃO PARA O TRIBUNAL")).isNotNull();
    assertThat(Content.governmentNotice("Seu CPF está irregular")).isNotNull();
    assertThat(Content.governmentNotice("Avis de contravention")).isNotNull();
    assertThat(Content.governmentNotice("Une amende forfaitaire à payer")).isNotNull();
    assertThat(Content.governmentNotice("Vous avez des droits CPF non utilisés")).isNotNull();
    assertThat(Content.governmentNotice("Valor disponível para saque")).isNotNull();
  }

  @Test
  void shouldNotTakeNewsOfCourtsAndRightsForANotice() {
    assertThat(Content.governmentNotice("O ministro foi citado em reportagem sobre o caso."))
        .isNull();
    assertThat(Content.governmentNotice("Tous droits réservés.")).isNull();
    assertThat(Content.governmentNotice("Les droits de l'homme et du citoyen")).isNull();
  }

  @Test
  void shouldTakeAnUrgeToCheckCpfRightsAsAGovernmentPretext() {
    assertThat(Content.governmentNotice("Vérifiez vos droits CPF dès maintenant.")).isNotNull();
    assertThat(Content.governmentNotice("Vérifier mon éligibilité CPF")).isNotNull();
    assertThat(Content.governmentNotice("Le gouvernement réforme le CPF cette année.")).isNull();
  }
}
