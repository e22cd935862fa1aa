package org.openair.action.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openair.support.TestActions.approved;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.Rights;
import org.junit.jupiter.api.Test;
import org.openair.action.ActionRecord;
import org.openair.domain.ActionType;
import org.openair.domain.Delegation;
import org.openair.domain.EntityType;
import org.openair.investigation.OrganisationSettings;
import org.openair.store.ActivityStore;
import org.openair.support.MailLab;
import org.openair.support.TestConfig;
import org.openair.support.TestRulesFolder;

/**
 * Delegations as IMAP ACLs on the lab's Dovecot: an owner's SETACL read back as a delegation, its
 * removal with DELETEACL (checked with GETACL as the owner), a repeat, and failures.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class ImapAclConnectorTest {
  @Inject ImapAclConnector connector;
  @Inject ActivityStore activity;
  @Inject OrganisationSettings organisation;
  @Inject Clock clock;

  /** The owner's own session gives rights, as a mail client's sharing dialog would. */
  private static void grant(String user, String folder, String identifier, String rights)
      throws MessagingException {
    try (Store store = MailLab.imap(user)) {
      ((IMAPFolder) store.getFolder(folder)).addACL(new ACL(identifier, new Rights(rights)));
    }
  }

  /** Takes rights back as the owner, so that other tests' investigations do not see them. */
  private static void revoke(String user, String folder, String identifier)
      throws MessagingException {
    try (Store store = MailLab.imap(user)) {
      ((IMAPFolder) store.getFolder(folder)).removeACL(identifier);
    }
  }

  /** The folder's ACL as its owner reads it with GETACL: identifier to rights. */
  private static Map<String, String> acl(String user, String folder) throws MessagingException {
    try (Store store = MailLab.imap(user)) {
      Map<String, String> out = new LinkedHashMap<>();
      for (ACL a : ((IMAPFolder) store.getFolder(folder)).getACL()) {
        out.put(a.getName(), Delegation.normalizeRights(a.getRights().toString()));
      }
      return out;
    }
  }

  private static String outsider() {
    return "x-" + UUID.randomUUID().toString().substring(0, 8) + "@evil.example";
  }

  private Delegation refreshed(String mailbox, String delegate) {
    return connector.refreshDelegations(mailbox).stream()
        .filter(d -> d.getDelegate().equals(delegate))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no delegation to " + delegate + " on " + mailbox));
  }

  private ImapAclConnector connector(int port, String password) {
    Map<String, String> c = new HashMap<>();
    c.put("openair.connectors.imap.enabled", "true");
    c.put("openair.connectors.imap.server.port", Integer.toString(port));
    c.put("openair.connectors.imap.server.user", "remediation");
    c.put("openair.connectors.imap.server.password", password);
    c.put("openair.connectors.imap.server.timeout", "5s");
    return new ImapAclConnector(TestConfig.of(c), activity, organisation, clock);
  }

  private static ActionRecord removal(Delegation d) {
    return approved(ActionType.REMOVE_DELEGATION, EntityType.DELEGATION, d.getId(), List.of());
  }

  @Test
  void shouldNameDelegatesByAddressAndSkipTheOwnerGroupsAndNegativeRights() {
    assertThat(ImapAclConnector.delegateOf("Mallory@Evil.example", "alice@corp.example"))
        .isEqualTo("mallory@evil.example");
    assertThat(ImapAclConnector.delegateOf("bob", "alice@corp.example"))
        .isEqualTo("bob@corp.example");
    assertThat(ImapAclConnector.delegateOf("anyone", "alice@corp.example")).isEqualTo("anyone");
    assertThat(ImapAclConnector.delegateOf("alice", "alice@corp.example")).isNull();
    assertThat(ImapAclConnector.delegateOf("alice@corp.example", "alice@corp.example")).isNull();
    assertThat(ImapAclConnector.delegateOf("owner", "alice@corp.example")).isNull();
    assertThat(ImapAclConnector.delegateOf("-bob", "alice@corp.example")).isNull();
    assertThat(ImapAclConnector.delegateOf("$admins", "alice@corp.example")).isNull();
    assertThat(ImapAclConnector.delegateOf("group=staff", "alice@corp.example")).isNull();
  }

  @Test
  void shouldReadAnOwnersSetaclAsADelegationFirstSeenNowAndKeepThatTimeOnTheNextRead()
      throws Exception {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String outsider = outsider();
    Instant before = clock.instant();
    grant("alice", "INBOX", outsider, "lrswipkxtea");
    grant("alice", "INBOX", "carol", "lrs");
    try {
      readBack(outsider, before);
    } finally {
      revoke("alice", "INBOX", outsider);
      revoke("alice", "INBOX", "carol");
      connector.refreshDelegations("alice@corp.example");
    }
  }

  private void readBack(String outsider, Instant before) {
    Delegation d = refreshed("alice@corp.example", outsider);
    assertThat(d.getMailbox()).isEqualTo("alice@corp.example");
    assertThat(d.getFolder()).isEqualTo("INBOX");
    // RFC 4314 2.1.1: servers also announce the obsolete c and d for k, x, t and e.
    assertThat(d.getRights()).isEqualTo("acdeiklprstwx");
    assertThat(d.isFullAccess()).isTrue();
    assertThat(d.isExternal()).isTrue();
    assertThat(d.getGrantedAt()).isBetween(before.minusSeconds(1), clock.instant());
    Delegation colleague = refreshed("alice@corp.example", "carol@corp.example");
    assertThat(colleague.isExternal()).isFalse();
    assertThat(colleague.getRights()).isEqualTo("lrs");

    Delegation again = refreshed("alice@corp.example", outsider);
    assertThat(again.getId()).isEqualTo(d.getId());
    assertThat(again.getGrantedAt()).isEqualTo(d.getGrantedAt());
  }

  @Test
  void shouldRemoveTheDelegateWithDeleteaclAndTreatARepeatAsAlreadyDone() throws Exception {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String outsider = outsider();
    grant("bob", "Junk", outsider, "lrs");
    grant("bob", "Junk", "carol", "lr");
    try {
      removeAndRepeat(outsider);
    } finally {
      revoke("bob", "Junk", "carol");
      connector.refreshDelegations("bob@corp.example");
    }
  }

  private void removeAndRepeat(String outsider) throws MessagingException {
    Delegation d = refreshed("bob@corp.example", outsider);
    assertThat(acl("bob", "Junk")).containsKey(outsider);

    ConnectorResult r = connector.execute(removal(d));

    assertThat(r.outcome()).as(r.note()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(r.note()).contains("bob@corp.example folder Junk").contains(outsider);
    assertThat(acl("bob", "Junk")).doesNotContainKey(outsider).containsKey("carol");
    assertThat(activity.delegations("bob@corp.example"))
        .extracting(Delegation::getDelegate)
        .doesNotContain(outsider)
        .contains("carol@corp.example");

    // A retry after a crash between DELETEACL and recording it finds nothing to remove.
    ConnectorResult repeat = connector.remove(d);
    assertThat(repeat.outcome()).isEqualTo(ConnectorResult.Outcome.ALREADY_DONE);
    assertThat(repeat.note()).contains(outsider + " already has no rights there");
    ConnectorResult forgotten = connector.execute(removal(d));
    assertThat(forgotten.outcome()).isEqualTo(ConnectorResult.Outcome.ALREADY_DONE);
    assertThat(forgotten.note()).contains("no longer known");
  }

  @Test
  void shouldFailPermanentlyWithAReadableReasonAndLeaveTheRightsWhenTheLoginIsRefused()
      throws Exception {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String outsider = outsider();
    grant("carol", "INBOX", outsider, "lrs");
    try {
      Delegation d = refreshed("carol@corp.example", outsider);

      ConnectorResult r = connector(MailLab.port("IMAP_PORT"), "wrong").execute(removal(d));

      assertThat(r.outcome()).isEqualTo(ConnectorResult.Outcome.PERMANENT_FAILURE);
      assertThat(r.note()).contains("carol@corp.example").contains("refused the login");
      assertThat(acl("carol", "INBOX")).containsEntry(outsider, "lrs");
      assertThat(activity.delegation(d.getId())).isPresent();
    } finally {
      revoke("carol", "INBOX", outsider);
      connector.refreshDelegations("carol@corp.example");
    }
  }

  @Test
  void shouldFailRetryablyAndQuicklyWhenTheServerIsDown() throws IOException {
    Delegation d =
        activity.saveDelegation(
            new Delegation(
                null, "dave@corp.example", outsider(), "lrs", "INBOX", true, clock.instant()),
            null,
            clock.instant());
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Instant start = Instant.now();

    ConnectorResult r = connector(closed, "x").execute(removal(d));

    assertThat(r.outcome()).isEqualTo(ConnectorResult.Outcome.RETRYABLE_FAILURE);
    assertThat(r.note()).contains("dave@corp.example").contains("not reachable");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(activity.delegation(d.getId())).isPresent();
  }
}
