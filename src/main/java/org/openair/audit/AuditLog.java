package org.openair.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.openair.store.Db;

/**
 * The append-only audit log. Each entry's hash covers its content and the previous entry's hash, so
 * altering or removing a row breaks the chain at that row.
 *
 * <p>Design note: appends are serialised by a lock held across the read of the chain's head and the
 * insert, and each append commits on its own connection, so a caller's rollback never leaves a gap
 * in the chain. This assumes one OpenAIR process writes to the database.
 */
@ApplicationScoped
public class AuditLog {
  private static final Logger LOG = Logger.getLogger(AuditLog.class);
  static final String GENESIS = "0".repeat(64);

  private final Db db;
  private final ObjectMapper json;
  private final Clock clock;
  private final Object lock = new Object();

  @Inject
  public AuditLog(Db db, ObjectMapper json, Clock clock) {
    this.db = db;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Appends an entry. {@code before} and {@code after} are serialised to JSON (null allowed).
   *
   * @param actor the user name, {@code system} or {@code automation}
   * @param event a dotted name such as {@code action.approved}
   */
  public AuditEntry record(
      String actor, String event, String entityType, String entityId, Object before, Object after) {
    String beforeJson = toJson(before);
    String afterJson = toJson(after);
    synchronized (lock) {
      return db.inTransaction(
          c -> {
            long seq = 1;
            String prev = GENESIS;
            try (PreparedStatement ps =
                    c.prepareStatement(
                        "select seq, hash from audit_log order by seq desc limit 1");
                ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
              }
            }
            // Both databases keep microseconds; truncating first keeps the hash stable.
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditEntry entry =
                new AuditEntry(
                    seq, at, actor, event, entityType, entityId, beforeJson, afterJson, prev, null);
            String hash = hash(entry);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "insert into audit_log (seq, at, actor, event, entity_type, entity_id,"
                        + " before_state, after_state, prev_hash, hash)"
                        + " values (?,?,?,?,?,?,?,?,?,?)")) {
              ps.setLong(1, seq);
              ps.setTimestamp(2, Timestamp.from(at));
              ps.setString(3, actor);
              ps.setString(4, event);
              ps.setString(5, entityType);
              ps.setString(6, entityId);
              ps.setString(7, beforeJson);
              ps.setString(8, afterJson);
              ps.setString(9, prev);
              ps.setString(10, hash);
              ps.executeUpdate();
            }
            return entry.withHash(hash);
          });
    }
  }

  /** Entries matching the filter, oldest first. */
  public List<AuditEntry> list(AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "select seq, at, actor, event, entity_type, entity_id, before_state, after_state,"
                + " prev_hash, hash from audit_log where seq > ?");
    List<Object> params = new ArrayList<>();
    params.add(query.afterSeq());
    if (query.actor() != null) {
      sql.append(" and actor = ?");
      params.add(query.actor());
    }
    if (query.event() != null) {
      sql.append(" and event like ?");
      params.add(query.event().replace("*", "%"));
    }
    if (query.entityType() != null) {
      sql.append(" and entity_type = ?");
      params.add(query.entityType());
    }
    if (query.until() != null) {
      sql.append(" and at < ?");
      params.add(Timestamp.from(query.until()));
    }
    if (query.entityId() != null) {
      sql.append(" and entity_id = ?");
      params.add(query.entityId());
    }
    if (query.since() != null) {
      sql.append(" and at >= ?");
      params.add(Timestamp.from(query.since()));
    }
    sql.append(" order by seq limit ").append(query.limit());
    return db.read(
        c -> {
          List<AuditEntry> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
              ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
          }
          return out;
        });
  }

  /** Walks the whole chain; returns the first entry whose link or hash is wrong, if any. */
  public Optional<ChainBreak> verify() {
    return db.read(
        c -> {
          String prev = GENESIS;
          long expectedSeq = 1;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select seq, at, actor, event, entity_type, entity_id, before_state,"
                      + " after_state, prev_hash, hash from audit_log order by seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                AuditEntry e = read(rs);
                if (e.seq() != expectedSeq) {
                  return Optional.of(
                      new ChainBreak(expectedSeq, "entry " + expectedSeq + " is missing"));
                }
                if (!e.prevHash().equals(prev)) {
                  return Optional.of(
                      new ChainBreak(e.seq(), "does not link to the entry before it"));
                }
                if (!hash(e).equals(e.hash())) {
                  return Optional.of(
                      new ChainBreak(e.seq(), "content does not match its hash (altered)"));
                }
                prev = e.hash();
                expectedSeq++;
              }
            }
          }
          return Optional.empty();
        });
  }

  private static AuditEntry read(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10));
  }

  static String hash(AuditEntry e) {
    String content =
        String.join(
            "\u001f",
            e.prevHash(),
            Long.toString(e.seq()),
            Long.toString(e.at().getEpochSecond()),
            Integer.toString(e.at().getNano() / 1000),
            e.actor(),
            e.event(),
            String.valueOf(e.entityType()),
            String.valueOf(e.entityId()),
            String.valueOf(e.before()),
            String.valueOf(e.after()));
    return Hashing.sha256().hashString(content, StandardCharsets.UTF_8).toString();
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      LOG.warnf("Audit state of type %s could not be serialised", value.getClass().getName());
      return String.valueOf(value);
    }
  }
}
