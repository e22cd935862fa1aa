package org.openair.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openair.domain.Alert;
import org.openair.domain.AlertType;
import org.openair.domain.AuthResult;
import org.openair.domain.Delivery;
import org.openair.domain.Direction;
import org.openair.domain.Investigation;
import org.openair.domain.Link;
import org.openair.domain.Message;
import org.openair.domain.Organisation;

/** Builders for the facts of a user-reported investigation, and the compiled real rules. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
  static final Path RULES = Path.of("rules");
  static final Organisation ORG =
      new Organisation(Set.of("acme.example"), Set.of(), Set.of("partner.example"), Set.of());

  private static RuleSet rules;

  private Fixtures() {}

  /** The real rules/ folder compiled once per test JVM: compilation takes seconds. */
  static synchronized RuleSet realRules() {
    if (rules == null) {
      try {
        rules = new RuleCompiler().compile(RULES);
      } catch (RuleCompilationException e) {
        throw new AssertionError(e.getMessage(), e);
      }
    }
    return rules;
  }

  /** A message that passes every check, from an external sender, with nothing odd about it. */
  static Message benign(String id) {
    return new Message()
        .setId(id)
        .setInternetMessageId(id + "@mail.vendor.example")
        .setSenderAddress("news@vendor.example")
        .setSenderDisplayName("Vendor News")
        .setSenderDomain("vendor.example")
        .setReturnPath("bounce@vendor.example")
        .setReturnPathDomain("vendor.example")
        .setRecipients(List.of("alice@acme.example"))
        .setSubject("Your March invoice")
        .setReceivedAt(NOW.minusSeconds(3600))
        .setDirection(Direction.INBOUND)
        .setSenderIp("198.51.100.7")
        .setSpf(AuthResult.PASS)
        .setDkim(AuthResult.PASS)
        .setDmarc(AuthResult.PASS)
        .setCompauth(AuthResult.PASS)
        .setBodyText("Please find your invoice attached.");
  }

  /** A credential phish: forged From, failing authentication, replies to free mail. */
  static Message phish(String id) {
    return new Message()
        .setId(id)
        .setInternetMessageId(id + "@evil.example")
        .setSenderAddress("security@paypa1-support.example")
        .setSenderDisplayName("PayPal Security")
        .setSenderDomain("paypa1-support.example")
        .setReturnPath("x@bulk-sender.example")
        .setReturnPathDomain("bulk-sender.example")
        .setReplyTo("paypal.help.desk@gmail.com")
        .setReplyToDomain("gmail.com")
        .setRecipients(List.of("alice@acme.example"))
        .setSubject("Action required: verify your account")
        .setReceivedAt(NOW.minusSeconds(3600))
        .setDirection(Direction.INBOUND)
        .setSenderIp("203.0.113.9")
        .setSpf(AuthResult.FAIL)
        .setDkim(AuthResult.NONE)
        .setDmarc(AuthResult.FAIL)
        .setCompauth(AuthResult.FAIL)
        .setBodyText("Verify your account now.");
  }

  static Link link(String messageId, String url, String host, String shownText, String shownHost) {
    return new Link(messageId, url, host, null, shownText, shownHost);
  }

  static Delivery delivery(String id, String messageId, String mailbox) {
    return new Delivery(id, messageId, mailbox, Delivery.INBOX, NOW.minusSeconds(3500));
  }

  static Alert reported(String messageId, String by) {
    return new Alert(
        "alert-1", AlertType.USER_REPORTED, messageId, null, null, by, by, NOW.minusSeconds(60));
  }

  static InvestigationInput input(Alert alert, Object... facts) {
    return new InvestigationInput(
        new Investigation("inv-1", alert.getPlaybook(), NOW),
        alert,
        ORG,
        new ArrayList<>(List.of(facts)));
  }

  static InvestigationInput input(Alert alert, Organisation org, Object... facts) {
    return new InvestigationInput(
        new Investigation("inv-1", alert.getPlaybook(), NOW), alert, org, List.of(facts));
  }
}
