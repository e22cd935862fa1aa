package org.openair;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openair.cli.Cli;

/**
 * Starts the service, or runs a command-line command ({@code rules check}, {@code rules test},
 * {@code backtest}) without starting it.
 */
@QuarkusMain
public class Main {
  // Held so the level set on it is not lost if the log manager only keeps loggers weakly.
  private static final Logger ROOT_LOGGER = Logger.getLogger("");

  public static void main(String... args) {
    if (Cli.handles(args)) {
      // Before Quarkus.run: the commands need no server, no database and no configuration.
      // Without Quarkus's logging configuration the root level stays ALL, so Drools formats and
      // buffers a trace record for every rule firing: a third of a backtest's time.
      ROOT_LOGGER.setLevel(Level.WARNING);
      System.exit(new Cli(System.out, System.err).run(args));
    }
    // H2 refuses database paths that are implicitly relative ("data/openair"), so the data folder
    // is made absolute before the configuration builds the JDBC URL from it.
    String dataDir = System.getProperty("openair.data-dir", System.getenv("OPENAIR_DATA_DIR"));
    System.setProperty(
        "openair.data-dir",
        Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir)
            .toAbsolutePath()
            .toString());
    Quarkus.run(args);
  }
}
