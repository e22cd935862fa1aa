package org.openair.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openair.BadRequestException;
import org.openair.audit.AuditEntry;
import org.openair.audit.AuditLog;
import org.openair.audit.AuditQuery;
import org.openair.audit.ChainBreak;
import org.openair.security.Roles;

/** The audit log with filters, the chain check and a CSV export, for auditors and admins. */
@Path("/ui/audit")
@ConsolePage
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditPages {
  static final int PAGE_SIZE = 100;
  static final int EXPORT_BATCH = 1000;

  private final Console console;
  private final AuditLog audit;

  @Inject
  public AuditPages(Console console, AuditLog audit) {
    this.console = console;
    this.audit = audit;
  }

  /** The filter as the form sent it. */
  public record Query(String actor, String event, String entity, String since) {

    public String params() {
      return param("actor", actor)
          + param("event", event)
          + param("entity", entity)
          + param("since", since);
    }
  }

  /** The outcome of the chain check. */
  public record Check(boolean intact, long brokenAt, String reason) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance audit(
        Me me, Query query, List<AuditEntry> entries, String older, Check check);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("actor") String actor,
      @QueryParam("event") String event,
      @QueryParam("entity") String entity,
      @QueryParam("since") String since,
      @QueryParam("before") Long before,
      @QueryParam("verify") String verify) {
    AuditQuery filter = filter(actor, event, entity, since, PAGE_SIZE);
    List<AuditEntry> entries = audit.listNewestFirst(filter, before == null ? 0 : before);
    Query query = new Query(actor, event, entity, since);
    String older =
        entries.size() == PAGE_SIZE
            ? "/ui/audit?before=" + entries.get(entries.size() - 1).seq() + query.params()
            : null;
    Check check = null;
    if (verify != null) {
      check =
          audit
              .verify()
              .map((ChainBreak b) -> new Check(false, b.seq(), b.reason()))
              .orElse(new Check(true, 0, null));
    }
    return Templates.audit(console.me(), query, entries, older, check);
  }

  /** Every entry matching the filter, oldest first, as CSV. */
  @GET
  @Path("/export.csv")
  @Produces("text/csv")
  public Response export(
      @QueryParam("actor") String actor,
      @QueryParam("event") String event,
      @QueryParam("entity") String entity,
      @QueryParam("since") String since) {
    AuditQuery first = filter(actor, event, entity, since, EXPORT_BATCH);
    StreamingOutput body =
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          w.write("seq,at,actor,event,entity_type,entity_id,before,after,prev_hash,hash\n");
          long after = 0;
          while (true) {
            List<AuditEntry> batch =
                audit.list(
                    new AuditQuery(
                        first.actor(),
                        first.event(),
                        first.entityId(),
                        first.since(),
                        after,
                        EXPORT_BATCH));
            for (AuditEntry e : batch) {
              w.write(csvLine(e));
            }
            if (batch.size() < EXPORT_BATCH) {
              break;
            }
            after = batch.get(batch.size() - 1).seq();
          }
          w.flush();
        };
    String name = "openair-audit-" + LocalDate.ofInstant(console.now(), ZoneOffset.UTC) + ".csv";
    return Response.ok(body)
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  static String csvLine(AuditEntry e) {
    return String.join(
            ",",
            Long.toString(e.seq()),
            e.at().toString(),
            csv(e.actor()),
            csv(e.event()),
            csv(e.entityType()),
            csv(e.entityId()),
            csv(e.before()),
            csv(e.after()),
            e.prevHash(),
            e.hash())
        + "\n";
  }

  /**
   * One CSV cell: quoted when it holds a comma, quote or line break; a leading {@code = + - @} is
   * prefixed with {@code '} so a spreadsheet does not run it as a formula.
   */
  static String csv(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static AuditQuery filter(
      String actor, String event, String entity, String since, int limit) {
    Instant from = null;
    if (since != null && !since.isBlank()) {
      try {
        from = LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new BadRequestException("since", "'since' must be a date such as 2026-11-27");
      }
    }
    return new AuditQuery(
        blankToNull(actor), blankToNull(event), blankToNull(entity), from, 0, limit);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String param(String name, String value) {
    return value == null || value.isBlank()
        ? ""
        : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
