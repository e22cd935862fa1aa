package org.openair.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.store.Db;

/** Recommended actions and their decisions. */
@ApplicationScoped
public class ActionStore {
  private static final TypeReference<List<ActionRecord.DeliveryRef>> DELIVERIES =
      new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, investigation_id, type, target_type, target, deliveries, status, rule_id, rule_name,"
          + " playbook, rule_file, rule_file_sha256, rule_set_id, matched_facts, explanation,"
          + " created_at, decided_by, decided_at, decision_comment, executed_at, execution_note";

  private final Db db;
  private final ObjectMapper json;

  @Inject
  public ActionStore(Db db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  public void insert(Connection c, List<ActionRecord> actions) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into actions ("
                + COLUMNS
                + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (ActionRecord a : actions) {
        int i = 1;
        ps.setString(i++, a.id());
        ps.setString(i++, a.investigationId());
        ps.setString(i++, a.type().code());
        ps.setString(i++, a.targetType().code());
        ps.setString(i++, cut(a.target()));
        ps.setString(i++, toJson(a.deliveries()));
        ps.setString(i++, a.status().code());
        ps.setString(i++, a.ruleId());
        ps.setString(i++, a.ruleName());
        ps.setString(i++, a.playbook());
        ps.setString(i++, a.ruleFile());
        ps.setString(i++, a.ruleFileSha256());
        ps.setString(i++, a.ruleSetId());
        ps.setString(i++, toJson(a.matchedFacts()));
        ps.setString(i++, cut(a.explanation()));
        ps.setTimestamp(i++, ts(a.createdAt()));
        ps.setString(i++, a.decidedBy());
        ps.setTimestamp(i++, ts(a.decidedAt()));
        ps.setString(i++, a.comment());
        ps.setTimestamp(i++, ts(a.executedAt()));
        ps.setString(i, a.executionNote());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public Optional<ActionRecord> find(String id) {
    return db.read(c -> find(c, id));
  }

  Optional<ActionRecord> find(Connection c, String id) throws SQLException {
    List<ActionRecord> found = query(c, " where id = ?", List.of(id));
    return found.stream().findFirst();
  }

  public List<ActionRecord> byInvestigation(String investigationId) {
    return db.read(c -> byInvestigation(c, investigationId));
  }

  public List<ActionRecord> byInvestigation(Connection c, String investigationId)
      throws SQLException {
    return query(
        c, " where investigation_id = ? order by created_at, id", List.of(investigationId));
  }

  /** Actions in a status (all when null), oldest first, paged. */
  public List<ActionRecord> list(ActionStatus status, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String where = "";
    if (status != null) {
      where = " where status = ?";
      params.add(status.code());
    }
    params.add(limit);
    params.add(offset);
    String tail = where + " order by created_at, id limit ? offset ?";
    return db.read(c -> query(c, tail, params));
  }

  /**
   * What the action center filters on; null fields match everything. {@code decided} keeps only
   * actions someone (or automation) decided, newest decision first; otherwise oldest first.
   */
  public record Filter(
      ActionStatus status,
      ActionType type,
      String investigationId,
      String target,
      boolean decided) {}

  /** A page of actions matching the filter. */
  public List<ActionRecord> search(Filter filter, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String order = filter.decided() ? " order by decided_at desc, id" : " order by created_at, id";
    String tail = where(filter, params) + order + " limit ? offset ?";
    params.add(limit);
    params.add(offset);
    return db.read(c -> query(c, tail, params));
  }

  /** How many actions match the filter. */
  public long count(Filter filter) {
    List<Object> params = new ArrayList<>();
    String sql = "select count(*) from actions" + where(filter, params);
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
              ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private static String where(Filter f, List<Object> params) {
    StringBuilder w = new StringBuilder(" where 1 = 1");
    if (f.status() != null) {
      w.append(" and status = ?");
      params.add(f.status().code());
    }
    if (f.type() != null) {
      w.append(" and type = ?");
      params.add(f.type().code());
    }
    if (f.investigationId() != null) {
      w.append(" and investigation_id = ?");
      params.add(f.investigationId());
    }
    if (f.target() != null) {
      w.append(" and lower(target) like ? escape '!'");
      String t = f.target().strip().toLowerCase(java.util.Locale.ROOT);
      params.add("%" + t.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    if (f.decided()) {
      w.append(" and decided_at is not null");
    }
    return w.toString();
  }

  /**
   * Records a decision when the action is still in {@code expected}; false when another decision
   * got there first.
   */
  boolean decide(
      Connection c,
      String id,
      ActionStatus expected,
      ActionStatus next,
      String by,
      Instant at,
      String comment)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update actions set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?"
                + " where id = ? and status = ?")) {
      ps.setString(1, next.code());
      ps.setString(2, by);
      ps.setTimestamp(3, ts(at));
      ps.setString(4, comment);
      ps.setString(5, id);
      ps.setString(6, expected.code());
      return ps.executeUpdate() == 1;
    }
  }

  /** Records the outcome of carrying an approved action out. */
  boolean finishExecution(Connection c, String id, ActionStatus outcome, Instant at, String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update actions set status = ?, executed_at = ?, execution_note = ?"
                + " where id = ? and status = ?")) {
      ps.setString(1, outcome.code());
      ps.setTimestamp(2, ts(at));
      ps.setString(3, note);
      ps.setString(4, id);
      ps.setString(5, ActionStatus.APPROVED.code());
      return ps.executeUpdate() == 1;
    }
  }

  private List<ActionRecord> query(Connection c, String tail, List<Object> params)
      throws SQLException {
    List<ActionRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from actions" + tail)) {
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
  }

  private ActionRecord read(ResultSet rs) throws SQLException {
    int i = 1;
    return new ActionRecord(
        rs.getString(i++),
        rs.getString(i++),
        ActionType.fromCode(rs.getString(i++)).orElseThrow(),
        EntityType.valueOf(rs.getString(i++).toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
        rs.getString(i++),
        fromJson(rs.getString(i++), DELIVERIES),
        ActionStatus.fromCode(rs.getString(i++)).orElseThrow(),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        fromJson(rs.getString(i++), STRINGS),
        rs.getString(i++),
        instant(rs.getTimestamp(i++)),
        rs.getString(i++),
        instant(rs.getTimestamp(i++)),
        rs.getString(i++),
        instant(rs.getTimestamp(i++)),
        rs.getString(i));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> List<T> fromJson(String value, TypeReference<List<T>> type) {
    if (value == null) {
      return List.of();
    }
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cut(String s) {
    return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
