package org.openair.cli;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import org.openair.investigation.OrganisationFile;

/**
 * One rule test case as written in {@code rules/cases/<playbook>/<case>.yaml}: the facts an
 * investigation starts from (or an {@code .eml} next to the file) and what it must conclude.
 * rules/README.md documents every field and its default.
 */
public record RuleCase(
    String description,
    String eml,
    String now,
    OrganisationFile organisation,
    AlertSpec alert,
    List<MessageSpec> messages,
    List<ClickSpec> clicks,
    List<InboxRuleSpec> inboxRules,
    List<DelegationSpec> delegations,
    List<ReportSpec> reports,
    List<ScanSpec> scans,
    Expect expect) {

  public RuleCase {
    messages = messages == null ? List.of() : List.copyOf(messages);
    clicks = clicks == null ? List.of() : List.copyOf(clicks);
    inboxRules = inboxRules == null ? List.of() : List.copyOf(inboxRules);
    delegations = delegations == null ? List.of() : List.copyOf(delegations);
    reports = reports == null ? List.of() : List.copyOf(reports);
    scans = scans == null ? List.of() : List.copyOf(scans);
  }

  /** The alert; {@code type} defaults to the case folder's playbook's first alert type. */
  public record AlertSpec(
      String type, String message, String url, String user, String reportedBy, String at) {}

  /** A message in the store; the first is the alert's unless the alert names another. */
  public record MessageSpec(
      String id,
      String eml,
      String from,
      String fromName,
      String replyTo,
      String returnPath,
      List<String> to,
      String subject,
      String receivedAt,
      String senderIp,
      String spf,
      String dkim,
      String dmarc,
      String compauth,
      String body,
      List<LinkSpec> links,
      List<AttachmentSpec> attachments,
      List<DeliverySpec> deliveries) {}

  /** A link; {@code image: true} makes it a picture linking to the URL. */
  public record LinkSpec(String url, String text, Boolean image) {}

  public record AttachmentSpec(
      String name, String declaredType, String detectedType, Long size, String sha256) {}

  public record DeliverySpec(String mailbox, String folder) {}

  public record ClickSpec(String url, String user, String at, String message, Boolean blocked) {}

  public record InboxRuleSpec(
      String id,
      String mailbox,
      String name,
      String forwardTo,
      Boolean external,
      Boolean enabled,
      String createdAt) {}

  /** Rights a mailbox's owner gave a delegate on one folder. */
  public record DelegationSpec(
      String id,
      String mailbox,
      String delegate,
      String rights,
      String folder,
      Boolean external,
      String grantedAt) {}

  public record ReportSpec(String message, String reportedBy, String at) {}

  /** What a virus scanner answers for one attachment of a message. */
  public record ScanSpec(
      String message, String file, Boolean infected, String signature, String error) {}

  /** What must hold; absent fields are not checked. Lists may be written as one value. */
  public record Expect(
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> verdict,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> kind,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> rules,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> notRules,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> actions,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> notActions,
      Boolean destructive) {

    public Expect {
      verdict = verdict == null ? List.of() : List.copyOf(verdict);
      kind = kind == null ? List.of() : List.copyOf(kind);
      rules = rules == null ? List.of() : List.copyOf(rules);
      notRules = notRules == null ? List.of() : List.copyOf(notRules);
      actions = actions == null ? List.of() : List.copyOf(actions);
      notActions = notActions == null ? List.of() : List.copyOf(notActions);
    }
  }
}
