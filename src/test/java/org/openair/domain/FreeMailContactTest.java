package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeMailContactTest {

  @Test
  void shouldFindAFreeMailContactOtherThanTheSender() {
    assertThat(
            Domains.freeMailAddressIn(
                "Sent from staff@school.example. For a claim, email her: claims.desk@gmail.com",
                "staff@school.example"))
        .isEqualTo("claims.desk@gmail.com");
  }

  @Test
  void shouldNotTakeTheSendersOwnOrACompanyAddressForAFreeMailContact() {
    assertThat(Domains.freeMailAddressIn("Write to me at jo.doe@gmail.com", "jo.doe@gmail.com"))
        .isNull();
    assertThat(Domains.freeMailAddressIn("Write to claims@insurer.example", "a@b.example"))
        .isNull();
  }

  @Test
  void shouldReadTheContactFromTheBodyOfTheMessage() {
    Message m =
        new Message()
            .setId("m")
            .setSenderAddress("registry@university.example")
            .setBodyText(
                "Mrs. Fairweather donated five million dollars to you. Write to fw.claims@gmail.com");
    assertThat(m.getFreeMailContactCue()).isEqualTo("fw.claims@gmail.com");
  }
}
