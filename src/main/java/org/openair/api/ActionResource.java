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
import java.util.List;
import org.openair.BadRequestException;
import org.openair.action.ActionCenter;
import org.openair.action.ActionStatus;
import org.openair.security.Roles;

/** The action center: what waits for a decision, and the decisions. */
@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {
  private final ActionCenter center;
  private final SecurityIdentity identity;
  private final ObjectMapper json;

  @Inject
  public ActionResource(ActionCenter center, SecurityIdentity identity, ObjectMapper json) {
    this.center = center;
    this.identity = identity;
    this.json = json;
  }

  /** The optional body of a decision. */
  public record Decision(String comment) {}

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public List<ActionView> list(
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("100") int size) {
    ActionStatus filter = null;
    if (status != null && !status.isBlank()) {
      filter =
          ActionStatus.fromCode(status)
              .orElseThrow(
                  () -> new BadRequestException("status", "unknown status '" + status + "'"));
    }
    if (page < 0 || size < 1 || size > 1000) {
      throw new BadRequestException("size", "'page' must be 0 or more and 'size' 1 to 1000");
    }
    return center.list(filter, page * size, size).stream().map(ActionView::of).toList();
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
    if (decision.comment().length() > 4000) {
      throw new BadRequestException("comment", "'comment' must be at most 4000 characters");
    }
    return decision.comment().strip();
  }
}
