package org.openair.intel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openair.domain.Attachment;
import org.openair.domain.ClusterMember;
import org.openair.domain.IndicatorMatch;
import org.openair.domain.IntelHit;
import org.openair.domain.Link;
import org.openair.domain.LookupKind;
import org.openair.domain.Message;
import org.openair.intake.Domains;
import org.openair.store.Db;
import org.openair.store.MessageStore;

/**
 * Finds stored messages delivered since a time that match indicators: one indexed query per
 * indicator (links by host or registrable domain, attachments by SHA-256, senders by address,
 * domain or IP), or one scan of the window's deliveries matched against an index of many new
 * indicators. Links are compared after {@link Normalizer#url} so that spelling differences do not
 * hide a match.
 */
@ApplicationScoped
public class IntelMatches {
  private static final int CHUNK = 500;

  private final Db db;
  private final MessageStore messages;

  @Inject
  public IntelMatches(Db db, MessageStore messages) {
    this.db = db;
    this.messages = messages;
  }

  /**
   * Messages matching {@code indicator} with a delivery since {@code since}, most recently
   * delivered first, each with its number of deliveries in the window.
   */
  public Map<String, Integer> delivered(Indicator indicator, Instant since, int limit) {
    return db.read(c -> delivered(c, indicator, since, limit));
  }

  /** {@link #delivered(Indicator, Instant, int)} on a connection the caller holds. */
  static Map<String, Integer> delivered(Connection c, Indicator indicator, Instant since, int limit)
      throws SQLException {
    return deliveredIn(c, candidates(c, indicator, since), since, limit);
  }

  /**
   * For many new indicators at once: every message delivered since {@code since} matched against an
   * index of just those indicators. Returns, per indicator key ({@code source|type:value}), the
   * matching messages with their delivery counts.
   */
  public Map<String, Map<String, Integer>> scan(
      IntelIndex fresh, Instant since, Instant now, int limit) {
    return db.read(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select distinct message_id from deliveries where delivered_at >= ?")) {
            ps.setTimestamp(1, Db.ts(since));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          Map<String, Set<String>> byIndicator = new LinkedHashMap<>();
          for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (Message m : light(c, chunk)) {
              for (Object f :
                  MessageMatcher.facts(
                      fresh, m, linksOf(c, m.getId()), attachmentsOf(c, m.getId()), now)) {
                if (f instanceof IntelHit h) {
                  String key =
                      h.getSource() + "|" + h.getIndicatorType() + ":" + h.getIndicatorValue();
                  Set<String> set = byIndicator.computeIfAbsent(key, k -> new LinkedHashSet<>());
                  if (set.size() < limit) {
                    set.add(m.getId());
                  }
                }
              }
            }
          }
          Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
          for (Map.Entry<String, Set<String>> e : byIndicator.entrySet()) {
            out.put(e.getKey(), deliveredIn(c, e.getValue(), since, limit));
          }
          return out;
        });
  }

  /**
   * The answer to an {@link LookupKind#INTEL_MATCH} lookup ({@code key} is {@code type:value}):
   * each matching message delivered since {@code since}, its cluster member, deliveries and links.
   */
  public List<Object> lookup(String key, Instant since, int limit) {
    Optional<Indicator> indicator = parseKey(key);
    if (indicator.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> found = delivered(indicator.get(), since, limit);
    List<Object> facts = new ArrayList<>();
    for (String id : found.keySet()) {
      messages
          .message(id)
          .ifPresent(
              m -> {
                facts.add(m);
                facts.add(new ClusterMember(id, LookupKind.INTEL_MATCH, key));
                facts.add(new IndicatorMatch(id, key));
                facts.addAll(messages.links(id));
              });
    }
    facts.addAll(messages.deliveries(found.keySet()));
    return facts;
  }

  /** An indicator from a lookup key {@code type:value}, with the value normalised. */
  static Optional<Indicator> parseKey(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    Optional<IndicatorType> type = IndicatorType.fromCode(key.substring(0, colon));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      String value = Normalizer.normalize(type.get(), key.substring(colon + 1));
      return Optional.of(Indicator.of(type.get(), value, "lookup", IndicatorVerdict.MALICIOUS, 0));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Collection<String> candidates(Connection c, Indicator i, Instant since)
      throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    String v = i.value();
    switch (i.type()) {
      case URL -> {
        String host = hostOfCanonical(v);
        for (String[] row : rows(c, "select message_id, url from links where host = ?", host)) {
          if (sameUrl(row[1], v)) {
            ids.add(row[0]);
          }
        }
      }
      case DOMAIN -> {
        String registrable = Domains.registrableDomain(v);
        for (String[] row :
            rows(
                c,
                "select message_id, host from links where registrable_domain = ?",
                registrable)) {
          if (row[1] != null && (row[1].equals(v) || row[1].endsWith("." + v))) {
            ids.add(row[0]);
          }
        }
        // A suffix cannot use an index, so the distinct sender domains (an index-only read on
        // both databases) are filtered here and then fetched by the index.
        List<String> domains = new ArrayList<>();
        for (String[] row :
            rows(
                c, "select distinct sender_domain from messages where sender_domain is not null")) {
          if (row[0].equals(v) || row[0].endsWith("." + v)) {
            domains.add(row[0]);
          }
        }
        for (int from = 0; from < domains.size(); from += CHUNK) {
          List<String> chunk = domains.subList(from, Math.min(domains.size(), from + CHUNK));
          for (String[] row :
              rows(
                  c,
                  "select id from messages where sender_domain in ("
                      + placeholders(chunk.size())
                      + ")",
                  chunk.toArray())) {
            ids.add(row[0]);
          }
        }
      }
      case IP -> {
        for (String[] row : rows(c, "select id from messages where sender_ip = ?", v)) {
          ids.add(row[0]);
        }
        for (String[] row : rows(c, "select message_id from links where host = ?", v)) {
          ids.add(row[0]);
        }
      }
      case CIDR -> {
        IntelIndex range = IntelIndex.empty().with("hunt", List.of(i));
        for (String[] row :
            rows(
                c,
                "select m.id, m.sender_ip from messages m where m.sender_ip is not null and m.id"
                    + " in (select d.message_id from deliveries d where d.delivered_at >= ?)",
                Db.ts(since))) {
          if (!range.matchIp(row[1]).isEmpty()) {
            ids.add(row[0]);
          }
        }
      }
      case SHA256 -> {
        for (String[] row : rows(c, "select message_id from attachments where sha256 = ?", v)) {
          ids.add(row[0]);
        }
      }
      case EMAIL -> {
        for (String[] row : rows(c, "select id from messages where sender_address = ?", v)) {
          ids.add(row[0]);
        }
      }
      case SUBJECT -> {
        IntelIndex one = IntelIndex.empty().with("hunt", List.of(i));
        for (String[] row :
            rows(
                c,
                "select m.id, m.subject from messages m where m.id in"
                    + " (select d.message_id from deliveries d where d.delivered_at >= ?)",
                Db.ts(since))) {
          if (!one.matchPattern(IndicatorType.SUBJECT, row[1]).isEmpty()) {
            ids.add(row[0]);
          }
        }
      }
      case FILENAME -> {
        IntelIndex one = IntelIndex.empty().with("hunt", List.of(i));
        for (String[] row :
            rows(
                c,
                "select a.message_id, a.file_name from attachments a where a.message_id in"
                    + " (select d.message_id from deliveries d where d.delivered_at >= ?)",
                Db.ts(since))) {
          if (!one.matchPattern(IndicatorType.FILENAME, row[1]).isEmpty()) {
            ids.add(row[0]);
          }
        }
      }
      case SHA1, MD5 -> {
        // Intake keeps only SHA-256 of attachments, so these cannot be hunted in the store.
      }
    }
    return ids;
  }

  private static boolean sameUrl(String stored, String canonical) {
    try {
      return Normalizer.url(stored).equals(canonical);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String hostOfCanonical(String url) {
    int start = url.indexOf("://") + 3;
    int end = start;
    if (url.charAt(start) == '[') {
      end = url.indexOf(']', start) + 1;
    } else {
      while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != ':') {
        end++;
      }
    }
    return url.substring(start, end);
  }

  private static Map<String, Integer> deliveredIn(
      Connection c, Collection<String> ids, Instant since, int limit) throws SQLException {
    List<String> all = new ArrayList<>(ids);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Instant> latest = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement ps =
          c.prepareStatement(
              "select message_id, count(*), max(delivered_at) from deliveries"
                  + " where delivered_at >= ? and message_id in ("
                  + placeholders(chunk.size())
                  + ") group by message_id")) {
        ps.setTimestamp(1, Db.ts(since));
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            counts.put(rs.getString(1), rs.getInt(2));
            latest.put(rs.getString(1), Db.instant(rs.getTimestamp(3)));
          }
        }
      }
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.keySet().stream()
        .sorted(
            (a, b) -> {
              int byTime = latest.get(b).compareTo(latest.get(a));
              return byTime != 0 ? byTime : a.compareTo(b);
            })
        .limit(limit)
        .forEach(id -> out.put(id, counts.get(id)));
    return out;
  }

  private List<Message> light(Connection c, List<String> ids) throws SQLException {
    List<Message> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, sender_address, sender_domain, reply_to, reply_to_domain, return_path,"
                + " sender_ip, subject from messages where id in ("
                + placeholders(ids.size())
                + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setString(i + 1, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Message()
                  .setId(rs.getString(1))
                  .setSenderAddress(rs.getString(2))
                  .setSenderDomain(rs.getString(3))
                  .setReplyTo(rs.getString(4))
                  .setReplyToDomain(rs.getString(5))
                  .setReturnPath(rs.getString(6))
                  .setSenderIp(rs.getString(7))
                  .setSubject(rs.getString(8)));
        }
      }
    }
    return out;
  }

  private List<Link> linksOf(Connection c, String messageId) throws SQLException {
    List<Link> out = new ArrayList<>();
    for (String[] row : rows(c, "select url, host from links where message_id = ?", messageId)) {
      out.add(new Link(messageId, row[0], row[1], null, null, null));
    }
    return out;
  }

  private List<Attachment> attachmentsOf(Connection c, String messageId) throws SQLException {
    List<Attachment> out = new ArrayList<>();
    for (String[] row :
        rows(c, "select file_name, sha256 from attachments where message_id = ?", messageId)) {
      out.add(new Attachment(messageId, row[0], null, null, 0, row[1]));
    }
    return out;
  }

  private static List<String[]> rows(Connection c, String sql, Object... params)
      throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          String[] row = new String[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getString(i + 1);
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  private static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }
}
