package org.openair.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.openair.BadRequestException;
import org.openair.audit.AuditEntry;
import org.openair.audit.AuditLog;
import org.openair.audit.AuditQuery;
import org.openair.audit.ChainBreak;
import org.openair.security.Roles;

/** The audit log, for auditors and admins, as JSON or exported as JSON Lines or CSV. */
@Path("/api/v1/audit")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {
  static final String JSONL = "application/x-ndjson";
  static final String CSV = "text/csv";
  private static final String CSV_HEADER =
      "seq,at,actor,event,entityType,entityId,before,after,prevHash,hash";

  private final AuditLog audit;
  private final ObjectMapper json;

  @Inject
  public AuditResource(AuditLog audit, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
  }

  /**
   * Entries oldest first. {@code format} is {@code json} (default), {@code jsonl} (one entry per
   * line) or {@code csv}; page with {@code after} (the last seq seen).
   */
  @GET
  public Response list(
      @QueryParam("actor") String actor,
      @QueryParam("event") String event,
      @QueryParam("entityType") String entityType,
      @QueryParam("entityId") String entityId,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("after") @DefaultValue("0") long after,
      @QueryParam("limit") @DefaultValue("500") int limit,
      @QueryParam("format") @DefaultValue("json") String format) {
    if (limit < 1 || limit > 10_000) {
      throw new BadRequestException("limit", "'limit' must be from 1 to 10000");
    }
    if (!List.of("json", "jsonl", "csv").contains(format)) {
      throw new BadRequestException("format", "'format' must be json, jsonl or csv");
    }
    List<AuditEntry> entries =
        audit.list(
            new AuditQuery(
                blankToNull(actor),
                blankToNull(event),
                blankToNull(entityType),
                blankToNull(entityId),
                instant("since", since),
                instant("until", until),
                after,
                limit));
    return switch (format) {
      case "jsonl" -> Response.ok(jsonLines(entries), JSONL).build();
      case "csv" ->
          Response.ok(csv(entries), CSV + "; charset=UTF-8")
              .header("Content-Disposition", "attachment; filename=\"openair-audit.csv\"")
              .build();
      default -> Response.ok(entries, MediaType.APPLICATION_JSON).build();
    };
  }

  @GET
  @Path("/verify")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> verify() {
    return audit
        .verify()
        .<Map<String, Object>>map(
            (ChainBreak b) -> Map.of("intact", false, "brokenAt", b.seq(), "reason", b.reason()))
        .orElse(Map.of("intact", true));
  }

  private String jsonLines(List<AuditEntry> entries) {
    StringBuilder out = new StringBuilder();
    for (AuditEntry e : entries) {
      try {
        out.append(json.writeValueAsString(e)).append('\n');
      } catch (JsonProcessingException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return out.toString();
  }

  static String csv(List<AuditEntry> entries) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (AuditEntry e : entries) {
      out.append(e.seq())
          .append(',')
          .append(cell(e.at().toString()))
          .append(',')
          .append(cell(e.actor()))
          .append(',')
          .append(cell(e.event()))
          .append(',')
          .append(cell(e.entityType()))
          .append(',')
          .append(cell(e.entityId()))
          .append(',')
          .append(cell(e.before()))
          .append(',')
          .append(cell(e.after()))
          .append(',')
          .append(cell(e.prevHash()))
          .append(',')
          .append(cell(e.hash()))
          .append("\r\n");
    }
    return out.toString();
  }

  /** One RFC 4180 field: quoted when it holds a comma, quote or line break; null is empty. */
  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + field + "' must be an ISO-8601 instant");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
