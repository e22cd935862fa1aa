package org.openair.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openair.BadRequestException;
import org.openair.action.ActionCenter;
import org.openair.action.ActionFilter;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;
import org.openair.action.BulkDecisions;
import org.openair.domain.ActionType;
import org.openair.security.Roles;

/** The action center: what waits for a decision, the decisions, one or many at once, and undo. */
@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {
  private final ActionCenter center;
  private final BulkDecisions bulk;
  private final SecurityIdentity identity;
  private final ObjectMapper json;
  private final Clock clock;

  @Inject
  public ActionResource(
      ActionCenter center,
      BulkDecisions bulk,
      SecurityIdentity identity,
      ObjectMapper json,
      Clock clock) {
    this.center = center;
    this.bulk = bulk;
    this.identity = identity;
    this.json = json;
    this.clock = clock;
  }

  /** The optional body of a decision. */
  public record Decision(String comment) {}

  /** The body of a bulk decision. */
  public record BulkDecision(List<String> ids, String comment) {}

  /** What happened to one action of a bulk decision: the HTTP status it would have had alone. */
  public record ItemResult(String id, int status, ActionView action, String error) {}

  public record BulkResult(int succeeded, int failed, List<ItemResult> results) {}

  /**
   * Actions, oldest first, filtered by status, investigation, type, target (part of it), playbook
   * and age ({@code olderThan}, {@code newerThan}: ISO-8601 durations such as {@code P1D}); the
   * {@code X-Total-Count} header gives the number of matches.
   */
  @GET
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public Response list(
      @QueryParam("status") String status,
      @QueryParam("investigation") String investigation,
      @QueryParam("type") String type,
      @QueryParam("target") String target,
      @QueryParam("playbook") String playbook,
      @QueryParam("olderThan") String olderThan,
      @QueryParam("newerThan") String newerThan,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("100") int size) {
    ActionStatus statusFilter = null;
    if (!blank(status)) {
      statusFilter =
          ActionStatus.fromCode(status)
              .orElseThrow(
                  () -> new BadRequestException("status", "unknown status '" + status + "'"));
    }
    ActionType typeFilter = null;
    if (!blank(type)) {
      typeFilter =
          ActionType.fromCode(type)
              .orElseThrow(() -> new BadRequestException("type", "unknown type '" + type + "'"));
    }
    if (page < 0 || size < 1 || size > 1000) {
      throw new BadRequestException("size", "'page' must be 0 or more and 'size' 1 to 1000");
    }
    Instant now = clock.instant();
    Instant createdBefore = blank(olderThan) ? null : now.minus(age("olderThan", olderThan));
    Instant createdAfter = blank(newerThan) ? null : now.minus(age("newerThan", newerThan));
    ActionFilter filter =
        new ActionFilter(
            statusFilter,
            blankToNull(investigation),
            typeFilter,
            blankToNull(target),
            blankToNull(playbook),
            createdAfter,
            createdBefore,
            false);
    List<ActionView> items =
        center.list(filter, page * size, size).stream().map(ActionView::of).toList();
    return Response.ok(items).header("X-Total-Count", center.count(filter)).build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public ActionView get(@PathParam("id") String id) {
    return ActionView.of(center.get(id));
  }

  // The body is optional and read leniently: a bare POST from curl or a script decides too.
  @POST
  @Path("/{id}/approve")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
  public ActionView approve(@PathParam("id") String id, String body) {
    return ActionView.of(center.approve(id, user(), comment(body)));
  }

  @POST
  @Path("/{id}/reject")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
  public ActionView reject(@PathParam("id") String id, String body) {
    return ActionView.of(center.reject(id, user(), comment(body)));
  }

  /** Undoes an executed reversible action; answers the new undo action. */
  @POST
  @Path("/{id}/undo")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
  public Response undo(@PathParam("id") String id, String body) {
    ActionRecord undo = center.undo(id, user(), comment(body));
    return Response.accepted(ActionView.of(undo)).build();
  }

  @POST
  @Path("/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
  public BulkResult approveAll(BulkDecision request) {
    return bulk(BulkDecisions.Kind.APPROVE, request);
  }

  @POST
  @Path("/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
  public BulkResult rejectAll(BulkDecision request) {
    return bulk(BulkDecisions.Kind.REJECT, request);
  }

  private BulkResult bulk(BulkDecisions.Kind kind, BulkDecision request) {
    BulkDecisions.Result result =
        request == null
            ? bulk.decide(kind, null, user(), null)
            : bulk.decide(kind, request.ids(), user(), request.comment());
    List<ItemResult> items =
        result.items().stream()
            .map(
                i ->
                    new ItemResult(
                        i.id(),
                        i.status(),
                        i.action() == null ? null : ActionView.of(i.action()),
                        i.error()))
            .toList();
    return new BulkResult(result.succeeded(), result.failed(), items);
  }

  private static Duration age(String field, String value) {
    try {
      Duration d = Duration.parse(value.strip());
      if (d.isNegative()) {
        throw new BadRequestException(field, "'" + field + "' must not be negative");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          field, "'" + field + "' must be an ISO-8601 duration such as PT2H or P1D");
    }
  }

  private String user() {
    return identity.getPrincipal().getName();
  }

  private String comment(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    Decision decision;
    try {
      decision = json.readValue(body, Decision.class);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          "comment", "the body must be empty or JSON such as {\"comment\": \"...\"}");
    }
    if (decision == null || decision.comment() == null || decision.comment().isBlank()) {
      return null;
    }
    return BulkDecisions.checkedComment(decision.comment());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return blank(s) ? null : s.strip();
  }
}
