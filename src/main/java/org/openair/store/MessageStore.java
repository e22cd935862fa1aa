package org.openair.store;

import static org.openair.store.Db.instant;
import static org.openair.store.Db.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.openair.domain.AlertType;
import org.openair.domain.Attachment;
import org.openair.domain.AuthResult;
import org.openair.domain.Delivery;
import org.openair.domain.Direction;
import org.openair.domain.Link;
import org.openair.domain.Message;
import org.openair.domain.Report;
import org.openair.intake.ParsedMessage;

/** Messages, their copies in mailboxes, links and attachments, and the raw bytes of each. */
@ApplicationScoped
public class MessageStore {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String MESSAGE_COLUMNS =
      "id, internet_message_id, sender_address, sender_display_name, sender_domain, reply_to,"
          + " reply_to_domain, return_path, return_path_domain, recipients, subject, received_at,"
          + " direction, sender_ip, spf, dkim, dmarc, compauth, body_text, size_bytes,"
          + " sender_mailbox, linked_images, linked_image_domains, sender_anomaly,"
          + " hidden_content, contact_form";

  private final Db db;
  private final ObjectMapper json;

  @Inject
  public MessageStore(Db db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  /** The key shared by messages from one sender with one normalised subject. */
  public static String clusterKey(String senderAddress, String subject) {
    String basis =
        (senderAddress == null ? "" : senderAddress) + "\n" + Message.normalizeSubject(subject);
    return sha256(basis);
  }

  /** The key links and clicks are indexed by: the SHA-256 of the URL as found. */
  public static String urlKey(String url) {
    return sha256(url == null ? "" : url);
  }

  private static String sha256(String s) {
    return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString();
  }

  /**
   * Stores a parsed message with its deliveries in one transaction; {@code raw} may be null for
   * messages that arrived as metadata only.
   */
  public void save(ParsedMessage parsed, byte[] raw, List<String> mailboxes, Instant deliveredAt) {
    db.inTransaction(
        c -> {
          insertMessage(c, parsed);
          if (raw != null) {
            try (PreparedStatement ps =
                c.prepareStatement("insert into message_raw (message_id, content) values (?, ?)")) {
              ps.setString(1, parsed.message().getId());
              ps.setBytes(2, raw);
              ps.executeUpdate();
            }
          }
          insertDeliveries(c, parsed.message().getId(), mailboxes, deliveredAt);
          return null;
        });
  }

  /**
   * Records further copies of a stored message, for mailboxes that do not hold one yet; returns how
   * many were added.
   */
  public int addDeliveries(String messageId, List<String> mailboxes, Instant deliveredAt) {
    return db.inTransaction(
        c -> {
          List<String> held = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("select mailbox from deliveries where message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                held.add(rs.getString(1));
              }
            }
          }
          List<String> added = new ArrayList<>();
          for (String m : mailboxes) {
            String box = m.strip().toLowerCase(java.util.Locale.ROOT);
            if (!held.contains(box) && !added.contains(box)) {
              added.add(box);
            }
          }
          insertDeliveries(c, messageId, added, deliveredAt);
          return added.size();
        });
  }

  /** The message's sender-and-subject cluster key as stored. */
  public Optional<String> clusterKeyOf(String messageId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select cluster_key from messages where id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  private void insertMessage(Connection c, ParsedMessage parsed) throws SQLException {
    Message m = parsed.message();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into messages ("
                + MESSAGE_COLUMNS
                + ", cluster_key, parse_warnings, created_at)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int i = 1;
      ps.setString(i++, m.getId());
      ps.setString(i++, cut(m.getInternetMessageId(), 1000));
      ps.setString(i++, cut(m.getSenderAddress(), 400));
      ps.setString(i++, cut(m.getSenderDisplayName(), 1000));
      ps.setString(i++, cut(m.getSenderDomain(), 255));
      ps.setString(i++, cut(m.getReplyTo(), 400));
      ps.setString(i++, cut(m.getReplyToDomain(), 255));
      ps.setString(i++, cut(m.getReturnPath(), 400));
      ps.setString(i++, cut(m.getReturnPathDomain(), 255));
      ps.setString(i++, toJson(m.getRecipients()));
      ps.setString(i++, cut(m.getSubject(), 2000));
      ps.setTimestamp(i++, ts(m.getReceivedAt()));
      ps.setString(i++, m.getDirection().name());
      ps.setString(i++, cut(m.getSenderIp(), 64));
      ps.setString(i++, m.getSpf().name());
      ps.setString(i++, m.getDkim().name());
      ps.setString(i++, m.getDmarc().name());
      ps.setString(i++, m.getCompauth().name());
      ps.setString(i++, m.getBodyText());
      ps.setLong(i++, m.getSize());
      ps.setString(i++, cut(m.getSenderMailbox(), 200));
      ps.setInt(i++, m.getLinkedImages());
      ps.setString(
          i++, m.getLinkedImageDomains().isEmpty() ? null : toJson(m.getLinkedImageDomains()));
      ps.setString(i++, cut(m.getSenderAnomaly(), 300));
      ps.setString(i++, cut(m.getHiddenContent(), 300));
      ps.setString(i++, cut(m.getContactForm(), 300));
      ps.setString(i++, clusterKey(m.getSenderAddress(), m.getSubject()));
      ps.setString(i++, parsed.warnings().isEmpty() ? null : toJson(parsed.warnings()));
      ps.setTimestamp(i, ts(Instant.now()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into links (message_id, position, url, url_key, host, registrable_domain,"
                + " displayed_text, displayed_host, form_asks) values (?,?,?,?,?,?,?,?,?)")) {
      int position = 0;
      for (Link l : parsed.links()) {
        ps.setString(1, m.getId());
        ps.setInt(2, position++);
        ps.setString(3, cut(l.getUrl(), 4000));
        ps.setString(4, urlKey(l.getUrl()));
        ps.setString(5, cut(l.getHost(), 400));
        ps.setString(6, cut(l.getRegistrableDomain(), 400));
        ps.setString(7, cut(l.getDisplayedText(), 2000));
        ps.setString(8, cut(l.getDisplayedHost(), 400));
        ps.setString(9, l.getForm());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into attachments (message_id, position, file_name, declared_type,"
                + " detected_type, size_bytes, sha256) values (?,?,?,?,?,?,?)")) {
      int position = 0;
      for (Attachment a : parsed.attachments()) {
        ps.setString(1, m.getId());
        ps.setInt(2, position++);
        ps.setString(3, cut(a.getFileName(), 1000));
        ps.setString(4, cut(a.getDeclaredType(), 255));
        ps.setString(5, cut(a.getDetectedType(), 255));
        ps.setLong(6, a.getSize());
        ps.setString(7, a.getSha256());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void insertDeliveries(
      Connection c, String messageId, Collection<String> mailboxes, Instant deliveredAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into deliveries (id, message_id, mailbox, folder, delivered_at)"
                + " values (?,?,?,?,?)")) {
      for (String mailbox : mailboxes) {
        ps.setString(1, Ids.next("dlv"));
        ps.setString(2, messageId);
        ps.setString(3, mailbox.strip().toLowerCase(java.util.Locale.ROOT));
        ps.setString(4, Delivery.INBOX);
        ps.setTimestamp(5, ts(deliveredAt));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public Optional<Message> message(String id) {
    return db.read(
        c -> {
          List<Message> found =
              messages(c, "select " + MESSAGE_COLUMNS + " from messages where id = ?", id);
          return found.stream().findFirst();
        });
  }

  /** The newest message with this Message-ID header (angle brackets optional). */
  public Optional<Message> byInternetMessageId(String internetMessageId) {
    String bare = internetMessageId.strip().replaceAll("^<|>$", "");
    return db.read(
        c ->
            messages(
                    c,
                    "select "
                        + MESSAGE_COLUMNS
                        + " from messages where internet_message_id = ?"
                        + " order by received_at desc",
                    bare)
                .stream()
                .findFirst());
  }

  /** Messages with the same sender and normalised subject received since {@code since}. */
  public List<Message> similar(String clusterKey, Instant since, int limit) {
    return db.read(
        c ->
            messages(
                c,
                "select "
                    + MESSAGE_COLUMNS
                    + " from messages where cluster_key = ? and received_at >= ?"
                    + " order by received_at desc limit "
                    + limit,
                clusterKey,
                ts(since)));
  }

  /** Messages carrying a link to exactly this URL, received since {@code since}. */
  public List<Message> withUrl(String url, Instant since, int limit) {
    return db.read(
        c ->
            messages(
                c,
                "select "
                    + prefixed("m")
                    + " from messages m where m.id in"
                    + " (select l.message_id from links l where l.url_key = ?)"
                    + " and m.received_at >= ? order by m.received_at desc limit "
                    + limit,
                urlKey(url),
                ts(since)));
  }

  /** Messages carrying an attachment with this SHA-256, received since {@code since}. */
  public List<Message> withAttachment(String sha256, Instant since, int limit) {
    return db.read(
        c ->
            messages(
                c,
                "select "
                    + prefixed("m")
                    + " from messages m where m.id in"
                    + " (select a.message_id from attachments a where a.sha256 = ?)"
                    + " and m.received_at >= ? order by m.received_at desc limit "
                    + limit,
                sha256.toLowerCase(java.util.Locale.ROOT),
                ts(since)));
  }

  /** Messages a mailbox sent since {@code since}. */
  public List<Message> sentBy(String mailbox, Instant since, int limit) {
    return db.read(
        c ->
            messages(
                c,
                "select "
                    + MESSAGE_COLUMNS
                    + " from messages where sender_address = ? and received_at >= ?"
                    + " order by received_at desc limit "
                    + limit,
                mailbox.toLowerCase(java.util.Locale.ROOT),
                ts(since)));
  }

  /**
   * Messages from one sender address received between {@code since} and {@code until}, oldest
   * first: how long the organisation has known the sender.
   */
  public List<Message> fromSender(String address, Instant since, Instant until, int limit) {
    return db.read(
        c ->
            messages(
                c,
                "select "
                    + MESSAGE_COLUMNS
                    + " from messages where sender_address = ? and received_at >= ?"
                    + " and received_at <= ? order by received_at limit "
                    + limit,
                address.toLowerCase(java.util.Locale.ROOT),
                ts(since),
                ts(until)));
  }

  /** Most ids one query binds; larger sets are asked in parts. */
  private static final int IDS_PER_QUERY = 500;

  /**
   * Users' reports (user-reported alerts) of any of these messages since {@code since}, oldest
   * first. The ids are asked {@link #IDS_PER_QUERY} at a time, and the time is checked here: next
   * to a long IN list, H2 turns a range condition into a scan of the index, 300 ms for 500 ids
   * where the query without it takes 10.
   */
  public List<Report> reports(Collection<String> messageIds, Instant since) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(messageIds));
    List<Report> found = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      List<Object> params = new ArrayList<>(part);
      params.add(AlertType.USER_REPORTED.code());
      for (Report r :
          db.list(
              "select id, message_id, reported_by, occurred_at from alerts where message_id in ("
                  + placeholders(part.size())
                  + ") and type = ?",
              rs ->
                  new Report(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      instant(rs.getTimestamp(4))),
              params.toArray())) {
        if (!r.getReportedAt().isBefore(since)) {
          found.add(r);
        }
      }
    }
    found.sort(Comparator.comparing(Report::getReportedAt));
    return found;
  }

  public List<Delivery> deliveries(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return List.of();
    }
    return db.list(
        "select id, message_id, mailbox, folder, delivered_at from deliveries"
            + " where message_id in ("
            + placeholders(messageIds.size())
            + ")",
        rs ->
            new Delivery(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                instant(rs.getTimestamp(5))),
        messageIds.toArray());
  }

  public List<Link> links(String messageId) {
    return db.list(
        "select url, host, registrable_domain, displayed_text, displayed_host, form_asks"
            + " from links where message_id = ? order by position",
        rs ->
            new Link(
                messageId,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)),
        messageId);
  }

  public List<Attachment> attachments(String messageId) {
    return db.list(
        "select file_name, declared_type, detected_type, size_bytes, sha256"
            + " from attachments where message_id = ? order by position",
        rs ->
            new Attachment(
                messageId,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5)),
        messageId);
  }

  /** The raw RFC 822 bytes kept for re-analysis, when the message arrived raw. */
  public Optional<byte[]> raw(String messageId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select content from message_raw where message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
          }
        });
  }

  /** Moves copies of messages to another folder; returns how many rows changed. */
  public int moveDeliveries(Connection c, Collection<String> deliveryIds, String folder)
      throws SQLException {
    if (deliveryIds.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update deliveries set folder = ? where id in ("
                + placeholders(deliveryIds.size())
                + ")")) {
      ps.setString(1, folder);
      int i = 2;
      for (String id : deliveryIds) {
        ps.setString(i++, id);
      }
      return ps.executeUpdate();
    }
  }

  private List<Message> messages(Connection c, String sql, Object... params) throws SQLException {
    return Db.query(c, sql, this::toMessage, params);
  }

  private Message toMessage(ResultSet rs) throws SQLException {
    int i = 1;
    return new Message()
        .setId(rs.getString(i++))
        .setInternetMessageId(rs.getString(i++))
        .setSenderAddress(rs.getString(i++))
        .setSenderDisplayName(rs.getString(i++))
        .setSenderDomain(rs.getString(i++))
        .setReplyTo(rs.getString(i++))
        .setReplyToDomain(rs.getString(i++))
        .setReturnPath(rs.getString(i++))
        .setReturnPathDomain(rs.getString(i++))
        .setRecipients(fromJson(rs.getString(i++)))
        .setSubject(rs.getString(i++))
        .setReceivedAt(instant(rs.getTimestamp(i++)))
        .setDirection(Direction.valueOf(rs.getString(i++)))
        .setSenderIp(rs.getString(i++))
        .setSpf(AuthResult.valueOf(rs.getString(i++)))
        .setDkim(AuthResult.valueOf(rs.getString(i++)))
        .setDmarc(AuthResult.valueOf(rs.getString(i++)))
        .setCompauth(AuthResult.valueOf(rs.getString(i++)))
        .setBodyText(rs.getString(i++))
        .setSize(rs.getLong(i++))
        .setSenderMailbox(rs.getString(i++))
        .setLinkedImages(rs.getInt(i++))
        .setLinkedImageDomains(fromJson(rs.getString(i++)))
        .setSenderAnomaly(rs.getString(i++))
        .setHiddenContent(rs.getString(i++))
        .setContactForm(rs.getString(i));
  }

  private static String prefixed(String alias) {
    return alias + "." + MESSAGE_COLUMNS.replace(", ", ", " + alias + ".");
  }

  static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> fromJson(String value) {
    if (value == null) {
      return List.of();
    }
    try {
      return json.readValue(value, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
