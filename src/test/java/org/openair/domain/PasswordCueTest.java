package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordCueTest {

  @Test
  void shouldFindAPasswordGivenForTheNamedFile() {
    assertThat(Content.passwordGiven("senha de acesso ao pdf: 123")).isNotNull();
    assertThat(Content.passwordGiven("the password to open the attachment is 4711")).isNotNull();
    assertThat(Content.passwordGiven("contraseña del archivo: ab12cd")).isNotNull();
  }

  @Test
  void shouldStillFindAPasswordRightAfterTheWord() {
    assertThat(Content.passwordGiven("senha de acesso: 123")).isNotNull();
  }

  @Test
  void shouldNotFindAPasswordWhereNoneIsWritten() {
    assertThat(Content.passwordGiven("we will never ask for your password.")).isNull();
  }
}
