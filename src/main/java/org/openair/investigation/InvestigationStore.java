package org.openair.investigation;

import static org.openair.store.Db.bind;
import static org.openair.store.Db.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openair.domain.AlertType;
import org.openair.domain.Verdict;
import org.openair.store.Db;

/**
 * Alerts and investigations. The investigations table doubles as the durable queue: a row in {@code
 * queued} waits for a worker, which claims it by moving it to {@code running}.
 */
@ApplicationScoped
public class InvestigationStore {
  private static final String COLUMNS =
      "id, alert_id, playbook, status, verdict, threat_kind, rule_set_id, attempts, error,"
          + " result, created_at, started_at, finished_at, updated_at";

  private final Db db;

  @Inject
  public InvestigationStore(Db db) {
    this.db = db;
  }

  /** Stores an alert and its queued investigation in one transaction. */
  public void createQueued(AlertRecord alert, String investigationId, Instant now) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into alerts (id, type, message_id, internet_message_id, url, user_name,"
                      + " reported_by, occurred_at, created_at, created_by)"
                      + " values (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, alert.id());
            ps.setString(2, alert.type().code());
            ps.setString(3, alert.messageId());
            ps.setString(4, alert.internetMessageId());
            ps.setString(5, alert.url());
            ps.setString(6, alert.user());
            ps.setString(7, alert.reportedBy());
            ps.setTimestamp(8, Timestamp.from(alert.occurredAt()));
            ps.setTimestamp(9, Timestamp.from(alert.createdAt()));
            ps.setString(10, alert.createdBy());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into investigations (id, alert_id, playbook, status, verdict, attempts,"
                      + " created_at, updated_at) values (?,?,?,?,?,0,?,?)")) {
            ps.setString(1, investigationId);
            ps.setString(2, alert.id());
            ps.setString(3, alert.type().playbook());
            ps.setString(4, InvestigationStatus.QUEUED.code());
            ps.setString(5, Verdict.UNKNOWN.code());
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
          }
          return null;
        });
  }

  public Optional<AlertRecord> alert(String id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, type, message_id, internet_message_id, url, user_name, reported_by,"
                      + " occurred_at, created_at, created_by from alerts where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new AlertRecord(
                      rs.getString(1),
                      AlertType.fromCode(rs.getString(2)).orElseThrow(),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getTimestamp(8).toInstant(),
                      rs.getTimestamp(9).toInstant(),
                      rs.getString(10)));
            }
          }
        });
  }

  public Optional<InvestigationRecord> find(String id) {
    return db.read(c -> findIn(c, id));
  }

  public Optional<InvestigationRecord> findIn(Connection c, String id) throws SQLException {
    return findIn(c, id, "");
  }

  /**
   * The investigation, its row locked until {@code c} commits: whoever then reads its actions sees
   * every decision committed before, so two actions finishing at once cannot each miss the other.
   */
  public Optional<InvestigationRecord> lockIn(Connection c, String id) throws SQLException {
    return findIn(c, id, " for update");
  }

  private Optional<InvestigationRecord> findIn(Connection c, String id, String lock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from investigations where id = ?" + lock)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** A page of investigations, newest first, optionally with one status. */
  public List<InvestigationRecord> list(InvestigationStatus status, int offset, int limit) {
    return db.read(
        c -> {
          String sql =
              "select "
                  + COLUMNS
                  + " from investigations"
                  + (status == null ? "" : " where status = ?")
                  + " order by created_at desc, id limit ? offset ?";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (status != null) {
              ps.setString(i++, status.code());
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            List<InvestigationRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  public long count(InvestigationStatus status) {
    return db.read(
        c -> {
          String sql =
              "select count(*) from investigations" + (status == null ? "" : " where status = ?");
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (status != null) {
              ps.setString(1, status.code());
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** What the console's list filters on; null fields match everything. */
  public record Filter(
      InvestigationStatus status,
      Verdict verdict,
      String playbook,
      Instant from,
      Instant to,
      String mailbox,
      String sender) {

    public static Filter all() {
      return new Filter(null, null, null, null, null, null, null);
    }
  }

  /** One line of the console's list: the investigation with its alert and message at a glance. */
  public record Listed(
      InvestigationRecord investigation,
      String alertType,
      String subject,
      String sender,
      String reportedBy) {}

  /** Investigations per verdict on one day (UTC), for the overview's chart. */
  public record DayCount(LocalDate day, String verdict, long count) {}

  /**
   * A page of investigations matching the filter, newest first. {@code mailbox} matches the
   * reporter, the alert's user or any mailbox the alert's message was delivered to; {@code sender}
   * matches part of the message's sender address; both ignore case.
   */
  public List<Listed> search(Filter filter, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String where = where(filter, params);
    params.add(limit);
    params.add(offset);
    String sql =
        "select "
            + prefixed("i.")
            + ", a.type, m.subject, m.sender_address, a.reported_by from investigations i"
            + " join alerts a on a.id = i.alert_id left join messages m on m.id = a.message_id"
            + where
            + " order by i.created_at desc, i.id limit ? offset ?";
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<Listed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Listed(
                        read(rs),
                        rs.getString(15),
                        rs.getString(16),
                        rs.getString(17),
                        rs.getString(18)));
              }
            }
            return out;
          }
        });
  }

  /** How many investigations match the filter. */
  public long count(Filter filter) {
    List<Object> params = new ArrayList<>();
    String sql =
        "select count(*) from investigations i join alerts a on a.id = i.alert_id"
            + " left join messages m on m.id = a.message_id"
            + where(filter, params);
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** How many investigations are in each status, in the order of {@link InvestigationStatus}. */
  public Map<InvestigationStatus, Long> countByStatus() {
    Map<InvestigationStatus, Long> out = new LinkedHashMap<>();
    for (InvestigationStatus s : InvestigationStatus.values()) {
      out.put(s, 0L);
    }
    db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select status, count(*) from investigations group by status");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String code = rs.getString(1);
              long n = rs.getLong(2);
              InvestigationStatus.fromCode(code).ifPresent(s -> out.put(s, n));
            }
          }
          return null;
        });
    return out;
  }

  /** Investigations created since {@code since}, counted per day and verdict. */
  public List<DayCount> verdictsByDay(Instant since) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select cast(created_at as date), verdict, count(*) from investigations"
                      + " where created_at >= ? group by cast(created_at as date), verdict")) {
            ps.setTimestamp(1, Timestamp.from(since));
            List<DayCount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new DayCount(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3)));
              }
            }
            return out;
          }
        });
  }

  private static String where(Filter f, List<Object> params) {
    StringBuilder w = new StringBuilder(" where 1 = 1");
    if (f.status() != null) {
      w.append(" and i.status = ?");
      params.add(f.status().code());
    }
    if (f.verdict() != null) {
      w.append(" and i.verdict = ?");
      params.add(f.verdict().code());
    }
    if (f.playbook() != null) {
      w.append(" and i.playbook = ?");
      params.add(f.playbook());
    }
    if (f.from() != null) {
      w.append(" and i.created_at >= ?");
      params.add(Timestamp.from(f.from()));
    }
    if (f.to() != null) {
      w.append(" and i.created_at < ?");
      params.add(Timestamp.from(f.to()));
    }
    if (f.mailbox() != null) {
      String mailbox = f.mailbox().strip().toLowerCase(Locale.ROOT);
      w.append(
          " and (lower(a.reported_by) = ? or lower(a.user_name) = ? or exists (select 1 from"
              + " deliveries d where d.message_id = a.message_id and lower(d.mailbox) = ?))");
      params.add(mailbox);
      params.add(mailbox);
      params.add(mailbox);
    }
    if (f.sender() != null) {
      w.append(" and lower(m.sender_address) like ? escape '!'");
      params.add("%" + likeEscaped(f.sender().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    return w.toString();
  }

  private static String likeEscaped(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String prefixed(String alias) {
    return alias + COLUMNS.replace(", ", ", " + alias);
  }

  /** Ids of queued investigations, oldest first. */
  public List<String> queued(int limit) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from investigations where status = ? order by created_at limit ?")) {
            ps.setString(1, InvestigationStatus.QUEUED.code());
            ps.setInt(2, limit);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
            return out;
          }
        });
  }

  /** Moves a queued investigation to running; false when another worker took it first. */
  public boolean claim(String id, Instant now) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update investigations set status = ?, started_at = ?, updated_at = ?,"
                      + " attempts = attempts + 1 where id = ? and status = ?")) {
            ps.setString(1, InvestigationStatus.RUNNING.code());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, id);
            ps.setString(5, InvestigationStatus.QUEUED.code());
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Puts investigations that were running when the process stopped back in the queue; returns their
   * ids.
   */
  public List<String> requeueInterrupted(Instant now) {
    return db.inTransaction(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("select id from investigations where status = ?")) {
            ps.setString(1, InvestigationStatus.RUNNING.code());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update investigations set status = ?, updated_at = ? where status = ?")) {
            ps.setString(1, InvestigationStatus.QUEUED.code());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, InvestigationStatus.RUNNING.code());
            ps.executeUpdate();
          }
          return ids;
        });
  }

  /** Records the engine's outcome on a running investigation. */
  public void complete(
      Connection c,
      String id,
      InvestigationStatus status,
      Verdict verdict,
      String threatKind,
      String ruleSetId,
      String resultJson,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update investigations set status = ?, verdict = ?, threat_kind = ?,"
                + " rule_set_id = ?, result = ?, finished_at = ?, updated_at = ?, error = null"
                + " where id = ?")) {
      ps.setString(1, status.code());
      ps.setString(2, verdict.code());
      ps.setString(3, threatKind);
      ps.setString(4, ruleSetId);
      ps.setString(5, resultJson);
      ps.setTimestamp(6, Timestamp.from(now));
      ps.setTimestamp(7, Timestamp.from(now));
      ps.setString(8, id);
      ps.executeUpdate();
    }
  }

  /** Marks an investigation failed with a reason a person can read. */
  public void fail(String id, String error, Instant now) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update investigations set status = ?, error = ?, finished_at = ?,"
                      + " updated_at = ? where id = ?")) {
            ps.setString(1, InvestigationStatus.FAILED.code());
            ps.setString(2, error.length() > 4000 ? error.substring(0, 4000) : error);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Sets the status alone (after action decisions); returns false when unchanged. */
  public boolean updateStatus(Connection c, String id, InvestigationStatus status, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update investigations set status = ?, updated_at = ? where id = ? and status <> ?")) {
      ps.setString(1, status.code());
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setString(3, id);
      ps.setString(4, status.code());
      return ps.executeUpdate() == 1;
    }
  }

  private static InvestigationRecord read(ResultSet rs) throws SQLException {
    return new InvestigationRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        InvestigationStatus.fromCode(rs.getString(4)).orElseThrow(),
        Verdict.valueOf(rs.getString(5).toUpperCase(java.util.Locale.ROOT)),
        rs.getString(6),
        rs.getString(7),
        rs.getInt(8),
        rs.getString(9),
        rs.getString(10),
        instant(rs.getTimestamp(11)),
        instant(rs.getTimestamp(12)),
        instant(rs.getTimestamp(13)),
        instant(rs.getTimestamp(14)));
  }
}
