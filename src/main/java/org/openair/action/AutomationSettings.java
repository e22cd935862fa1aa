package org.openair.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openair.BadRequestException;
import org.openair.audit.AuditLog;
import org.openair.store.Db;

/**
 * The automation policy as stored in the database, changed at run time by admins. Each
 * investigation keeps a copy of the policy it started under, so a change applies to investigations
 * that start after it.
 */
@ApplicationScoped
public class AutomationSettings {
  static final String NAME = "automation";
  private static final Set<String> FIELDS =
      Set.of("allManual", "maxClusterSize", "identityActionsAutomatic", "actionTypes", "playbooks");

  private final Db db;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final Clock clock;

  @Inject
  public AutomationSettings(Db db, ObjectMapper json, AuditLog audit, Clock clock) {
    this.db = db;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
  }

  /** The policy new investigations start under. */
  public AutomationPolicy current() {
    return db.read(this::current);
  }

  private AutomationPolicy current(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select content from settings where name = ?")) {
      ps.setString(1, NAME);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? parse(rs.getString(1)) : AutomationPolicy.DEFAULT;
      }
    }
  }

  /**
   * Replaces the policy with the one in {@code body} (JSON), auditing before and after. Fields left
   * out take their defaults (without {@code actionTypes}, reporter notices stay automatic).
   */
  public AutomationPolicy replace(String body, String actor) {
    AutomationPolicy next = fromRequest(body).validated();
    AutomationPolicy before =
        db.inTransaction(
            c -> {
              AutomationPolicy old = current(c);
              try (PreparedStatement ps =
                  c.prepareStatement("delete from settings where name = ?")) {
                ps.setString(1, NAME);
                ps.executeUpdate();
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into settings (name, content, updated_at, updated_by)"
                          + " values (?,?,?,?)")) {
                ps.setString(1, NAME);
                ps.setString(2, toJson(next));
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                ps.setString(4, actor);
                ps.executeUpdate();
              }
              return old;
            });
    audit.record(actor, "settings.automation", "settings", NAME, before.asMap(), next.asMap());
    return next;
  }

  /**
   * The policy the investigation started under: the copy it keeps, or, the first time it is asked,
   * the current policy, which it keeps from then on.
   */
  public AutomationPolicy snapshot(String investigationId) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select automation_policy from investigations where id = ? for update")) {
            ps.setString(1, investigationId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next() && rs.getString(1) != null) {
                return parse(rs.getString(1));
              }
            }
          }
          AutomationPolicy policy = current(c);
          try (PreparedStatement ps =
              c.prepareStatement("update investigations set automation_policy = ? where id = ?")) {
            ps.setString(1, toJson(policy));
            ps.setString(2, investigationId);
            ps.executeUpdate();
          }
          return policy;
        });
  }

  /** The policy an investigation keeps, if it has started. */
  public Optional<AutomationPolicy> snapshotOf(String investigationId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select automation_policy from investigations where id = ?")) {
            ps.setString(1, investigationId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && rs.getString(1) != null
                  ? Optional.of(parse(rs.getString(1)))
                  : Optional.empty();
            }
          }
        });
  }

  private AutomationPolicy fromRequest(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException(null, "the body must be the automation policy as JSON");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(null, "the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestException(null, "the body must be a JSON object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        throw new BadRequestException(field, "unknown field '" + field + "'; fields: " + FIELDS);
      }
    }
    return new AutomationPolicy(
        bool(node, "allManual", false),
        integer(node, "maxClusterSize", AutomationPolicy.DEFAULT_MAX_CLUSTER_SIZE),
        bool(node, "identityActionsAutomatic", false),
        node.has("actionTypes")
            ? levels(node, "actionTypes")
            : AutomationPolicy.DEFAULT.actionTypes(),
        levels(node, "playbooks"));
  }

  private static boolean bool(JsonNode node, String field, boolean fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new BadRequestException(field, "'" + field + "' must be true or false");
    }
    return v.booleanValue();
  }

  private static int integer(JsonNode node, String field, int fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new BadRequestException(field, "'" + field + "' must be a whole number");
    }
    return v.intValue();
  }

  private static Map<String, String> levels(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw new BadRequestException(field, "'" + field + "' must be an object of levels");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new BadRequestException(
            field, "'" + field + "." + e.getKey() + "' must be 'manual' or 'automatic'");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  private AutomationPolicy parse(String value) {
    try {
      return json.readValue(value, AutomationPolicy.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored automation policy cannot be read", e);
    }
  }

  private String toJson(AutomationPolicy policy) {
    try {
      return json.writeValueAsString(policy.asMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
