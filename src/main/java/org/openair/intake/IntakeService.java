package org.openair.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openair.BadRequestException;
import org.openair.audit.AuditLog;
import org.openair.domain.Attachment;
import org.openair.domain.AuthResult;
import org.openair.domain.Direction;
import org.openair.domain.Link;
import org.openair.domain.Message;
import org.openair.domain.Organisation;
import org.openair.investigation.OrganisationSettings;
import org.openair.store.Ids;
import org.openair.store.MessageStore;

/** Takes messages in, raw or as metadata, and stores them with their deliveries. */
@ApplicationScoped
public class IntakeService {
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final MessageParser parser = new MessageParser();
  private final MessageStore store;
  private final OrganisationSettings organisation;
  private final AuditLog audit;
  private final Clock clock;

  @Inject
  public IntakeService(
      MessageStore store, OrganisationSettings organisation, AuditLog audit, Clock clock) {
    this.store = store;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** What was stored: the message id and anything the parser could not read. */
  public record Stored(
      String messageId, String internetMessageId, int deliveries, List<String> warnings) {}

  /** Parses and stores a raw RFC 822 message delivered to {@code mailboxes}. */
  public Stored ingestRaw(byte[] raw, List<String> mailboxes, String actor) {
    List<String> boxes = validMailboxes(mailboxes);
    ParsedMessage parsed = parser.parse(Ids.next("msg"), raw, organisation.current());
    return save(parsed, raw, boxes, actor);
  }

  /**
   * Stores a copy of a message found in {@code mailboxes} (a journal copy, an imported message).
   * When a message with the same Message-ID, sender and subject is stored already, the mailboxes
   * become further deliveries of it instead of a second message.
   */
  public Copy ingestCopy(byte[] raw, List<String> mailboxes, String actor) {
    List<String> boxes = validMailboxes(mailboxes);
    ParsedMessage parsed = parser.parse(Ids.next("msg"), raw, organisation.current());
    Message m = parsed.message();
    if (m.getInternetMessageId() != null) {
      Optional<String> key =
          Optional.of(MessageStore.clusterKey(m.getSenderAddress(), m.getSubject()));
      Optional<Message> known =
          store
              .byInternetMessageId(m.getInternetMessageId())
              .filter(k -> store.clusterKeyOf(k.getId()).equals(key));
      if (known.isPresent()) {
        String id = known.get().getId();
        int added = store.addDeliveries(id, boxes, clock.instant());
        if (added > 0) {
          audit.record(
              actor, "message.deliveries-added", "message", id, null, Map.of("mailboxes", boxes));
        }
        return new Copy(id, false, added);
      }
    }
    Stored stored = save(parsed, raw, boxes, actor);
    return new Copy(stored.messageId(), true, stored.deliveries());
  }

  /** A stored copy: the message it belongs to, whether that message is new, copies added. */
  public record Copy(String messageId, boolean newMessage, int deliveriesAdded) {}

  private Stored save(ParsedMessage parsed, byte[] raw, List<String> boxes, String actor) {
    String id = parsed.message().getId();
    Instant now = clock.instant();
    if (parsed.message().getReceivedAt() == null) {
      parsed.message().setReceivedAt(now);
    }
    store.save(parsed, raw, boxes, now);
    audit.record(actor, "message.ingested", "message", id, null, summary(parsed, boxes));
    return new Stored(id, parsed.message().getInternetMessageId(), boxes.size(), parsed.warnings());
  }

  /** Stores a message described by metadata. */
  public Stored ingestMetadata(MessageMetadata meta, String actor) {
    if (meta == null) {
      throw new BadRequestException(null, "the body must be a JSON object describing the message");
    }
    if (meta.from() == null || !ADDRESS.matcher(meta.from().strip()).matches()) {
      throw new BadRequestException("from", "'from' must be an email address");
    }
    List<String> boxes = validMailboxes(meta.mailboxes());
    Organisation org = organisation.current();
    String id = Ids.next("msg");
    Instant now = clock.instant();
    String from = meta.from().strip().toLowerCase(Locale.ROOT);
    Map<String, String> auth = meta.authentication() == null ? Map.of() : meta.authentication();
    List<String> recipients = meta.to() == null ? List.of() : meta.to();
    Message m =
        new Message()
            .setId(id)
            .setInternetMessageId(
                meta.internetMessageId() == null
                    ? null
                    : meta.internetMessageId().strip().replaceAll("^<|>$", ""))
            .setSenderAddress(from)
            .setSenderDisplayName(meta.fromName())
            .setSenderDomain(domainOf(from))
            .setReplyTo(meta.replyTo())
            .setReplyToDomain(domainOf(meta.replyTo()))
            .setReturnPath(meta.returnPath())
            .setReturnPathDomain(domainOf(meta.returnPath()))
            .setRecipients(recipients)
            .setSubject(meta.subject())
            .setReceivedAt(meta.receivedAt() == null ? now : meta.receivedAt())
            .setDirection(direction(org, from, recipients, boxes))
            .setSenderIp(meta.senderIp())
            .setSpf(AuthResult.parse(auth.get("spf")))
            .setDkim(AuthResult.parse(auth.get("dkim")))
            .setDmarc(AuthResult.parse(auth.get("dmarc")))
            .setCompauth(AuthResult.parse(auth.get("compauth")))
            .setBodyText(meta.body());
    List<Link> links = new ArrayList<>();
    List<Link> pictureLinks = new ArrayList<>();
    if (meta.links() != null) {
      for (int i = 0; i < meta.links().size(); i++) {
        MessageMetadata.LinkMetadata l = meta.links().get(i);
        if (l == null || l.url() == null || l.url().isBlank()) {
          throw new BadRequestException("links[" + i + "].url", "every link needs a 'url'");
        }
        String host = Domains.hostOf(l.url());
        String shownHost = l.text() == null ? null : Domains.hostOf(l.text());
        Link link =
            new Link(
                id, l.url().strip(), host, Domains.registrableDomain(host), l.text(), shownHost);
        links.add(link);
        if (Boolean.TRUE.equals(l.image())) {
          pictureLinks.add(link);
        }
      }
    }
    m.setLinkedImagesFrom(pictureLinks);
    List<Attachment> attachments = new ArrayList<>();
    if (meta.attachments() != null) {
      for (int i = 0; i < meta.attachments().size(); i++) {
        MessageMetadata.AttachmentMetadata a = meta.attachments().get(i);
        if (a == null) {
          throw new BadRequestException("attachments[" + i + "]", "attachment must be an object");
        }
        if (a.sha256() != null && !SHA256.matcher(a.sha256()).matches()) {
          throw new BadRequestException(
              "attachments[" + i + "].sha256", "'sha256' must be 64 hexadecimal digits");
        }
        attachments.add(
            new Attachment(
                id,
                a.name(),
                a.contentType(),
                a.detectedType(),
                a.size() == null ? 0 : a.size(),
                a.sha256()));
      }
    }
    ParsedMessage parsed = new ParsedMessage(m, links, attachments, List.of());
    store.save(parsed, null, boxes, now);
    audit.record(actor, "message.ingested", "message", id, null, summary(parsed, boxes));
    return new Stored(id, m.getInternetMessageId(), boxes.size(), List.of());
  }

  private static Direction direction(
      Organisation org, String from, List<String> recipients, List<String> mailboxes) {
    if (org.getAcceptedDomains().isEmpty()) {
      return Direction.UNKNOWN;
    }
    List<String> all = new ArrayList<>(recipients);
    all.addAll(mailboxes);
    boolean internalSender = org.isInternalAddress(from);
    boolean anyExternal = all.stream().anyMatch(r -> !org.isInternalAddress(r));
    if (!internalSender) {
      return Direction.INBOUND;
    }
    return anyExternal ? Direction.OUTBOUND : Direction.INTRA_ORG;
  }

  private static List<String> validMailboxes(List<String> mailboxes) {
    List<String> out = new ArrayList<>();
    if (mailboxes == null) {
      return out;
    }
    for (String m : mailboxes) {
      if (m == null || !ADDRESS.matcher(m.strip()).matches()) {
        throw new BadRequestException(
            "mailbox", "every mailbox must be an email address, got '" + m + "'");
      }
      String lower = m.strip().toLowerCase(Locale.ROOT);
      if (!out.contains(lower)) {
        out.add(lower);
      }
    }
    return out;
  }

  private static String domainOf(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? null : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> summary(ParsedMessage parsed, List<String> mailboxes) {
    Message m = parsed.message();
    return Map.of(
        "from", String.valueOf(m.getSenderAddress()),
        "subject", String.valueOf(m.getSubject()),
        "mailboxes", mailboxes,
        "links", parsed.links().size(),
        "attachments", parsed.attachments().size());
  }
}
