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

  Connectors connectors();

  Clamav clamav();

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

    Journal journal();

    ReportMailbox reportMailbox();
  }

  /** The SMTP listener that takes journal copies (Postfix recipient_bcc_maps, Exchange). */
  interface Journal {
    @WithDefault("false")
    boolean enabled();

    /** Address to listen on; keep it on a private network or loopback. */
    @WithDefault("127.0.0.1")
    String bindAddress();

    @WithDefault("2525")
    int port();

    /** Simultaneous SMTP sessions; more get a temporary 421. */
    @WithDefault("16")
    int maxConnections();

    /** Messages stored at once; a message that waits longer than the timeout gets a 451. */
    @WithDefault("2")
    int maxConcurrentIngests();

    @WithDefault("30s")
    Duration ingestWaitTimeout();

    /**
     * Mailboxes whose copies are not stored (besides the report mailbox, always left out: reports
     * arrive through it and quote the reported mail, which would make them look like copies).
     */
    Optional<Set<String>> ignoredMailboxes();
  }

  /** The mailbox users forward suspicious mail to. */
  interface ReportMailbox {
    @WithDefault("false")
    boolean enabled();

    MailServer server();

    /** The folder new reports arrive in. */
    @WithDefault("INBOX")
    String folder();

    /** Where processed reports are moved; created when missing. */
    @WithDefault("OpenAIR Processed")
    String processedFolder();

    /** How often the folder is polled when the server has no IDLE, and IDLE's longest wait. */
    @WithDefault("30s")
    Duration pollInterval();

    /** Wait with IMAP IDLE where the server supports it; false polls. */
    @WithDefault("true")
    boolean idle();
  }

  /** How to reach one mail server (IMAP, ManageSieve or SMTP). */
  interface MailServer {
    @WithDefault("127.0.0.1")
    String host();

    /** The port; unset means the protocol's standard one. */
    Optional<Integer> port();

    /** TLS from the first byte (IMAPS 993, SMTPS 465). */
    @WithDefault("false")
    boolean ssl();

    /** Upgrade with STARTTLS; the connection fails when the server cannot. */
    @WithDefault("false")
    boolean starttls();

    Optional<String> user();

    Optional<String> password();

    /** Connect and read timeout: no call waits longer on a silent server. */
    @WithDefault("20s")
    Duration timeout();
  }

  /** The connectors that carry approved actions out; each is off until enabled. */
  interface Connectors {
    Imap imap();

    Sieve sieve();

    Blocklist blocklist();

    Webhook webhook();
  }

  /** How a master user logs in to someone else's mailbox. */
  enum MasterLogin {
    /** Login name {@code <mailbox><separator><master user>}, Dovecot's {@code alice*master}. */
    SEPARATOR,
    /** SASL PLAIN as the master user with the mailbox as authorization identity. */
    AUTHZID
  }

  /**
   * IMAP remediation and mailbox import, logged in to each mailbox with a master user (Dovecot
   * {@code alice*master}) or SASL PLAIN with the mailbox as authzid.
   */
  interface Imap {
    @WithDefault("false")
    boolean enabled();

    MailServer server();

    @WithDefault("separator")
    MasterLogin masterLogin();

    /** Joins the mailbox and the master user in the login name. */
    @WithDefault("*")
    String masterSeparator();

    /** Log in with the whole address (true) or its local part (false). */
    @WithDefault("true")
    boolean loginWithDomain();

    @WithDefault("INBOX")
    String inboxFolder();

    @WithDefault("Junk")
    String junkFolder();

    /** Soft delete moves here; the owner can still recover the message. */
    @WithDefault("Recoverable Items")
    String recoverableFolder();
  }

  /** ManageSieve: reads forwarding rules and removes them. */
  interface Sieve {
    @WithDefault("false")
    boolean enabled();

    MailServer server();

    @WithDefault("separator")
    MasterLogin masterLogin();

    @WithDefault("*")
    String masterSeparator();

    @WithDefault("true")
    boolean loginWithDomain();
  }

  /** Block lists written as Postfix access maps and rspamd multimap files. */
  interface Blocklist {
    @WithDefault("false")
    boolean enabled();

    /** Folder the list files are written to. */
    @WithDefault("${openair.data-dir}/blocklists")
    String dir();
  }

  /** Identity actions (disable user, reset password, revoke sessions) posted to a webhook. */
  interface Webhook {
    @WithDefault("false")
    boolean enabled();

    Optional<String> url();

    /**
     * JSON body; {action}, {target}, {actionId}, {investigationId} and {explanation} are replaced
     * by JSON-escaped values.
     */
    @WithDefault(
        "{\"action\":\"{action}\",\"user\":\"{target}\",\"actionId\":\"{actionId}\","
            + "\"investigationId\":\"{investigationId}\",\"reason\":\"{explanation}\"}")
    String template();

    /** Value of the Authorization header, e.g. a bearer token. */
    Optional<String> authorization();

    @WithDefault("20s")
    Duration timeout();
  }

  /** Attachment scanning with clamd over TCP. */
  interface Clamav {
    @WithDefault("false")
    boolean enabled();

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("3310")
    int port();

    @WithDefault("30s")
    Duration timeout();

    /** Larger attachments are not sent (clamd's StreamMaxLength is 25 MB by default). */
    @WithDefault("26214400")
    long maxBytes();
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
