package org.openair.action.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;
import org.openair.action.ActionRecord;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.domain.Delegation;
import org.openair.domain.Organisation;
import org.openair.investigation.OrganisationSettings;
import org.openair.mail.ImapAccess;
import org.openair.mail.MailFailure;
import org.openair.store.ActivityStore;

/**
 * Reads mailboxes' delegations as IMAP ACLs (RFC 4314 GETACL) and removes a delegate's rights with
 * DELETEACL when a remove-delegation action is approved, logged in for the owner through the IMAP
 * connector's master user and server settings.
 *
 * <p>Design notes. ACL identifiers are the server's user names: one with an {@code @} is taken as
 * an address, a bare name ({@code bob}, as Dovecot sees users who log in without their domain) as a
 * mailbox of the owner's domain, and {@code anyone} / {@code authenticated} as they are. The
 * owner's own entry, group entries and negative rights ({@code -bob}) are not delegations. Removal
 * looks before it acts: it reads the folder's ACL again and deletes only the entries that name the
 * delegate, so a second run after a crash finds nothing and reports it already done.
 */
@ApplicationScoped
public class ImapAclConnector implements Connector {
  private static final Logger LOG = Logger.getLogger(ImapAclConnector.class);

  private final OpenAirConfig.Imap config;
  private final ImapAccess access;
  private final ActivityStore activity;
  private final OrganisationSettings organisation;
  private final Clock clock;

  @Inject
  public ImapAclConnector(
      OpenAirConfig config,
      ActivityStore activity,
      OrganisationSettings organisation,
      Clock clock) {
    this.config = config.connectors().imap();
    this.access = ImapAccess.of(this.config);
    this.activity = activity;
    this.organisation = organisation;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "imap-acl";
  }

  @Override
  public Set<ActionType> supports() {
    return config.enabled() ? Set.of(ActionType.REMOVE_DELEGATION) : Set.of();
  }

  /**
   * The mailbox's delegations as on the server now, stored so that later investigations and the
   * action that removes one can refer to them by id; pushed delegations come along. When the server
   * cannot be read, or has no ACL support, the delegations stored last time.
   */
  public List<Delegation> refreshDelegations(String mailbox) {
    if (!config.enabled()) {
      return activity.delegations(mailbox);
    }
    try (Store store = access.openAs(mailbox)) {
      if (!((IMAPStore) store).hasCapability("ACL")) {
        LOG.debugf("%s has no ACL support: delegations of %s from the store", describe(), mailbox);
        return activity.delegations(mailbox);
      }
      Organisation org = organisation.current();
      List<Delegation> current = new ArrayList<>();
      for (Folder folder : store.getDefaultFolder().list("*")) {
        if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
          continue;
        }
        for (ACL acl : ((IMAPFolder) folder).getACL()) {
          String delegate = delegateOf(acl.getName(), mailbox);
          if (delegate != null) {
            current.add(
                new Delegation(
                    null,
                    mailbox,
                    delegate,
                    acl.getRights().toString(),
                    folder.getFullName(),
                    Delegation.externalTo(delegate, org),
                    null));
          }
        }
      }
      return activity.syncDelegations(mailbox, current, clock.instant());
    } catch (MessagingException | RuntimeException e) {
      LOG.warnf("delegations of %s: %s", mailbox, MailFailure.of(describe(), e).reason());
      return activity.delegations(mailbox);
    }
  }

  /**
   * The delegate an ACL identifier names on {@code mailbox}'s folders, lower case, or null when the
   * entry is not a delegation (the owner, a group, negative rights).
   */
  static String delegateOf(String identifier, String mailbox) {
    String id = identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
    String owner = mailbox.strip().toLowerCase(Locale.ROOT);
    int at = owner.lastIndexOf('@');
    String ownerLocal = at < 0 ? owner : owner.substring(0, at);
    if (id.isEmpty()
        || id.startsWith("-")
        || id.startsWith("$")
        || id.startsWith("group=")
        || id.equals("owner")
        || id.equals(owner)
        || id.equals(ownerLocal)) {
      return null;
    }
    if (id.equals("anyone") || id.equals("authenticated") || id.contains("@") || at < 0) {
      return id;
    }
    return id + owner.substring(at);
  }

  @Override
  public ConnectorResult execute(ActionRecord action) {
    if (action.type() != ActionType.REMOVE_DELEGATION) {
      return ConnectorResult.failed("imap-acl cannot carry out " + action.type().code());
    }
    Optional<Delegation> known = activity.delegation(action.target());
    if (known.isEmpty()) {
      return ConnectorResult.alreadyDone("delegation " + action.target() + " is no longer known");
    }
    Delegation d = known.get();
    ConnectorResult result = remove(d);
    if (result.succeeded()) {
      refreshDelegations(d.getMailbox());
    }
    return result;
  }

  /** Deletes every ACL entry of {@code d}'s folder that names its delegate. */
  ConnectorResult remove(Delegation d) {
    String where = d.getMailbox() + " folder " + d.getFolder();
    try (Store store = access.openAs(d.getMailbox())) {
      if (!((IMAPStore) store).hasCapability("ACL")) {
        return ConnectorResult.failed(
            describe() + " does not support IMAP ACL (RFC 4314): cannot remove " + d.getDelegate());
      }
      IMAPFolder folder = (IMAPFolder) store.getFolder(d.getFolder());
      if (!folder.exists()) {
        return ConnectorResult.alreadyDone(where + " no longer exists");
      }
      List<String> removed = new ArrayList<>();
      for (ACL acl : folder.getACL()) {
        if (d.getDelegate().equals(delegateOf(acl.getName(), d.getMailbox()))) {
          folder.removeACL(acl.getName());
          removed.add(acl.getName() + " (" + acl.getRights() + ")");
        }
      }
      if (removed.isEmpty()) {
        return ConnectorResult.alreadyDone(
            where + ": " + d.getDelegate() + " already has no rights there");
      }
      return ConnectorResult.done(where + ": removed the rights of " + String.join(", ", removed));
    } catch (MessagingException | RuntimeException e) {
      MailFailure failure = MailFailure.of(describe() + " as " + d.getMailbox(), e);
      LOG.warnf("imap-acl %s: %s", d.getId(), failure.reason());
      return failure.retryable()
          ? ConnectorResult.retry(failure.reason())
          : ConnectorResult.failed(failure.reason());
    }
  }

  private String describe() {
    return access.describe();
  }
}
