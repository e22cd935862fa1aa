package org.openair;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.openair.cli.Cli;

/**
 * Starts the service, or runs a command-line command ({@code rules check}, {@code rules test},
 * {@code backtest}) without starting it.
 */
@QuarkusMain
public class Main {
  public static void main(String... args) {
    if (Cli.handles(args)) {
      // Before Quarkus.run: the commands need no server, no database and no configuration.
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
