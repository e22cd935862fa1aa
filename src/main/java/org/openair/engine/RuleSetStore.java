package org.openair.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openair.store.Db;
import org.openair.store.Ids;

/**
 * The history of rule loads and the text of every file of every accepted rule set, so an auditor
 * can read a rule as it was when it derived an action, even after the file changed on disk.
 */
@ApplicationScoped
public class RuleSetStore {
  private final Db db;
  private final ObjectMapper json;
  private final Clock clock;

  @Inject
  public RuleSetStore(Db db, ObjectMapper json, Clock clock) {
    this.db = db;
    this.json = json;
    this.clock = clock;
  }

  /** One load attempt: accepted with its rule set id and files, or refused with its errors. */
  public record LoadRecord(
      String id,
      Instant at,
      String actor,
      boolean accepted,
      String ruleSetId,
      List<String> errors,
      Map<String, String> files) {}

  void saveAccepted(RuleSet set, String actor) {
    Map<String, String> files =
        set.files().stream()
            .collect(Collectors.toMap(RuleFile::name, RuleFile::sha256, (a, b) -> a));
    db.inTransaction(
        c -> {
          boolean known;
          try (PreparedStatement ps =
              c.prepareStatement("select count(*) from rule_set_files where rule_set_id = ?")) {
            ps.setString(1, set.id());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              known = rs.getLong(1) > 0;
            }
          }
          if (!known) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "insert into rule_set_files (rule_set_id, name, sha256, content)"
                        + " values (?,?,?,?)")) {
              for (RuleFile f : set.files()) {
                ps.setString(1, set.id());
                ps.setString(2, f.name());
                ps.setString(3, f.sha256());
                ps.setString(4, f.content());
                ps.addBatch();
              }
              ps.executeBatch();
            }
          }
          insertLoad(c, actor, true, set.id(), List.of(), files);
          return null;
        });
  }

  void saveRefused(ReloadResult result, String actor) {
    db.inTransaction(
        c -> {
          insertLoad(
              c,
              actor,
              false,
              null,
              result.errors().stream().map(RuleError::toString).toList(),
              result.fileHashes());
          return null;
        });
  }

  private void insertLoad(
      java.sql.Connection c,
      String actor,
      boolean accepted,
      String ruleSetId,
      List<String> errors,
      Map<String, String> files)
      throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into rule_loads (id, at, actor, accepted, rule_set_id, errors, files)"
                + " values (?,?,?,?,?,?,?)")) {
      ps.setString(1, Ids.next("rld"));
      ps.setTimestamp(2, Timestamp.from(clock.instant()));
      ps.setString(3, actor);
      ps.setBoolean(4, accepted);
      ps.setString(5, ruleSetId);
      ps.setString(6, toJson(errors));
      ps.setString(7, toJson(files));
      ps.executeUpdate();
    }
  }

  public List<LoadRecord> history(int limit) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, at, actor, accepted, rule_set_id, errors, files from rule_loads"
                      + " order by at desc, id limit ?")) {
            ps.setInt(1, limit);
            List<LoadRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new LoadRecord(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        fromJson(rs.getString(6), List.class),
                        fromJson(rs.getString(7), Map.class)));
              }
            }
            return out;
          }
        });
  }

  /** A file of a stored rule set, without its text. */
  public record FileRef(String name, String sha256) {}

  /** The files of a stored rule set by name; empty for an unknown set. */
  public List<FileRef> files(String ruleSetId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select name, sha256 from rule_set_files where rule_set_id = ? order by name")) {
            ps.setString(1, ruleSetId);
            List<FileRef> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new FileRef(rs.getString(1), rs.getString(2)));
              }
            }
            return out;
          }
        });
  }

  /** The text of one file as it was in a rule set. */
  public Optional<RuleFile> file(String ruleSetId, String name) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select name, sha256, content from rule_set_files"
                      + " where rule_set_id = ? and name = ?")) {
            ps.setString(1, ruleSetId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new RuleFile(rs.getString(1), rs.getString(2), rs.getString(3)))
                  : Optional.empty();
            }
          }
        });
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T fromJson(String value, Class<?> type) {
    try {
      return (T) json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
