package org.openair.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

/** The audit log, for auditors and admins. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {
  private final AuditLog audit;

  @Inject
  public AuditResource(AuditLog audit) {
    this.audit = audit;
  }

  @GET
  public List<AuditEntry> list(
      @QueryParam("actor") String actor,
      @QueryParam("event") String event,
      @QueryParam("entityId") String entityId,
      @QueryParam("since") String since,
      @QueryParam("after") @DefaultValue("0") long after,
      @QueryParam("limit") @DefaultValue("500") int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new BadRequestException("limit", "'limit' must be from 1 to 10000");
    }
    Instant from = null;
    if (since != null && !since.isBlank()) {
      try {
        from = Instant.parse(since);
      } catch (DateTimeParseException e) {
        throw new BadRequestException("since", "'since' must be an ISO-8601 instant");
      }
    }
    return audit.list(new AuditQuery(actor, event, entityId, from, after, limit));
  }

  @GET
  @Path("/verify")
  public Map<String, Object> verify() {
    return audit
        .verify()
        .<Map<String, Object>>map(
            (ChainBreak b) -> Map.of("intact", false, "brokenAt", b.seq(), "reason", b.reason()))
        .orElse(Map.of("intact", true));
  }
}
