package org.openair.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the service under test its own copy of the project's rules, so that tests may drop broken
 * files into it without touching {@code rules/}, and the mail system settings of {@link MailLab}.
 */
public class TestRulesFolder implements QuarkusTestResourceLifecycleManager {
  private static Path folder;

  /** The folder the service under test loads its rules from. */
  public static Path folder() {
    return folder;
  }

  @Override
  public Map<String, String> start() {
    try {
      folder = Files.createTempDirectory(Path.of("target"), "test-rules-").toAbsolutePath();
      try (Stream<Path> files = Files.list(Path.of("rules"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
          Files.copy(f, folder.resolve(f.getFileName()));
        }
      }
      Map<String, String> config = new HashMap<>(MailLab.serviceConfig());
      config.put("openair.rules-dir", folder.toString());
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {}
}
