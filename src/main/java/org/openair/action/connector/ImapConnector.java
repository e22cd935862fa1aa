package org.openair.action.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;
import org.openair.action.ActionRecord;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.mail.ImapAccess;
import org.openair.mail.MailFailure;

/**
 * Moves or deletes every copy of a message in the mailboxes that hold one, over IMAP, logged in as
 * a master user. Copies are found by their Message-ID header.
 *
 * <p>Design notes. Idempotence comes from looking before acting: a copy already in the target
 * folder counts as done, a copy found nowhere counts as already gone, so a second run after a crash
 * changes nothing. IMAP MOVE is used when the server announces it (atomic, no \Deleted left
 * behind); otherwise COPY, then \Deleted and UID EXPUNGE of exactly those messages (UIDPLUS), so
 * that other messages flagged \Deleted by the user are not expunged with them. Each mailbox is a
 * separate login, so one failing mailbox does not stop the others; the result says which failed and
 * whether trying again can help.
 */
@ApplicationScoped
public class ImapConnector implements Connector {
  private static final Logger LOG = Logger.getLogger(ImapConnector.class);
  private static final Set<ActionType> SUPPORTED =
      Set.of(
          ActionType.SOFT_DELETE,
          ActionType.MOVE_TO_JUNK,
          ActionType.MOVE_TO_INBOX,
          ActionType.HARD_DELETE);

  private final OpenAirConfig.Imap config;
  private final ImapAccess access;

  @Inject
  public ImapConnector(OpenAirConfig config) {
    this.config = config.connectors().imap();
    this.access = ImapAccess.of(this.config);
  }

  @Override
  public String name() {
    return "imap";
  }

  @Override
  public Set<ActionType> supports() {
    return config.enabled() ? SUPPORTED : Set.of();
  }

  @Override
  public ConnectorResult execute(ActionRecord action) {
    return switch (action.type()) {
      case SOFT_DELETE ->
          move(action, List.of(config.inboxFolder(), config.junkFolder()), recoverable());
      case MOVE_TO_JUNK -> move(action, List.of(config.inboxFolder()), config.junkFolder());
      case MOVE_TO_INBOX ->
          move(action, List.of(recoverable(), config.junkFolder()), config.inboxFolder());
      case HARD_DELETE ->
          move(action, List.of(config.inboxFolder(), config.junkFolder(), recoverable()), null);
      default -> ConnectorResult.failed("imap cannot carry out " + action.type().code());
    };
  }

  /** Soft delete and move to junk go back to the inbox; other actions cannot be reversed. */
  @Override
  public ConnectorResult undo(ActionRecord action) {
    return switch (action.type()) {
      case SOFT_DELETE -> move(action, List.of(recoverable()), config.inboxFolder());
      case MOVE_TO_JUNK -> move(action, List.of(config.junkFolder()), config.inboxFolder());
      default -> ConnectorResult.failed("imap cannot undo " + action.type().code());
    };
  }

  private String recoverable() {
    return config.recoverableFolder();
  }

  /** What happened in one mailbox. */
  private enum Fate {
    MOVED,
    ALREADY_THERE,
    GONE,
    FAILED
  }

  private record MailboxOutcome(Fate fate, String note, boolean retryable) {}

  /**
   * Moves the action's copies from any of {@code sources} to {@code target}, or expunges them when
   * {@code target} is null.
   */
  private ConnectorResult move(ActionRecord action, List<String> sources, String target) {
    if (action.deliveries().isEmpty()) {
      return ConnectorResult.alreadyDone(
          "the action lists no copies of a message: nothing to move");
    }
    Map<String, List<String>> idsByMailbox = new LinkedHashMap<>();
    for (ActionRecord.DeliveryRef d : action.deliveries()) {
      if (d.mailbox() == null) {
        continue;
      }
      List<String> ids =
          idsByMailbox.computeIfAbsent(
              d.mailbox().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
      if (d.internetMessageId() != null && !ids.contains(d.internetMessageId())) {
        ids.add(d.internetMessageId());
      }
    }
    List<String> notes = new ArrayList<>();
    Map<Fate, Integer> fates = new LinkedHashMap<>();
    boolean anyRetryable = false;
    for (Map.Entry<String, List<String>> e : idsByMailbox.entrySet()) {
      MailboxOutcome outcome;
      if (e.getValue().isEmpty()) {
        outcome = new MailboxOutcome(Fate.FAILED, "no Message-ID to search by", false);
      } else {
        outcome = inMailbox(e.getKey(), e.getValue(), sources, target);
      }
      fates.merge(outcome.fate(), 1, Integer::sum);
      anyRetryable |= outcome.fate() == Fate.FAILED && outcome.retryable();
      notes.add(e.getKey() + ": " + outcome.note());
    }
    String note = String.join("; ", notes);
    if (fates.getOrDefault(Fate.FAILED, 0) > 0) {
      return anyRetryable ? ConnectorResult.retry(note) : ConnectorResult.failed(note);
    }
    if (fates.getOrDefault(Fate.MOVED, 0) > 0) {
      return ConnectorResult.done(note);
    }
    return ConnectorResult.alreadyDone(note);
  }

  private MailboxOutcome inMailbox(
      String mailbox, List<String> messageIds, List<String> sources, String target) {
    try (Store store = access.openAs(mailbox)) {
      int moved = 0;
      int alreadyThere = 0;
      for (String messageId : messageIds) {
        boolean found = false;
        for (String source : sources) {
          IMAPFolder folder = (IMAPFolder) store.getFolder(source);
          if (!folder.exists()) {
            continue;
          }
          folder.open(Folder.READ_WRITE);
          try {
            Message[] copies = find(folder, messageId);
            if (copies.length > 0) {
              found = true;
              moved += copies.length;
              if (target == null) {
                expunge(folder, copies);
              } else {
                transfer((IMAPStore) store, folder, copies, target);
              }
            }
          } finally {
            folder.close(false);
          }
        }
        if (!found && target != null && inFolder(store, target, messageId)) {
          alreadyThere++;
        }
      }
      String where = target == null ? "deleted permanently" : "moved to " + target;
      if (moved > 0) {
        return new MailboxOutcome(Fate.MOVED, where + " (" + moved + ")", false);
      }
      if (alreadyThere > 0) {
        return new MailboxOutcome(Fate.ALREADY_THERE, "already in " + target, false);
      }
      return new MailboxOutcome(
          Fate.GONE, "not found in " + String.join(", ", sources) + "; already gone", false);
    } catch (MessagingException | RuntimeException e) {
      MailFailure failure = MailFailure.of(access.describe() + " as " + mailbox, e);
      LOG.warnf("imap %s: %s", mailbox, failure.reason());
      return new MailboxOutcome(Fate.FAILED, failure.reason(), failure.retryable());
    }
  }

  private boolean inFolder(Store store, String name, String messageId) throws MessagingException {
    Folder folder = store.getFolder(name);
    if (!folder.exists()) {
      return false;
    }
    folder.open(Folder.READ_ONLY);
    try {
      return find(folder, messageId).length > 0;
    } finally {
      folder.close(false);
    }
  }

  /**
   * Copies whose Message-ID is exactly {@code messageId}: IMAP's header search matches substrings,
   * so the server's hits are checked again here.
   */
  static Message[] find(Folder folder, String messageId) throws MessagingException {
    String bare = messageId.strip().replaceAll("^<|>$", "");
    Message[] hits = folder.search(new HeaderTerm("Message-ID", "<" + bare + ">"));
    List<Message> exact = new ArrayList<>();
    for (Message m : hits) {
      String[] values = m.getHeader("Message-ID");
      if (values == null) {
        continue;
      }
      for (String v : values) {
        if (v.strip().replaceAll("^<|>$", "").equals(bare)) {
          exact.add(m);
          break;
        }
      }
    }
    return exact.toArray(Message[]::new);
  }

  private void transfer(IMAPStore store, IMAPFolder from, Message[] copies, String target)
      throws MessagingException {
    IMAPFolder to = (IMAPFolder) store.getFolder(target);
    if (!to.exists()) {
      to.create(Folder.HOLDS_MESSAGES);
    }
    if (store.hasCapability("MOVE")) {
      from.moveMessages(copies, to);
      return;
    }
    from.copyMessages(copies, to);
    expunge(from, copies);
  }

  private static void expunge(IMAPFolder folder, Message[] copies) throws MessagingException {
    folder.setFlags(copies, new Flags(Flags.Flag.DELETED), true);
    if (((IMAPStore) folder.getStore()).hasCapability("UIDPLUS")) {
      folder.expunge(copies);
    } else {
      folder.expunge();
    }
  }
}
