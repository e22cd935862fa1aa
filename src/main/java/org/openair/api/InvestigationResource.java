package org.openair.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.openair.BadRequestException;
import org.openair.NotFoundException;
import org.openair.action.ActionStore;
import org.openair.investigation.AlertRecord;
import org.openair.investigation.InvestigationRecord;
import org.openair.investigation.InvestigationResult;
import org.openair.investigation.InvestigationStatus;
import org.openair.investigation.InvestigationStore;
import org.openair.security.Roles;

/** Investigations: a paged list and each one with its evidence, verdicts and actions. */
@Path("/api/v1/investigations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
public class InvestigationResource {
  private final InvestigationStore investigations;
  private final ActionStore actions;
  private final ObjectMapper json;

  @Inject
  public InvestigationResource(
      InvestigationStore investigations, ActionStore actions, ObjectMapper json) {
    this.investigations = investigations;
    this.actions = actions;
    this.json = json;
  }

  /** One line of the list. */
  public record Summary(
      String id,
      String alertId,
      String playbook,
      String status,
      String verdict,
      String threatKind,
      String ruleSetId,
      Instant createdAt,
      Instant finishedAt) {}

  public record Page(List<Summary> items, int page, int size, long total) {}

  /** The whole investigation. */
  public record Detail(
      String id,
      String playbook,
      String status,
      String verdict,
      String threatKind,
      String ruleSetId,
      AlertRecord alert,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      int attempts,
      String error,
      InvestigationResult result,
      List<ActionView> actions) {}

  @GET
  public Page list(
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    InvestigationStatus filter = null;
    if (status != null && !status.isBlank()) {
      filter =
          InvestigationStatus.fromCode(status)
              .orElseThrow(
                  () -> new BadRequestException("status", "unknown status '" + status + "'"));
    }
    if (page < 0) {
      throw new BadRequestException("page", "'page' must be 0 or more");
    }
    if (size < 1 || size > 500) {
      throw new BadRequestException("size", "'size' must be from 1 to 500");
    }
    List<Summary> items =
        investigations.list(filter, page * size, size).stream()
            .map(InvestigationResource::summary)
            .toList();
    return new Page(items, page, size, investigations.count(filter));
  }

  @GET
  @Path("/{id}")
  public Detail get(@PathParam("id") String id) {
    InvestigationRecord r =
        investigations.find(id).orElseThrow(() -> new NotFoundException("no investigation " + id));
    AlertRecord alert = investigations.alert(r.alertId()).orElse(null);
    return new Detail(
        r.id(),
        r.playbook(),
        r.status().code(),
        r.verdict().code(),
        r.threatKind(),
        r.ruleSetId(),
        alert,
        r.createdAt(),
        r.startedAt(),
        r.finishedAt(),
        r.attempts(),
        r.error(),
        parse(r.result()),
        actions.byInvestigation(id).stream().map(ActionView::of).toList());
  }

  private InvestigationResult parse(String result) {
    if (result == null) {
      return null;
    }
    try {
      return json.readValue(result, InvestigationResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored result cannot be read", e);
    }
  }

  private static Summary summary(InvestigationRecord r) {
    return new Summary(
        r.id(),
        r.alertId(),
        r.playbook(),
        r.status().code(),
        r.verdict().code(),
        r.threatKind(),
        r.ruleSetId(),
        r.createdAt(),
        r.finishedAt());
  }
}
