package org.openair.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openair.BadRequestException;
import org.openair.audit.AuditLog;
import org.openair.domain.AlertType;
import org.openair.domain.Message;
import org.openair.store.Ids;
import org.openair.store.MessageStore;

/** Accepts alerts and queues the investigation each one starts. */
@ApplicationScoped
public class AlertService {
  private final InvestigationStore store;
  private final MessageStore messages;
  private final InvestigationQueue queue;
  private final AuditLog audit;
  private final Clock clock;

  @Inject
  public AlertService(
      InvestigationStore store,
      MessageStore messages,
      InvestigationQueue queue,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.messages = messages;
    this.queue = queue;
    this.audit = audit;
    this.clock = clock;
  }

  /** The ids an accepted alert gets. */
  public record Accepted(String alertId, String investigationId) {}

  public Accepted raise(AlertRequest request, String actor) {
    if (request == null) {
      throw new BadRequestException(null, "the body must be a JSON alert");
    }
    AlertType type =
        AlertType.fromCode(request.type())
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "type",
                        "'type' must be one of "
                            + Arrays.stream(AlertType.values())
                                .map(AlertType::code)
                                .collect(Collectors.joining(", "))));
    String messageId = resolveMessage(request);
    String url = blankToNull(request.url());
    String user = lower(request.user());
    switch (type) {
      case USER_REPORTED, MALWARE_ZAP -> requireMessage(messageId, type);
      case PHISH_ZAP -> {
        if (messageId == null && url == null) {
          throw new BadRequestException(
              "messageId", "a phish-zap alert needs 'messageId', 'internetMessageId' or 'url'");
        }
      }
      case URL_CLICK -> {
        if (url == null) {
          throw new BadRequestException("url", "a url-click alert needs 'url'");
        }
      }
      case SUSPICIOUS_SENDING, USER_RESTRICTED -> {
        if (user == null) {
          throw new BadRequestException("user", "a " + type.code() + " alert needs 'user'");
        }
      }
      case MANUAL -> {
        if (messageId == null && url == null && user == null) {
          throw new BadRequestException(
              "messageId",
              "a manual alert needs 'messageId', 'internetMessageId', 'url' or 'user'");
        }
      }
    }
    Instant now = clock.instant();
    AlertRecord alert =
        new AlertRecord(
            Ids.next("alr"),
            type,
            messageId,
            blankToNull(request.internetMessageId()),
            url,
            user,
            lower(request.reportedBy()),
            request.occurredAt() == null ? now : request.occurredAt(),
            now,
            actor);
    String investigationId = Ids.next("inv");
    store.createQueued(alert, investigationId, now);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("type", type.code());
    state.put("investigationId", investigationId);
    if (messageId != null) {
      state.put("messageId", messageId);
    }
    if (url != null) {
      state.put("url", url);
    }
    if (user != null) {
      state.put("user", user);
    }
    audit.record(actor, "alert.received", "alert", alert.id(), null, state);
    audit.record(
        actor,
        "investigation.queued",
        "investigation",
        investigationId,
        null,
        Map.of("status", InvestigationStatus.QUEUED.code(), "playbook", type.playbook()));
    queue.wake(investigationId);
    return new Accepted(alert.id(), investigationId);
  }

  private String resolveMessage(AlertRequest request) {
    String id = blankToNull(request.messageId());
    if (id != null) {
      return messages
          .message(id)
          .map(Message::getId)
          .orElseThrow(() -> new BadRequestException("messageId", "no message with id " + id));
    }
    String imid = blankToNull(request.internetMessageId());
    if (imid != null) {
      return messages
          .byInternetMessageId(imid)
          .map(Message::getId)
          .orElseThrow(
              () ->
                  new BadRequestException(
                      "internetMessageId", "no stored message has Message-ID " + imid));
    }
    return null;
  }

  private static void requireMessage(String messageId, AlertType type) {
    if (messageId == null) {
      throw new BadRequestException(
          "messageId", "a " + type.code() + " alert needs 'messageId' or 'internetMessageId'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String lower(String s) {
    String b = blankToNull(s);
    return b == null ? null : b.toLowerCase(Locale.ROOT);
  }
}
