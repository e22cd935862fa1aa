package org.openair.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.openair.mail.ManageSieveClient;

/**
 * The loopback mail lab (Postfix, Dovecot, clamd) that {@code src/test/mail-lab/up.sh DIR} starts.
 * Tests find it through the {@code lab.env} file it writes, named by the environment variable
 * {@code OPENAIR_MAIL_LAB} or the system property {@code openair.mail-lab}; without it, tests that
 * need real servers are skipped.
 */
public final class MailLab {
  public static final String ENV = "OPENAIR_MAIL_LAB";
  public static final String NOT_RUNNING =
      "mail lab not running: start it with `bash src/test/mail-lab/up.sh /tmp/oa-lab` and run the"
          + " tests with OPENAIR_MAIL_LAB=/tmp/oa-lab/lab.env";
  public static final String REPORT_MAILBOX = "soc@corp.example";
  private static final Optional<Properties> LAB = load();
  private static int journalPort;

  private MailLab() {}

  private static Optional<Properties> load() {
    String path = System.getProperty("openair.mail-lab", System.getenv(ENV));
    if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(p);
  }

  public static boolean running() {
    return LAB.isPresent();
  }

  public static int port(String key) {
    return Integer.parseInt(LAB.orElseThrow().getProperty(key));
  }

  public static String password() {
    return LAB.orElseThrow().getProperty("LAB_PASSWORD");
  }

  /** The port the service's journal receiver listens on in this test run. */
  public static int journalPort() {
    return journalPort;
  }

  /**
   * Settings for the service under test: the journal receiver and the block lists always (on a free
   * port and under target/), the connectors, report mailbox and clamd when the lab runs.
   */
  static Map<String, String> serviceConfig() {
    Map<String, String> c = new HashMap<>();
    journalPort = running() ? port("JOURNAL_PORT") : freePort();
    c.put("openair.intake.journal.enabled", "true");
    c.put("openair.intake.journal.port", Integer.toString(journalPort));
    c.put("openair.connectors.blocklist.enabled", "true");
    c.put("openair.connectors.blocklist.dir", "target/test-blocklists");
    if (!running()) {
      return c;
    }
    Properties lab = LAB.get();
    String master = lab.getProperty("MASTER_USER");
    String masterPassword = lab.getProperty("MASTER_PASSWORD");
    for (String k : List.of("imap", "sieve")) {
      String p = "openair.connectors." + k;
      c.put(p + ".enabled", "true");
      c.put(p + ".server.port", lab.getProperty(k.equals("imap") ? "IMAP_PORT" : "SIEVE_PORT"));
      c.put(p + ".server.user", master);
      c.put(p + ".server.password", masterPassword);
      c.put(p + ".server.timeout", "10s");
    }
    c.put("openair.smtp.host", "127.0.0.1");
    c.put("openair.smtp.port", lab.getProperty("SMTP_PORT"));
    c.put("openair.smtp.from", "openair@corp.example");
    c.put("openair.intake.report-mailbox.enabled", "true");
    c.put("openair.intake.report-mailbox.server.port", lab.getProperty("IMAP_PORT"));
    c.put("openair.intake.report-mailbox.server.user", REPORT_MAILBOX);
    c.put("openair.intake.report-mailbox.server.password", password());
    c.put("openair.intake.report-mailbox.poll-interval", "1s");
    c.put("openair.clamav.enabled", "true");
    c.put("openair.clamav.port", lab.getProperty("CLAMD_PORT"));
    return c;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hands a raw message to the lab's Postfix, as a mail client would. */
  public static void send(byte[] raw, String from, String... to) throws MessagingException {
    send(port("SMTP_PORT"), raw, from, to);
  }

  /** Sends a raw message over SMTP to 127.0.0.1:{@code port}. */
  public static void send(int port, byte[] raw, String from, String... to)
      throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.from", from);
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "30000");
    Session session = Session.getInstance(p);
    MimeMessage m =
        new MimeMessage(session, new ByteArrayInputStream(raw)) {
          @Override
          protected void updateMessageID() {}
        };
    InternetAddress[] rcpt = new InternetAddress[to.length];
    for (int i = 0; i < to.length; i++) {
      try {
        rcpt[i] = new InternetAddress(to[i]);
      } catch (MessagingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    Transport.send(m, rcpt);
  }

  /** Logs in to a lab mailbox as its owner. */
  public static Store imap(String user) throws MessagingException {
    Properties p = new Properties();
    p.put("mail.imap.connectiontimeout", "10000");
    p.put("mail.imap.timeout", "30000");
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", port("IMAP_PORT"), user, password());
    return store;
  }

  /** The Message-ID headers of the messages in one folder of a lab mailbox. */
  public static List<String> messageIds(String user, String folder) throws MessagingException {
    try (Store store = imap(user)) {
      Folder f = store.getFolder(folder);
      if (!f.exists()) {
        return List.of();
      }
      f.open(Folder.READ_ONLY);
      try {
        List<String> ids = new ArrayList<>();
        for (Message m : f.getMessages()) {
          String[] v = m.getHeader("Message-ID");
          if (v != null) {
            ids.add(v[0].strip().replaceAll("^<|>$", ""));
          }
        }
        return ids;
      } finally {
        f.close(false);
      }
    }
  }

  /** Subjects of the messages in one folder of a lab mailbox. */
  public static List<String> subjects(String user, String folder) throws MessagingException {
    try (Store store = imap(user)) {
      Folder f = store.getFolder(folder);
      f.open(Folder.READ_ONLY);
      try {
        List<String> out = new ArrayList<>();
        for (Message m : f.getMessages()) {
          out.add(String.valueOf(m.getSubject()));
        }
        return out;
      } finally {
        f.close(false);
      }
    }
  }

  /** A ManageSieve session as the mailbox's owner. */
  public static ManageSieveClient sieve(String user) throws IOException {
    return ManageSieveClient.connect(
        "127.0.0.1", port("SIEVE_PORT"), false, Duration.ofSeconds(10), "", user, password());
  }
}
