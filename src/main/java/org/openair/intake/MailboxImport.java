package org.openair.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.openair.BadRequestException;
import org.openair.config.OpenAirConfig;
import org.openair.mail.ImapAccess;
import org.openair.mail.MailFailure;

/**
 * Backfills message metadata from mailboxes over IMAP, logged in with the remediation connector's
 * master user: every message received in a time window, in the chosen folders, is stored with the
 * mailbox as a delivery. A message stored already (same Message-ID, sender and subject) only gains
 * the mailbox as a further copy, so running an import twice adds nothing.
 */
@ApplicationScoped
public class MailboxImport {
  static final String ACTOR = "mailbox-import";

  /** Most messages one request reads, so an import cannot run for hours on the HTTP thread. */
  public static final int MAX_MESSAGES = 10_000;

  private final OpenAirConfig.Imap imap;
  private final ImapAccess access;
  private final IntakeService intake;

  @Inject
  public MailboxImport(OpenAirConfig config, IntakeService intake) {
    this.imap = config.connectors().imap();
    this.access = ImapAccess.of(imap);
    this.intake = intake;
  }

  /** What to import. */
  public record Request(
      List<String> mailboxes, Instant since, Instant until, List<String> folders) {}

  /** What one mailbox gave: messages read, new messages, new copies of known ones, and failures. */
  public record MailboxResult(
      String mailbox, int read, int stored, int copiesAdded, int skipped, List<String> errors) {}

  public List<MailboxResult> run(Request request) {
    if (!imap.enabled()) {
      throw new BadRequestException(
          null, "mailbox import needs the IMAP connector (openair.connectors.imap.*)");
    }
    if (request == null || request.mailboxes() == null || request.mailboxes().isEmpty()) {
      throw new BadRequestException("mailboxes", "'mailboxes' must list at least one address");
    }
    if (request.since() == null) {
      throw new BadRequestException("since", "'since' is required (ISO-8601 instant)");
    }
    Instant until = request.until() == null ? Instant.now() : request.until();
    if (!until.isAfter(request.since())) {
      throw new BadRequestException("until", "'until' must be after 'since'");
    }
    List<String> folders =
        request.folders() == null || request.folders().isEmpty()
            ? List.of(imap.inboxFolder(), imap.junkFolder())
            : request.folders();
    List<MailboxResult> results = new ArrayList<>();
    int budget = MAX_MESSAGES;
    for (String m : request.mailboxes()) {
      if (m == null || !m.contains("@")) {
        throw new BadRequestException("mailboxes", "every mailbox must be an email address");
      }
      MailboxResult r =
          importMailbox(
              m.strip().toLowerCase(Locale.ROOT), folders, request.since(), until, budget);
      budget -= r.read();
      results.add(r);
    }
    return results;
  }

  private MailboxResult importMailbox(
      String mailbox, List<String> folders, Instant since, Instant until, int budget) {
    int read = 0;
    int stored = 0;
    int copies = 0;
    int skipped = 0;
    List<String> errors = new ArrayList<>();
    try (Store store = access.openAs(mailbox)) {
      for (String name : folders) {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
          continue;
        }
        folder.open(Folder.READ_ONLY);
        try {
          // IMAP's SINCE and BEFORE compare dates only; the exact instants are checked below.
          SearchTerm window =
              new AndTerm(
                  new ReceivedDateTerm(
                      ComparisonTerm.GE, Date.from(since.minus(Duration.ofDays(1)))),
                  new ReceivedDateTerm(
                      ComparisonTerm.LE, Date.from(until.plus(Duration.ofDays(1)))));
          for (Message message : folder.search(window)) {
            Date received = message.getReceivedDate();
            if (received != null
                && (received.toInstant().isBefore(since) || received.toInstant().isAfter(until))) {
              continue;
            }
            if (read >= budget) {
              errors.add(
                  "stopped after "
                      + MAX_MESSAGES
                      + " messages; import the rest in another request");
              return new MailboxResult(mailbox, read, stored, copies, skipped, errors);
            }
            read++;
            try {
              IntakeService.Copy copy = intake.ingestCopy(raw(message), List.of(mailbox), ACTOR);
              if (copy.newMessage()) {
                stored++;
              } else if (copy.deliveriesAdded() > 0) {
                copies++;
              } else {
                skipped++;
              }
            } catch (IOException | RuntimeException e) {
              errors.add(name + " #" + message.getMessageNumber() + ": " + e.getMessage());
            }
          }
        } finally {
          folder.close(false);
        }
      }
    } catch (MessagingException | RuntimeException e) {
      errors.add(MailFailure.of(access.describe() + " as " + mailbox, e).reason());
    }
    return new MailboxResult(mailbox, read, stored, copies, skipped, errors);
  }

  private static byte[] raw(Message m) throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }
}
