package org.openair.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.openair.BadRequestException;
import org.openair.config.OpenAirConfig;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP listener for journal copies: every message an MTA hands over is stored with its envelope
 * recipients as the mailboxes it was delivered to.
 *
 * <p>Design notes. The SMTP "250 OK" after DATA is the MTA's signal to forget the message, so it is
 * sent only after the message is stored in the database; any failure before that answers with a
 * temporary 451, and the MTA keeps the message and retries. Backpressure works the same way: at
 * most {@code max-concurrent-ingests} messages are parsed and stored at once, and a session that
 * cannot get a turn within {@code ingest-wait-timeout} gets a 451 instead of waiting without end;
 * sessions beyond {@code max-connections} get a 421. Sessions run on the receiver's own threads,
 * never on the HTTP threads. The size limit is enforced while reading (552 when exceeded).
 *
 * <p>Recipients: Postfix journaling by {@code recipient_bcc_maps} can encode the original recipient
 * in the journal address, {@code journal+alice=corp.example@journal.example}; such an address
 * counts as {@code alice@corp.example}. Any other recipient is taken as it is.
 */
@ApplicationScoped
public class JournalReceiver {
  private static final Logger LOG = Logger.getLogger(JournalReceiver.class);
  static final String ACTOR = "journal";

  private final IntakeService intake;
  private final OpenAirConfig.Journal config;
  private final int maxBytes;
  private final Semaphore turns;
  private final Set<String> ignored = new HashSet<>();
  private final AtomicInteger stored = new AtomicInteger();
  private SMTPServer server;
  private ExecutorService sessions;

  @Inject
  public JournalReceiver(IntakeService intake, OpenAirConfig config) {
    this.intake = intake;
    this.config = config.intake().journal();
    this.maxBytes = (int) Math.min(Integer.MAX_VALUE, config.intake().maxMessageBytes());
    this.turns = new Semaphore(Math.max(1, this.config.maxConcurrentIngests()), true);
    this.config.ignoredMailboxes().orElse(Set.of()).forEach(m -> ignored.add(lower(m)));
    OpenAirConfig.ReportMailbox reports = config.intake().reportMailbox();
    if (reports.enabled()) {
      reports.server().user().ifPresent(m -> ignored.add(lower(m)));
    }
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  void onStart(@Observes StartupEvent event) throws IOException {
    if (config.enabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts listening; the port is bound when this returns. */
  public synchronized void start() throws IOException {
    if (server != null) {
      return;
    }
    AtomicInteger n = new AtomicInteger();
    sessions =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "journal-smtp-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server =
        SMTPServer.port(config.port())
            .bindAddress(InetAddress.getByName(config.bindAddress()))
            .hostName("openair-journal")
            .softwareName("OpenAIR journal receiver")
            .maxConnections(config.maxConnections())
            .maxMessageSize(maxBytes)
            .connectionTimeout(60, TimeUnit.SECONDS)
            .executorService(sessions)
            .messageHandlerFactory(this::handler)
            .build();
    server.start();
    LOG.infof(
        "journal receiver listening on %s:%d", config.bindAddress(), server.getPortAllocated());
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
      sessions.shutdownNow();
    }
  }

  /** Messages stored since start, for logs and tests. */
  public int storedCount() {
    return stored.get();
  }

  private MessageHandler handler(MessageContext context) {
    return new MessageHandler() {
      private final List<String> recipients = new ArrayList<>();

      @Override
      public void from(String from) {}

      @Override
      public void recipient(String recipient) throws RejectException {
        String mailbox = mailboxOf(recipient);
        if (mailbox == null) {
          throw new RejectException(553, "5.1.3 not a mailbox address: " + recipient);
        }
        if (!recipients.contains(mailbox) && !ignored.contains(mailbox)) {
          recipients.add(mailbox);
        }
      }

      @Override
      public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = data.readAllBytes();
        if (recipients.isEmpty()) {
          return "2.0.0 not stored: only mailboxes OpenAIR leaves out";
        }
        boolean turn;
        try {
          turn = turns.tryAcquire(config.ingestWaitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RejectException(451, "4.3.2 shutting down, try again later");
        }
        if (!turn) {
          throw new RejectException(451, "4.3.1 busy storing other messages, try again later");
        }
        try {
          IntakeService.Copy copy = intake.ingestCopy(raw, recipients, ACTOR);
          stored.incrementAndGet();
          return "2.0.0 stored as " + copy.messageId();
        } catch (BadRequestException e) {
          throw new RejectException(554, "5.6.0 " + e.getMessage());
        } catch (RuntimeException e) {
          LOG.warnf(e, "journal copy from %s not stored", context.getRemoteAddress());
          throw new RejectException(451, "4.3.0 not stored, try again later");
        } finally {
          turns.release();
        }
      }

      @Override
      public void done() {}
    };
  }

  /** The mailbox a journal envelope recipient stands for, or null when it is no address. */
  static String mailboxOf(String recipient) {
    String r = recipient.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
    int at = r.lastIndexOf('@');
    if (at <= 0 || at == r.length() - 1) {
      return null;
    }
    String local = r.substring(0, at);
    int plus = local.indexOf('+');
    int eq = local.lastIndexOf('=');
    if (plus >= 0 && eq > plus + 1 && eq < local.length() - 1) {
      return local.substring(plus + 1, eq) + "@" + local.substring(eq + 1);
    }
    return r;
  }
}
