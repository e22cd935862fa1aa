package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedRedirectTest {

  private static Link link(String url) {
    String host = url.replaceFirst("^https?://", "").replaceFirst("[/?#].*$", "");
    return new Link("m1", url, host, null, null, null);
  }

  @Test
  void shouldSeeAnAddressInBase64InAPopularSitesRedirect() {
    assertThat(
            link("https://www.bing.com/ck/a?!&&p=3d2b&ptn=3&u=a1aHR0cHM6Ly9saW5rbGlmdC5zcGFjZS8&ntb=1")
                .isEncodedRedirect())
        .isTrue();
  }

  @Test
  void shouldSeeTheAddressWhateverItsOffsetInTheEncodedText() {
    assertThat(link("https://www.bing.com/ck/a?u=eGh0dHBzOi8vZXZpbC5leGFtcGxl").isEncodedRedirect())
        .isTrue();
  }

  @Test
  void shouldNotTakeAnOrdinaryQueryForARedirect() {
    assertThat(link("https://www.bing.com/search?q=weather+tomorrow").isEncodedRedirect())
        .isFalse();
  }

  @Test
  void shouldLeaveLittleKnownSitesToTheirOwnRules() {
    assertThat(
            link("https://click.shop.example/t?u=aHR0cHM6Ly9zaG9wLmV4YW1wbGUv").isEncodedRedirect())
        .isFalse();
  }
}
