package org.openair.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the key that encrypts the console's session cookie when none is configured: one is
 * generated at first start and kept in {@code openair.data-dir}, so sessions survive a restart and
 * no key ships in the code. A configured {@code quarkus.http.auth.session.encryption-key} wins.
 */
public class SessionKeySource implements ConfigSourceFactory {
  public static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
  public static final String FILE_NAME = "session-key";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue configured = context.getValue(KEY_PROPERTY);
    if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
      return List.of();
    }
    ConfigValue dataDir = context.getValue("openair.data-dir");
    String dir =
        dataDir == null || dataDir.getValue() == null || dataDir.getValue().isBlank()
            ? "data"
            : dataDir.getValue();
    return List.of(new KeyFileSource(Path.of(dir, FILE_NAME)));
  }

  /**
   * Reads the key file on first use and creates it when missing. Lazy, so that reading the
   * configuration at build time leaves no file behind.
   */
  static final class KeyFileSource implements ConfigSource {
    private final Path file;
    private volatile String key;

    KeyFileSource(Path file) {
      this.file = file;
    }

    @Override
    public Set<String> getPropertyNames() {
      return Set.of(KEY_PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of(KEY_PROPERTY, getValue(KEY_PROPERTY));
    }

    @Override
    public String getValue(String propertyName) {
      if (!KEY_PROPERTY.equals(propertyName)) {
        return null;
      }
      String k = key;
      if (k == null) {
        synchronized (this) {
          if (key == null) {
            key = readOrCreate(file);
          }
          k = key;
        }
      }
      return k;
    }

    @Override
    public String getName() {
      return "openair-session-key[" + file + "]";
    }

    // Below the properties files and the environment, so a configured key always wins.
    @Override
    public int getOrdinal() {
      return 50;
    }
  }

  /** The key stored in {@code file}, generating and storing a new one when there is none. */
  static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      try {
        Files.writeString(
            file, generated, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        return read(file);
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the folder's own permissions protect the file.
      }
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the session key " + file, e);
    }
  }

  private static String read(Path file) throws IOException {
    String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (stored.length() < 16) {
      throw new IllegalStateException(
          "the session key in " + file + " is shorter than 16 characters; delete it to make anew");
    }
    return stored;
  }
}
