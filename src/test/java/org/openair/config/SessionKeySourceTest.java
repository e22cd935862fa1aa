package org.openair.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeySourceTest {

  @Test
  void firstStartMakesAPrivateKeyAndLaterStartsReadTheSameOne(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("data").resolve(SessionKeySource.FILE_NAME);

    String first = SessionKeySource.readOrCreate(file);
    String second = SessionKeySource.readOrCreate(file);

    assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SessionKeySource.readOrCreate(dir.resolve("other")))
        .as("another install gets another key")
        .isNotEqualTo(first);
  }

  @Test
  void aTooShortKeyFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(SessionKeySource.FILE_NAME);
    Files.writeString(file, "short");
    assertThatThrownBy(() -> SessionKeySource.readOrCreate(file))
        .hasMessageContaining("shorter than 16");
  }

  @Test
  void theKeyIsReadOnlyWhenAsked(@TempDir Path dir) {
    Path file = dir.resolve(SessionKeySource.FILE_NAME);
    SessionKeySource.KeyFileSource source = new SessionKeySource.KeyFileSource(file);
    assertThat(source.getPropertyNames()).containsExactly(SessionKeySource.KEY_PROPERTY);
    assertThat(file).doesNotExist();
    assertThat(source.getValue(SessionKeySource.KEY_PROPERTY)).isNotBlank();
    assertThat(file).exists();
    assertThat(source.getValue("something.else")).isNull();
  }
}
