package org.openair.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainsTest {

  @Test
  void userInfoBeforeTheAtSignIsNotTheHost() {
    assertThat(Domains.hostOf("http://paypal.com@evil.example/verify")).isEqualTo("evil.example");
    assertThat(Domains.hostOf("https://user:pw@www.paypal.com:443@evil.example:8080/x"))
        .isEqualTo("evil.example");
  }

  @Test
  void hostIsLowerCaseWithoutPortOrTrailingDot() {
    assertThat(Domains.hostOf("HTTPS://WWW.Example.CO.UK.:8443/path?q=1#f"))
        .isEqualTo("www.example.co.uk");
  }

  @Test
  void internationalisedHostBecomesPunycode() {
    // Cyrillic "раураl" reads as "paypal" but is another name.
    assertThat(Domains.hostOf("https://раураl.com/x")).isEqualTo("xn--l-7sba6dbr.com");
    assertThat(Domains.normalizeHost("bücher.de")).isEqualTo("xn--bcher-kva.de");
  }

  @Test
  void urlsWithoutSchemeOrWithBackslashesStillNameTheirHost() {
    assertThat(Domains.hostOf("www.example.org/help")).isEqualTo("www.example.org");
    assertThat(Domains.hostOf("//cdn.example.net/a.js")).isEqualTo("cdn.example.net");
    assertThat(Domains.hostOf("https:\\\\evil.example\\path")).isEqualTo("evil.example");
    assertThat(Domains.hostOf("http://[2001:db8::1]:80/")).isEqualTo("[2001:db8::1]");
    assertThat(Domains.hostOf("https://%65vil.example/")).isEqualTo("evil.example");
  }

  @Test
  void nonWebSchemesAndRelativeLinksHaveNoHost() {
    assertThat(Domains.hostOf("mailto:someone@example.com")).isNull();
    assertThat(Domains.hostOf("javascript:alert(1)")).isNull();
    assertThat(Domains.hostOf("/relative/path")).isNull();
    assertThat(Domains.hostOf("#top")).isNull();
    assertThat(Domains.hostOf(null)).isNull();
    assertThat(Domains.hostOf("https://")).isNull();
  }

  @Test
  void registrableDomainFollowsThePublicSuffixList() {
    assertThat(Domains.registrableDomain("www.example.co.uk")).isEqualTo("example.co.uk");
    assertThat(Domains.registrableDomain("a.b.login.microsoftonline.com"))
        .isEqualTo("microsoftonline.com");
    // Private suffixes count: each github.io site belongs to someone else.
    assertThat(Domains.registrableDomain("victim.github.io")).isEqualTo("victim.github.io");
    assertThat(Domains.registrableDomain("shop.example.xn--p1ai")).isEqualTo("example.xn--p1ai");
  }

  @Test
  void ipLiteralsAndNamesWithoutPublicSuffixKeepTheHost() {
    assertThat(Domains.registrableDomain("198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(Domains.registrableDomain("[2001:db8::1]")).isEqualTo("[2001:db8::1]");
    assertThat(Domains.registrableDomain("intranet")).isEqualTo("intranet");
    assertThat(Domains.registrableDomain("co.uk")).isEqualTo("co.uk");
    assertThat(Domains.registrableDomain("bad_host!.com")).isEqualTo("bad_host!.com");
    assertThat(Domains.registrableDomain(null)).isNull();
  }
}
