package org.openair.action;

import static org.openair.store.Db.bind;
import static org.openair.store.Db.instant;
import static org.openair.store.Db.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.store.Db;

/**
 * Recommended actions, their approvals and their execution. Every state change is a conditional
 * update on the state it expects, so concurrent deciders and workers cannot both win.
 */
@ApplicationScoped
public class ActionStore {
  private static final TypeReference<List<ActionRecord.DeliveryRef>> DELIVERIES =
      new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<ActionRecord.Approval>> APPROVALS =
      new TypeReference<>() {};
  private static final String COLUMNS =
      "id, investigation_id, type, target_type, target, deliveries, status, rule_id, rule_name,"
          + " playbook, rule_file, rule_file_sha256, rule_set_id, matched_facts, explanation,"
          + " created_at, decided_by, decided_at, decision_comment, executed_at, execution_note,"
          + " approvals, approvals_required, attempts, execution_id, next_attempt_at,"
          + " merged_into, remediated_by, undo_of, undone_by";
  private static final String DONE_STATES = "('approved', 'executing', 'executed')";

  private final Db db;
  private final ObjectMapper json;
  private final Set<ActionType> fourEyes;

  @Inject
  public ActionStore(Db db, ObjectMapper json, OpenAirConfig config) {
    this.db = db;
    this.json = json;
    this.fourEyes = fourEyesTypes(config.actions().fourEyesTypes());
  }

  /** Parses the configured four-eyes type codes, refusing unknown ones at start-up. */
  static Set<ActionType> fourEyesTypes(Set<String> codes) {
    Set<ActionType> out = new java.util.HashSet<>();
    for (String code : codes) {
      if (code.isBlank()) {
        continue;
      }
      out.add(
          ActionType.fromCode(code)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "openair.actions.four-eyes-types names unknown action type " + code)));
    }
    return Set.copyOf(out);
  }

  /** Approvals an action of this type needs: two for the four-eyes types, else one. */
  public int approvalsRequired(ActionType type) {
    return fourEyes.contains(type) ? 2 : 1;
  }

  /**
   * Stores new actions. Four-eyes types get two required approvals whoever inserts them, and an
   * action whose target another investigation already remediated names that action.
   */
  public void insert(Connection c, List<ActionRecord> actions) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into actions ("
                + COLUMNS
                + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
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
        ps.setString(i++, a.executionNote());
        ps.setString(i++, toJson(a.approvals()));
        ps.setInt(i++, Math.max(a.approvalsRequired(), approvalsRequired(a.type())));
        ps.setInt(i++, a.attempts());
        ps.setString(i++, a.executionId());
        ps.setTimestamp(i++, ts(a.nextAttemptAt()));
        ps.setString(i++, a.mergedInto());
        ps.setString(
            i++,
            // A reporter notice answers one report; no other investigation's notice stands for it.
            a.remediatedBy() != null || a.undoOf() != null || a.type() == ActionType.NOTIFY_REPORTER
                ? a.remediatedBy()
                : remediatedElsewhere(c, a).orElse(null));
        ps.setString(i++, a.undoOf());
        ps.setString(i, a.undoneBy());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** An executed, not undone action of another investigation on the same type and target. */
  private Optional<String> remediatedElsewhere(Connection c, ActionRecord a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id from actions where type = ? and status = 'executed' and target = ?"
                + " and investigation_id <> ? and undo_of is null and undone_by is null"
                + " order by executed_at limit 1")) {
      ps.setString(1, a.type().code());
      ps.setString(2, cut(a.target()));
      ps.setString(3, a.investigationId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public Optional<ActionRecord> find(String id) {
    return db.read(c -> find(c, id));
  }

  public Optional<ActionRecord> find(Connection c, String id) throws SQLException {
    return query(c, " where id = ?", List.of(id)).stream().findFirst();
  }

  /** Reads an action and locks its row until the transaction ends. */
  Optional<ActionRecord> lock(Connection c, String id) throws SQLException {
    return query(c, " where id = ? for update", List.of(id)).stream().findFirst();
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
    return list(ActionFilter.byStatus(status), offset, limit);
  }

  /** Actions matching the filter, oldest first, paged. */
  public List<ActionRecord> list(ActionFilter filter, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String where = where(filter, params);
    params.add(limit);
    params.add(offset);
    String order = filter.decided() ? " order by decided_at desc, id" : " order by created_at, id";
    String tail = where + order + " limit ? offset ?";
    return db.read(c -> query(c, tail, params));
  }

  /** How many actions match the filter. */
  public long count(ActionFilter filter) {
    List<Object> params = new ArrayList<>();
    String sql = "select count(*) from actions" + where(filter, params);
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

  private static String where(ActionFilter f, List<Object> params) {
    List<String> terms = new ArrayList<>();
    if (f.status() != null) {
      terms.add("status = ?");
      params.add(f.status().code());
    }
    if (f.investigationId() != null) {
      terms.add("investigation_id = ?");
      params.add(f.investigationId());
    }
    if (f.type() != null) {
      terms.add("type = ?");
      params.add(f.type().code());
    }
    if (f.target() != null) {
      terms.add("lower(target) like ? escape '!'");
      String escaped =
          f.target()
              .toLowerCase(Locale.ROOT)
              .replace("!", "!!")
              .replace("%", "!%")
              .replace("_", "!_");
      params.add("%" + escaped + "%");
    }
    if (f.playbook() != null) {
      terms.add("playbook = ?");
      params.add(f.playbook());
    }
    if (f.createdAfter() != null) {
      terms.add("created_at >= ?");
      params.add(ts(f.createdAfter()));
    }
    if (f.createdBefore() != null) {
      terms.add("created_at < ?");
      params.add(ts(f.createdBefore()));
    }
    if (f.decided()) {
      terms.add("decided_at is not null");
    }
    return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
  }

  /** Records a first approval of a four-eyes action, which stays pending. */
  void recordApprovals(Connection c, String id, List<ActionRecord.Approval> approvals)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update actions set approvals = ? where id = ? and status = ?")) {
      ps.setString(1, toJson(approvals));
      ps.setString(2, id);
      ps.setString(3, ActionStatus.PENDING.code());
      ps.executeUpdate();
    }
  }

  /**
   * Records a decision when the action is still in {@code expected}; false when another decision
   * got there first. An approval makes the action due for execution at once.
   */
  boolean decide(
      Connection c,
      String id,
      ActionStatus expected,
      ActionStatus next,
      String by,
      Instant at,
      String comment,
      List<ActionRecord.Approval> approvals,
      String mergedInto)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update actions set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?,"
                + " approvals = ?, merged_into = ?, next_attempt_at = ?"
                + " where id = ? and status = ?")) {
      ps.setString(1, next.code());
      ps.setString(2, by);
      ps.setTimestamp(3, ts(at));
      ps.setString(4, comment);
      ps.setString(5, toJson(approvals));
      ps.setString(6, mergedInto);
      ps.setTimestamp(7, next == ActionStatus.APPROVED ? ts(at) : null);
      ps.setString(8, id);
      ps.setString(9, expected.code());
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * The earlier action of the same type on the same target, approved since {@code since} and
   * approved, executing or executed, that a new approval merges into.
   */
  Optional<ActionRecord> mergeCandidate(Connection c, ActionRecord a, Instant since)
      throws SQLException {
    return query(
            c,
            " where type = ? and target = ? and id <> ? and status in "
                + DONE_STATES
                + " and decided_at >= ? and merged_into is null and undo_of is null"
                + " and undone_by is null order by decided_at limit 1",
            List.of(a.type().code(), cut(a.target()), a.id(), ts(since)))
        .stream()
        .findFirst();
  }

  /** Ids of approved actions due for execution, oldest first. */
  List<String> due(Instant now, int limit) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from actions where status = ? and (next_attempt_at is null"
                      + " or next_attempt_at <= ?) order by next_attempt_at, id limit ?")) {
            ps.setString(1, ActionStatus.APPROVED.code());
            ps.setTimestamp(2, ts(now));
            ps.setInt(3, limit);
            return ids(ps);
          }
        });
  }

  /** Ids of actions left executing, e.g. by a process that stopped in the middle. */
  List<String> executing() {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select id from actions where status = ? order by id")) {
            ps.setString(1, ActionStatus.EXECUTING.code());
            return ids(ps);
          }
        });
  }

  /**
   * Claims a due approved action for one execution attempt under a fresh execution id; false when
   * another worker claimed it or it is not due.
   */
  boolean claim(String id, String executionId, Instant now) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update actions set status = ?, execution_id = ?, claimed_at = ?,"
                      + " attempts = attempts + 1 where id = ? and status = ?"
                      + " and (next_attempt_at is null or next_attempt_at <= ?)")) {
            ps.setString(1, ActionStatus.EXECUTING.code());
            ps.setString(2, executionId);
            ps.setTimestamp(3, ts(now));
            ps.setString(4, id);
            ps.setString(5, ActionStatus.APPROVED.code());
            ps.setTimestamp(6, ts(now));
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Takes over an action left executing under {@code previousExecutionId}; false when someone else
   * took it over or finished it first.
   */
  boolean reclaim(String id, String previousExecutionId, String executionId, Instant now) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update actions set execution_id = ?, claimed_at = ?, attempts = attempts + 1"
                      + " where id = ? and status = ? and execution_id = ?")) {
            ps.setString(1, executionId);
            ps.setTimestamp(2, ts(now));
            ps.setString(3, id);
            ps.setString(4, ActionStatus.EXECUTING.code());
            ps.setString(5, previousExecutionId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Records the outcome of the execution attempt {@code executionId}; false when that attempt no
   * longer owns the action (another took it over), so its result is not recorded twice.
   */
  boolean finishExecution(
      Connection c, String id, String executionId, ActionStatus outcome, Instant at, String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update actions set status = ?, executed_at = ?, execution_note = ?"
                + " where id = ? and status = ? and execution_id = ?")) {
      ps.setString(1, outcome.code());
      ps.setTimestamp(2, ts(at));
      ps.setString(3, cut(note));
      ps.setString(4, id);
      ps.setString(5, ActionStatus.EXECUTING.code());
      ps.setString(6, executionId);
      return ps.executeUpdate() == 1;
    }
  }

  /** Hands an attempt that failed in a retryable way back to the queue for {@code nextAt}. */
  boolean retryLater(String id, String executionId, Instant nextAt, String note) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update actions set status = ?, next_attempt_at = ?, execution_note = ?"
                      + " where id = ? and status = ? and execution_id = ?")) {
            ps.setString(1, ActionStatus.APPROVED.code());
            ps.setTimestamp(2, ts(nextAt));
            ps.setString(3, cut(note));
            ps.setString(4, id);
            ps.setString(5, ActionStatus.EXECUTING.code());
            ps.setString(6, executionId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /** Tells pending actions of other investigations on the same target that it is remediated. */
  void markRemediatedElsewhere(Connection c, ActionRecord executed) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update actions set remediated_by = ? where type = ? and target = ? and status = ?"
                + " and investigation_id <> ? and remediated_by is null")) {
      ps.setString(1, executed.id());
      ps.setString(2, executed.type().code());
      ps.setString(3, cut(executed.target()));
      ps.setString(4, ActionStatus.PENDING.code());
      ps.setString(5, executed.investigationId());
      ps.executeUpdate();
    }
  }

  /** Links an executed action to its undo; false when it was undone already. */
  boolean markUndone(Connection c, String id, String undoId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update actions set undone_by = ? where id = ? and status = ? and undone_by is null")) {
      ps.setString(1, undoId);
      ps.setString(2, id);
      ps.setString(3, ActionStatus.EXECUTED.code());
      return ps.executeUpdate() == 1;
    }
  }

  /** Pending actions created before {@code cutoff}, oldest first. */
  List<ActionRecord> pendingCreatedBefore(Instant cutoff, int limit) {
    return db.read(
        c ->
            query(
                c,
                " where status = ? and created_at < ? order by created_at limit ?",
                List.of(ActionStatus.PENDING.code(), ts(cutoff), limit)));
  }

  /** Pending actions approvers have not been told about, oldest first. */
  public List<ActionRecord> pendingNotNotified(int limit) {
    return db.read(
        c ->
            query(
                c,
                " where status = ? and notified_at is null order by created_at, id limit ?",
                List.of(ActionStatus.PENDING.code(), limit)));
  }

  /** Notes that approvers were told about these actions. */
  public void markNotified(List<String> ids, Instant at) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("update actions set notified_at = ? where id = ?")) {
            for (String id : ids) {
              ps.setTimestamp(1, ts(at));
              ps.setString(2, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  private static List<String> ids(PreparedStatement ps) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private List<ActionRecord> query(Connection c, String tail, List<Object> params)
      throws SQLException {
    List<ActionRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from actions" + tail)) {
      bind(ps, params);
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
        EntityType.valueOf(rs.getString(i++).toUpperCase(Locale.ROOT).replace('-', '_')),
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
        rs.getString(i++),
        fromJson(rs.getString(i++), APPROVALS),
        rs.getInt(i++),
        rs.getInt(i++),
        rs.getString(i++),
        instant(rs.getTimestamp(i++)),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
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
}
