package org.openair.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openair.support.MailLab;

/** clamd's INSTREAM answers, parsed; and real scans against the lab's clamd. */
class ClamdClientTest {
  /** The EICAR test string, put together here so no scanner flags this source file. */
  static byte[] eicar() {
    return ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void shouldReadAFoundReplyAsInfectedWithTheSignature() {
    ClamdClient.Result r = ClamdClient.parse("stream: Lab.EICAR-Body.UNOFFICIAL FOUND");
    assertThat(r.infected()).isTrue();
    assertThat(r.signature()).isEqualTo("Lab.EICAR-Body.UNOFFICIAL");
  }

  @Test
  void shouldReadOkAsClean() {
    assertThat(ClamdClient.parse("stream: OK").clean()).isTrue();
  }

  @Test
  void shouldReadASizeLimitReplyAsAnErrorNotAsClean() {
    ClamdClient.Result r = ClamdClient.parse("INSTREAM size limit exceeded. ERROR");
    assertThat(r.clean()).isFalse();
    assertThat(r.infected()).isFalse();
    assertThat(r.error()).contains("size limit");
  }

  @Test
  void shouldFindEicarAndTheClamavTestFileWithTheLabsClamd() throws IOException {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    ClamdClient clamd =
        new ClamdClient("127.0.0.1", MailLab.port("CLAMD_PORT"), Duration.ofSeconds(30));

    assertThat(clamd.scan(eicar()).infected()).isTrue();
    assertThat(clamd.scan("just a letter\n".getBytes(StandardCharsets.US_ASCII)).clean()).isTrue();
    Path sample = Path.of("/usr/share/clamav-testfiles/clam.exe");
    assumeTrue(Files.exists(sample), "package clamav-testfiles is not installed");
    ClamdClient.Result r = clamd.scan(Files.readAllBytes(sample));
    assertThat(r.infected()).isTrue();
    assertThat(r.signature()).contains("ClamAV-Test-File");
  }

  @Test
  void shouldFailFastWhenClamdIsDown() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    ClamdClient clamd = new ClamdClient("127.0.0.1", closed, Duration.ofSeconds(5));
    assertThatThrownBy(() -> clamd.scan(eicar())).isInstanceOf(ConnectException.class);
  }
}
