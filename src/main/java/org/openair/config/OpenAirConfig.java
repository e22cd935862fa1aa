package org.openair.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** OpenAIR's own settings ({@code openair.*}); application.properties documents each key. */
@ConfigMapping(prefix = "openair")
public interface OpenAirConfig {

  /** Folder of the DRL playbooks. */
  @WithDefault("rules")
  String rulesDir();

  /** Folder of the embedded database and other local state. */
  @WithDefault("data")
  String dataDir();

  /** Which configured datasource stores OpenAIR's data: {@code h2} or {@code postgresql}. */
  @WithDefault("h2")
  String database();

  /** Password for the first admin user; empty means generate one and log it once. */
  Optional<String> bootstrapAdminPassword();

  Rules rules();

  Investigation investigation();

  Intake intake();

  Organisation organisation();

  interface Rules {
    /** How often the rules folder is checked for changes; zero turns the poll off. */
    @WithDefault("5s")
    Duration pollInterval();
  }

  interface Investigation {
    /** Worker threads taking investigations from the queue. */
    @WithDefault("2")
    int workers();

    /** Lookup rounds the engine answers before it stops. */
    @WithDefault("5")
    int maxLookupRounds();
  }

  interface Intake {
    /** Largest raw message accepted, in bytes. */
    @WithDefault("26214400")
    long maxMessageBytes();
  }

  interface Organisation {
    /** The organisation's own mail domains. */
    Optional<Set<String>> acceptedDomains();

    /** Addresses of VIPs whose names impersonators borrow. */
    Optional<Set<String>> vips();

    /** Senders (addresses or domains) never acted against destructively. */
    Optional<Set<String>> trustedSenders();

    /** Phishing-simulation senders (addresses or domains). */
    Optional<Set<String>> simulationSenders();

    /** Names the organisation goes by, for display-name impersonation of the organisation. */
    Optional<Set<String>> names();

    /** A YAML settings file whose lists are added to these (VIP display names live there). */
    Optional<String> settingsFile();
  }
}
