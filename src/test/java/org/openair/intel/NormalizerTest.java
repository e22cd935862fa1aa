package org.openair.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPS://Login.Example.COM/Path|https://login.example.com/Path",
        "https://login.example.com:443/a|https://login.example.com/a",
        "http://login.example.com:80|http://login.example.com/",
        "http://login.example.com:8080/a|http://login.example.com:8080/a",
        "https://login.example.com./a|https://login.example.com/a",
        "https://user:pw@login.example.com/a|https://login.example.com/a",
        "https://login.example.com/a#frag|https://login.example.com/a",
        "https://login.example.com/%7Euser/%2f%41|https://login.example.com/~user/%2FA",
        "https://login.example.com/a b|https://login.example.com/a%20b",
        "https://login.example.com/a/./b/../c|https://login.example.com/a/c",
        "https://bücher.example/ä|https://xn--bcher-kva.example/%C3%A4",
        "www.example.com/x|http://www.example.com/x",
        "https://[2001:DB8::1]:443/x|https://2001:db8::1/x",
        "https://login.example.com/a?b=%7e&c=d|https://login.example.com/a?b=~&c=d",
      })
  void urlsHaveOneCanonicalSpelling(String raw, String canonical) {
    assertThat(Normalizer.url(raw)).isEqualTo(canonical);
  }

  @Test
  void queryIsPartOfTheUrlIdentity() {
    assertThat(Normalizer.url("https://a.example/x?id=1"))
        .isNotEqualTo(Normalizer.url("https://a.example/x?id=2"));
  }

  @Test
  void urlWithoutAHostIsRefused() {
    assertThatThrownBy(() -> Normalizer.url("::not a url::"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void domainsLoseCaseTrailingDotAndWildcard() {
    assertThat(Normalizer.domain("*.Evil.Example.")).isEqualTo("evil.example");
    assertThat(Normalizer.domain("bücher.example")).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void cidrClearsHostBits() {
    assertThat(Normalizer.cidr("198.51.100.77/24")).isEqualTo("198.51.100.0/24");
    assertThat(Normalizer.cidr("2001:db8::1/32")).isEqualTo("2001:db8::/32");
  }

  @Test
  void hashesAreLowerCaseAndOfTheRightLength() {
    assertThat(Normalizer.normalize(IndicatorType.MD5, "44D88612FEA8A8F36DE82E1278ABB02F"))
        .isEqualTo("44d88612fea8a8f36de82e1278abb02f");
    assertThatThrownBy(() -> Normalizer.normalize(IndicatorType.SHA256, "abc"))
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void addressesLoseMailtoAndCase() {
    assertThat(Normalizer.email("mailto:Billing@Evil.Example")).isEqualTo("billing@evil.example");
    assertThatThrownBy(() -> Normalizer.email("no-at-sign")).hasMessageContaining("e-mail");
  }

  @Test
  void typesAreInferredFromTheValue() {
    assertThat(IndicatorType.infer("https://a.example/")).isEqualTo(IndicatorType.URL);
    assertThat(IndicatorType.infer("a.example")).isEqualTo(IndicatorType.DOMAIN);
    assertThat(IndicatorType.infer("10.0.0.0/8")).isEqualTo(IndicatorType.CIDR);
    assertThat(IndicatorType.infer("10.1.2.3")).isEqualTo(IndicatorType.IP);
    assertThat(IndicatorType.infer("e".repeat(64))).isEqualTo(IndicatorType.SHA256);
    assertThat(IndicatorType.infer("e".repeat(40))).isEqualTo(IndicatorType.SHA1);
    assertThat(IndicatorType.infer("e".repeat(32))).isEqualTo(IndicatorType.MD5);
    assertThat(IndicatorType.infer("x@a.example")).isEqualTo(IndicatorType.EMAIL);
  }
}
