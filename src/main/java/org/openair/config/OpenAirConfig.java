package org.openair.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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

  Actions actions();

  Notifications notifications();

  Smtp smtp();

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
  }

  interface Actions {
    /** How long an action waits for a decision before it expires. */
    @WithDefault("7d")
    Duration expireAfter();

    /** How often pending actions are checked for expiry; zero turns the check off. */
    @WithDefault("1m")
    Duration expiryCheckInterval();

    /** An approval of the same type on the same target within this window is merged. */
    @WithDefault("1h")
    Duration mergeWindow();

    /** Action types that need two different approvers. */
    @WithDefault("hard-delete,disable-user,reset-password")
    Set<String> fourEyesTypes();

    /** Worker threads that carry approved actions out. */
    @WithDefault("2")
    int workers();

    /** Attempts per action before a retryable failure counts as failed. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the first retry; it doubles with each attempt. */
    @WithDefault("30s")
    Duration retryBackoff();

    /** Longest wait between retries. */
    @WithDefault("30m")
    Duration maxRetryBackoff();
  }

  interface Notifications {
    /** Approvers get at most one message per channel in this interval; zero turns it off. */
    @WithDefault("5m")
    Duration interval();

    /** A URL that receives a generic JSON message. */
    Optional<URI> webhookUrl();

    /** A Slack incoming-webhook URL. */
    Optional<URI> slackUrl();

    /** A Microsoft Teams incoming-webhook URL. */
    Optional<URI> teamsUrl();

    /** Approvers' email addresses. */
    Optional<List<String>> emailTo();

    /** The address people open OpenAIR at, for links in messages. */
    @WithDefault("http://localhost:8080")
    String publicUrl();
  }

  interface Smtp {
    /** The SMTP server outgoing mail goes through; unset means no email is sent. */
    Optional<String> host();

    @WithDefault("25")
    int port();

    /** The sender address of OpenAIR's mail. */
    @WithDefault("openair@localhost")
    String from();

    Optional<String> username();

    Optional<String> password();

    /** Require STARTTLS before sending. */
    @WithDefault("false")
    boolean starttls();

    /** Connect and read timeout. */
    @WithDefault("10s")
    Duration timeout();
  }
}
