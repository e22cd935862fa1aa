package org.openair.intel;

import static org.openair.store.Db.bind;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openair.store.Db;

/** Sources, their indicators and retro-hunt records in the database. */
@ApplicationScoped
public class IntelStore {
  private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final int BATCH = 5000;
  private static final String SOURCE_COLUMNS =
      "name, kind, location, refresh_seconds, default_type, default_verdict, default_confidence,"
          + " mapping, enabled, etag, last_modified, last_attempt_at, last_success_at,"
          + " indicator_count, skipped_count, last_error, problems, created_at, created_by";

  private final Db db;
  private final ObjectMapper json;

  @Inject
  public IntelStore(Db db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  /** The stable key of an indicator within its source. */
  public static String valueKey(IndicatorType type, String value) {
    return Hashing.sha256()
        .hashString(type.code() + ":" + value, StandardCharsets.UTF_8)
        .toString();
  }

  /** Creates the source or replaces its definition, keeping its refresh history. */
  public void saveSource(SourceSpec spec, String actor, Instant now) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update intel_sources set kind = ?, location = ?, refresh_seconds = ?,"
                      + " default_type = ?, default_verdict = ?, default_confidence = ?,"
                      + " mapping = ?, enabled = ?, etag = null, last_modified = null"
                      + " where name = ?")) {
            int i = definition(ps, spec, 1);
            ps.setString(i, spec.name());
            if (ps.executeUpdate() == 1) {
              return null;
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into intel_sources (kind, location, refresh_seconds, default_type,"
                      + " default_verdict, default_confidence, mapping, enabled, name,"
                      + " indicator_count, skipped_count, created_at, created_by)"
                      + " values (?,?,?,?,?,?,?,?,?,0,0,?,?)")) {
            int i = definition(ps, spec, 1);
            ps.setString(i++, spec.name());
            ps.setTimestamp(i++, ts(now));
            ps.setString(i, actor);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private int definition(PreparedStatement ps, SourceSpec spec, int start) throws SQLException {
    int i = start;
    ps.setString(i++, spec.kind().code());
    ps.setString(i++, spec.location());
    ps.setLong(i++, spec.refreshInterval() == null ? 0 : spec.refreshInterval().toSeconds());
    ps.setString(i++, spec.type() == null ? null : spec.type().code());
    ps.setString(i++, spec.verdict().code());
    ps.setInt(i++, spec.confidence());
    ps.setString(i++, spec.mapping().isEmpty() ? null : toJson(spec.mapping()));
    ps.setBoolean(i++, spec.enabled());
    return i;
  }

  public List<SourceRecord> sources() {
    return db.read(
        c -> sources(c, "select " + SOURCE_COLUMNS + " from intel_sources order by name"));
  }

  public Optional<SourceRecord> source(String name) {
    return db.read(
        c ->
            sources(c, "select " + SOURCE_COLUMNS + " from intel_sources where name = ?", name)
                .stream()
                .findFirst());
  }

  public boolean deleteSource(String name) {
    return db.inTransaction(
        c -> {
          update(c, "delete from intel_indicators where source = ?", name);
          return update(c, "delete from intel_sources where name = ?", name) > 0;
        });
  }

  public void setEnabled(String name, boolean enabled) {
    db.inTransaction(
        c -> update(c, "update intel_sources set enabled = ? where name = ?", enabled, name));
  }

  /** Notes a refresh that failed as a whole; the source keeps its indicators. */
  public void recordFailure(String name, Instant at, String error) {
    db.inTransaction(
        c ->
            update(
                c,
                "update intel_sources set last_attempt_at = ?, last_error = ? where name = ?",
                ts(at),
                cut(error, 4000),
                name));
  }

  /** Notes a refresh that found the document unchanged. */
  public void recordUnchanged(String name, Instant at) {
    db.inTransaction(
        c ->
            update(
                c,
                "update intel_sources set last_attempt_at = ?, last_success_at = ?,"
                    + " last_error = null where name = ?",
                ts(at),
                ts(at),
                name));
  }

  /** Replaces a source's indicators with a fresh read, with the read's validators and counts. */
  public void replaceIndicators(
      String name,
      Collection<Indicator> indicators,
      int skipped,
      List<String> problems,
      String etag,
      String lastModified,
      Instant at) {
    db.inTransaction(
        c -> {
          update(c, "delete from intel_indicators where source = ?", name);
          insert(c, name, indicators);
          update(
              c,
              "update intel_sources set etag = ?, last_modified = ?, last_attempt_at = ?,"
                  + " last_success_at = ?, indicator_count = ?, skipped_count = ?,"
                  + " last_error = null, problems = ? where name = ?",
              etag,
              lastModified,
              ts(at),
              ts(at),
              indicators.size(),
              skipped,
              problems.isEmpty() ? null : toJson(problems),
              name);
          return null;
        });
  }

  /** Adds or replaces indicators of an API source and recounts it. */
  public void upsertIndicators(String name, Collection<Indicator> indicators, Instant at) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "delete from intel_indicators where source = ? and value_key = ?")) {
            int n = 0;
            for (Indicator i : indicators) {
              ps.setString(1, name);
              ps.setString(2, valueKey(i.type(), i.value()));
              ps.addBatch();
              if (++n % BATCH == 0) {
                ps.executeBatch();
              }
            }
            ps.executeBatch();
          }
          insert(c, name, indicators);
          update(
              c,
              "update intel_sources set last_attempt_at = ?, last_success_at = ?,"
                  + " indicator_count = (select count(*) from intel_indicators where source = ?)"
                  + " where name = ?",
              ts(at),
              ts(at),
              name,
              name);
          return null;
        });
  }

  public List<Indicator> indicators(String source) {
    return db.read(
        c -> {
          List<Indicator> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select type, indicator_value, verdict, threat, confidence, first_seen, last_seen,"
                      + " expires_at, description from intel_indicators where source = ?")) {
            ps.setFetchSize(BATCH);
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Optional<IndicatorType> type = IndicatorType.fromCode(rs.getString(1));
                Optional<IndicatorVerdict> verdict = IndicatorVerdict.fromCode(rs.getString(3));
                if (type.isEmpty() || verdict.isEmpty()) {
                  continue;
                }
                out.add(
                    new Indicator(
                        type.get(),
                        rs.getString(2),
                        source,
                        verdict.get(),
                        rs.getString(4),
                        rs.getInt(5),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)),
                        rs.getString(9)));
              }
            }
          }
          return out;
        });
  }

  /** True when {@code indicatorKey} was hunted since {@code since}. */
  public boolean huntedSince(String indicatorKey, Instant since) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select 1 from intel_hunts where indicator_key = ? and created_at >= ?")) {
            ps.setString(1, indicatorKey);
            ps.setTimestamp(2, ts(since));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** A retro-hunt's record: the indicator, the alert it raised and what it covered. */
  public record Hunt(
      String id,
      String indicatorType,
      String indicatorValue,
      String source,
      String alertId,
      String investigationId,
      String alertType,
      int messageCount,
      int deliveryCount,
      Instant createdAt,
      List<String> messageIds) {}

  public void insertHunt(Hunt hunt) {
    db.inTransaction(
        c -> {
          update(
              c,
              "insert into intel_hunts (id, indicator_key, indicator_type, indicator_value,"
                  + " source, alert_id, investigation_id, alert_type, message_count,"
                  + " delivery_count, created_at) values (?,?,?,?,?,?,?,?,?,?,?)",
              hunt.id(),
              valueKey(
                  IndicatorType.fromCode(hunt.indicatorType()).orElseThrow(),
                  hunt.indicatorValue()),
              hunt.indicatorType(),
              cut(hunt.indicatorValue(), 4000),
              hunt.source(),
              hunt.alertId(),
              hunt.investigationId(),
              hunt.alertType(),
              hunt.messageCount(),
              hunt.deliveryCount(),
              ts(hunt.createdAt()));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into intel_hunt_messages (hunt_id, message_id) values (?, ?)")) {
            for (String m : hunt.messageIds()) {
              ps.setString(1, hunt.id());
              ps.setString(2, m);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /** The hunt that raised {@code alertId}, if a hunt did. */
  public Optional<Hunt> huntForAlert(String alertId) {
    return hunts("where alert_id = ?", 1, alertId).stream().findFirst();
  }

  public List<Hunt> recentHunts(int limit) {
    return hunts("", limit);
  }

  private List<Hunt> hunts(String where, int limit, Object... params) {
    return db.read(
        c -> {
          List<Hunt> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, indicator_type, indicator_value, source, alert_id,"
                      + " investigation_id, alert_type, message_count, delivery_count, created_at"
                      + " from intel_hunts "
                      + where
                      + " order by created_at desc limit "
                      + limit)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Hunt(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        instant(rs.getTimestamp(10)),
                        List.of()));
              }
            }
          }
          List<Hunt> withMessages = new ArrayList<>();
          for (Hunt h : out) {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "select message_id from intel_hunt_messages where hunt_id = ?"
                        + " order by message_id")) {
              ps.setString(1, h.id());
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  ids.add(rs.getString(1));
                }
              }
            }
            withMessages.add(
                new Hunt(
                    h.id(),
                    h.indicatorType(),
                    h.indicatorValue(),
                    h.source(),
                    h.alertId(),
                    h.investigationId(),
                    h.alertType(),
                    h.messageCount(),
                    h.deliveryCount(),
                    h.createdAt(),
                    ids));
          }
          return withMessages;
        });
  }

  private void insert(Connection c, String name, Collection<Indicator> indicators)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into intel_indicators (source, value_key, type, indicator_value, verdict, threat,"
                + " confidence, first_seen, last_seen, expires_at, description)"
                + " values (?,?,?,?,?,?,?,?,?,?,?)")) {
      int n = 0;
      for (Indicator i : indicators) {
        if (i.value().length() > 4000) {
          continue;
        }
        ps.setString(1, name);
        ps.setString(2, valueKey(i.type(), i.value()));
        ps.setString(3, i.type().code());
        ps.setString(4, i.value());
        ps.setString(5, i.verdict().code());
        ps.setString(6, cut(i.threat(), 200));
        ps.setInt(7, i.confidence());
        ps.setTimestamp(8, ts(i.firstSeen()));
        ps.setTimestamp(9, ts(i.lastSeen()));
        ps.setTimestamp(10, ts(i.expiresAt()));
        ps.setString(11, cut(i.description(), 2000));
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private List<SourceRecord> sources(Connection c, String sql, Object... params)
      throws SQLException {
    List<SourceRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String mapping = rs.getString(8);
          String problems = rs.getString(17);
          SourceSpec spec =
              new SourceSpec(
                  rs.getString(1),
                  SourceKind.fromCode(rs.getString(2)).orElse(SourceKind.API),
                  rs.getString(3),
                  Duration.ofSeconds(rs.getLong(4)),
                  IndicatorType.fromCode(rs.getString(5)).orElse(null),
                  IndicatorVerdict.fromCode(rs.getString(6)).orElse(IndicatorVerdict.MALICIOUS),
                  rs.getInt(7),
                  mapping == null ? Map.of() : fromJson(mapping, MAPPING),
                  rs.getBoolean(9));
          out.add(
              new SourceRecord(
                  spec,
                  rs.getString(10),
                  rs.getString(11),
                  instant(rs.getTimestamp(12)),
                  instant(rs.getTimestamp(13)),
                  rs.getInt(14),
                  rs.getInt(15),
                  rs.getString(16),
                  problems == null ? List.of() : fromJson(problems, STRINGS),
                  instant(rs.getTimestamp(18)),
                  rs.getString(19)));
        }
      }
    }
    return out;
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
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

  private <T> T fromJson(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
