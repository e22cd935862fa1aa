package org.openair.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.openair.config.OpenAirConfig;
import org.openair.domain.AlertType;
import org.openair.domain.Delivery;
import org.openair.investigation.AlertRequest;
import org.openair.investigation.AlertService;
import org.openair.mail.ImapAccess;
import org.openair.mail.MailFailure;
import org.openair.store.Db;
import org.openair.store.MessageStore;

/**
 * Watches the mailbox users forward suspicious mail to, and turns each report into a {@code
 * user-reported} alert on the original message, named after the person who forwarded it.
 *
 * <p>Design notes. The original is taken from a {@code message/rfc822} attachment when there is
 * one; it is looked up by its Message-ID among stored messages and stored when it is not there yet.
 * An inline forward carries no Message-ID, so the original is the stored message with the forwarded
 * sender and subject, preferring a copy delivered to the reporter. A second report of the same
 * message by the same person raises no second alert. A report leaves the watched folder only after
 * its alerts are raised, so a crash in between processes it again (and the duplicate check keeps
 * that harmless). The watcher waits with IMAP IDLE, bounded by the poll interval, or polls when the
 * server has no IDLE; a lost connection is retried after the poll interval.
 */
@ApplicationScoped
public class ReportMailbox {
  private static final Logger LOG = Logger.getLogger(ReportMailbox.class);
  static final String ACTOR = "report-mailbox";
  private static final Pattern INLINE_MESSAGE_ID =
      Pattern.compile("(?im)^[>\\s]*Message-ID:\\s*<([^>\\s]+)>");
  private static final Pattern INLINE_FROM = Pattern.compile("(?im)^[>\\s]*From:\\s*(.+)$");
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
  private static final Pattern FORWARD_PREFIX =
      Pattern.compile("^\\s*((fwd?|fw|wg|tr)\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

  private final OpenAirConfig.ReportMailbox config;
  private final ImapAccess access;
  private final IntakeService intake;
  private final MessageStore messages;
  private final AlertService alerts;
  private final Db db;
  private final Clock clock;
  private final Session parsing = Session.getInstance(new Properties());
  private volatile boolean running;
  private volatile Store current;
  private Thread watcher;
  private ScheduledExecutorService timer;

  @Inject
  public ReportMailbox(
      OpenAirConfig config,
      IntakeService intake,
      MessageStore messages,
      AlertService alerts,
      Db db,
      Clock clock) {
    this.config = config.intake().reportMailbox();
    this.access =
        new ImapAccess(this.config.server(), OpenAirConfig.MasterLogin.SEPARATOR, "*", true);
    this.intake = intake;
    this.messages = messages;
    this.alerts = alerts;
    this.db = db;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.enabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "report-mailbox-timer");
              t.setDaemon(true);
              return t;
            });
    watcher = new Thread(this::watch, "report-mailbox");
    watcher.setDaemon(true);
    watcher.start();
  }

  public synchronized void stop() {
    running = false;
    Store store = current;
    if (store != null) {
      try {
        // Closing the connection ends an IDLE that would otherwise wait out its read timeout.
        store.close();
      } catch (MessagingException e) {
        LOG.debugf("closing the report mailbox: %s", e.getMessage());
      }
    }
    if (watcher != null) {
      watcher.interrupt();
      timer.shutdownNow();
      watcher = null;
    }
  }

  private void watch() {
    Duration poll = config.pollInterval();
    String lastFailure = null;
    while (running) {
      try (Store store = access.openOwn(poll.plus(config.server().timeout()))) {
        current = store;
        IMAPFolder inbox = (IMAPFolder) store.getFolder(config.folder());
        inbox.open(Folder.READ_WRITE);
        Folder processed = store.getFolder(config.processedFolder());
        if (!processed.exists()) {
          processed.create(Folder.HOLDS_MESSAGES);
        }
        boolean idle = config.idle() && ((IMAPStore) store).hasCapability("IDLE");
        if (lastFailure != null) {
          LOG.infof("report mailbox %s reachable again", access.describe());
          lastFailure = null;
        }
        while (running) {
          processAll(inbox, processed);
          if (idle) {
            ScheduledFuture<?> wake =
                timer.schedule(() -> abortIdle(inbox), poll.toMillis(), TimeUnit.MILLISECONDS);
            try {
              inbox.idle(true);
            } finally {
              wake.cancel(false);
            }
          } else {
            Thread.sleep(poll.toMillis());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (MessagingException | RuntimeException e) {
        if (!running) {
          return;
        }
        String reason = MailFailure.of(access.describe(), e).reason();
        if (!reason.equals(lastFailure)) {
          LOG.warnf("report mailbox: %s; trying again every %s", reason, poll);
          lastFailure = reason;
        }
        try {
          Thread.sleep(poll.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Another thread's call on an idle folder ends the IDLE. */
  private static void abortIdle(IMAPFolder folder) {
    try {
      folder.getMessageCount();
    } catch (MessagingException e) {
      LOG.debugf("ending IDLE: %s", e.getMessage());
    }
  }

  private void processAll(IMAPFolder inbox, Folder processed) throws MessagingException {
    Message[] reports = inbox.getMessages();
    for (Message report : reports) {
      if (report.isExpunged() || report.isSet(Flags.Flag.DELETED)) {
        continue;
      }
      try {
        process(raw(report));
      } catch (IOException | MessagingException | RuntimeException e) {
        LOG.warnf(
            e,
            "report %d in %s could not be read; moved aside",
            report.getMessageNumber(),
            config.folder());
      }
      Message[] one = {report};
      if (((IMAPStore) inbox.getStore()).hasCapability("MOVE")) {
        inbox.moveMessages(one, processed);
      } else {
        inbox.copyMessages(one, processed);
        inbox.setFlags(one, new Flags(Flags.Flag.DELETED), true);
        inbox.expunge(one);
      }
    }
  }

  /** What one report led to: the alerts raised, and originals that were not found. */
  public record Outcome(
      String reporter, List<String> investigationIds, int duplicates, int notFound) {}

  /** Turns one report (the forwarded message, raw) into alerts. */
  public Outcome process(byte[] rawReport) throws MessagingException, IOException {
    MimeMessage report = new MimeMessage(parsing, new ByteArrayInputStream(rawReport));
    String reporter = reporter(report);
    if (reporter == null) {
      LOG.warn("report without a From address skipped");
      return new Outcome(null, List.of(), 0, 1);
    }
    List<String> originals = new ArrayList<>();
    List<byte[]> attached = new ArrayList<>();
    collectAttached(report, attached, 0);
    for (byte[] original : attached) {
      originalId(original, reporter).ifPresent(originals::add);
    }
    if (attached.isEmpty()) {
      inlineOriginal(report, reporter).ifPresent(originals::add);
    }
    List<String> investigations = new ArrayList<>();
    int duplicates = 0;
    for (String messageId : originals.stream().distinct().toList()) {
      if (alreadyReported(messageId, reporter)) {
        duplicates++;
        continue;
      }
      AlertService.Accepted accepted =
          alerts.raise(
              new AlertRequest(
                  AlertType.USER_REPORTED.code(),
                  messageId,
                  null,
                  null,
                  null,
                  reporter,
                  report.getSentDate() == null
                      ? clock.instant()
                      : report.getSentDate().toInstant()),
              ACTOR);
      investigations.add(accepted.investigationId());
    }
    int notFound = originals.isEmpty() ? 1 : 0;
    if (notFound > 0) {
      LOG.warnf("report from %s: the reported message could not be identified", reporter);
    }
    return new Outcome(reporter, investigations, duplicates, notFound);
  }

  private static String reporter(MimeMessage report) throws MessagingException {
    Address[] from = report.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress a)) {
      return null;
    }
    return a.getAddress() == null ? null : a.getAddress().toLowerCase(Locale.ROOT);
  }

  private static void collectAttached(Part part, List<byte[]> out, int depth)
      throws MessagingException, IOException {
    if (depth > 10) {
      return;
    }
    if (part.isMimeType("message/rfc822")) {
      try (InputStream in = part.getInputStream()) {
        out.add(in.readAllBytes());
      }
      return;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        collectAttached(mp.getBodyPart(i), out, depth + 1);
      }
    }
  }

  /** The stored message an attached original is, storing it first when it is new. */
  private Optional<String> originalId(byte[] original, String reporter) throws MessagingException {
    MimeMessage m = new MimeMessage(parsing, new ByteArrayInputStream(original));
    String imid = m.getMessageID();
    if (imid != null && !imid.isBlank()) {
      Optional<org.openair.domain.Message> known = messages.byInternetMessageId(imid);
      if (known.isPresent()) {
        return Optional.of(known.get().getId());
      }
    }
    return Optional.of(intake.ingestCopy(original, List.of(reporter), ACTOR).messageId());
  }

  /**
   * The stored message an inline forward quotes: by a quoted Message-ID, else sender and subject.
   */
  private Optional<String> inlineOriginal(MimeMessage report, String reporter)
      throws MessagingException, IOException {
    String text = text(report);
    Matcher id = INLINE_MESSAGE_ID.matcher(text);
    if (id.find()) {
      Optional<org.openair.domain.Message> known = messages.byInternetMessageId(id.group(1));
      if (known.isPresent()) {
        return Optional.of(known.get().getId());
      }
    }
    Matcher from = INLINE_FROM.matcher(text);
    if (!from.find()) {
      return Optional.empty();
    }
    Matcher address = ADDRESS.matcher(from.group(1));
    if (!address.find()) {
      return Optional.empty();
    }
    String sender = address.group().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
    String subject =
        FORWARD_PREFIX
            .matcher(report.getSubject() == null ? "" : report.getSubject())
            .replaceFirst("");
    List<org.openair.domain.Message> candidates =
        messages.similar(
            MessageStore.clusterKey(sender, subject),
            clock.instant().minus(Duration.ofDays(30)),
            50);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = candidates.stream().map(org.openair.domain.Message::getId).toList();
    return messages.deliveries(ids).stream()
        .filter(d -> reporter.equals(d.getMailbox()))
        .map(Delivery::getMessageId)
        .findFirst()
        .or(() -> Optional.of(ids.get(0)));
  }

  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("text/html")) {
      return Jsoup.parse(String.valueOf(part.getContent())).wholeText();
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        b.append(text(mp.getBodyPart(i))).append('\n');
      }
      return b.toString();
    }
    return "";
  }

  private boolean alreadyReported(String messageId, String reporter) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select 1 from alerts where type = ? and message_id = ? and reported_by = ?")) {
            ps.setString(1, AlertType.USER_REPORTED.code());
            ps.setString(2, messageId);
            ps.setString(3, reporter);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  private static byte[] raw(Message m) throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }
}
