package org.openair.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.HostAndPort;
import org.junit.jupiter.api.Test;

class LoginOriginCheckTest {

  @Test
  void sameHostAndPortIsTheSameOrigin() {
    HostAndPort local = HostAndPort.create("localhost", 8080);
    assertThat(LoginOriginCheck.sameOrigin("http://localhost:8080", local)).isTrue();
    assertThat(LoginOriginCheck.sameOrigin("http://localhost:8080/login?error=true", local))
        .isTrue();
  }

  @Test
  void anotherHostOrPortOrNoOriginIsNot() {
    HostAndPort local = HostAndPort.create("localhost", 8080);
    assertThat(LoginOriginCheck.sameOrigin("http://evil.example:8080", local)).isFalse();
    assertThat(LoginOriginCheck.sameOrigin("http://localhost:9090", local)).isFalse();
    assertThat(LoginOriginCheck.sameOrigin("null", local)).isFalse();
    assertThat(LoginOriginCheck.sameOrigin(null, local)).isFalse();
    assertThat(LoginOriginCheck.sameOrigin("not a url", local)).isFalse();
  }

  @Test
  void aHostHeaderWithoutPortMatchesByHost() {
    HostAndPort proxied = HostAndPort.create("air.corp.example", -1);
    assertThat(LoginOriginCheck.sameOrigin("https://air.corp.example", proxied)).isTrue();
    assertThat(LoginOriginCheck.sameOrigin("https://air.corp.example.evil", proxied)).isFalse();
  }
}
