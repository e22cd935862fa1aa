package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountNoticeCueTest {

  @Test
  void shouldReadLoginAttemptsAndSecurityIncidentsAsAccountTrouble() {
    assertThat(Content.accountNotice("Recent Login Attempt")).isNotNull();
    assertThat(Content.accountNotice("Urgent Notice on a Server Security Incident")).isNotNull();
    assertThat(Content.accountNotice("Security Patch: CVE-2025-4781")).isNotNull();
  }

  @Test
  void shouldReadAMaybeOrAStatusAsAccountTrouble() {
    assertThat(Content.accountNotice("ATTENTION: Your Cloud account may be suspended")).isNotNull();
    assertThat(Content.accountNotice("Your Account Status Is Hold")).isNotNull();
    assertThat(Content.accountNotice("We've upgraded our security. Action may be required"))
        .isNotNull();
  }

  @Test
  void shouldNotReadOrdinarySubjectsAsAccountTrouble() {
    assertThat(Content.accountNotice("Login page redesign: feedback wanted")).isNull();
    assertThat(Content.accountNotice("Minutes of the security committee")).isNull();
  }
}
