package org.openair.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.openair.investigation.AlertRequest;
import org.openair.investigation.AlertService;
import org.openair.security.Roles;

/** Alerts start investigations; the answer comes at once and the investigation runs queued. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {
  private final AlertService alerts;
  private final SecurityIdentity identity;

  @Inject
  public AlertResource(AlertService alerts, SecurityIdentity identity) {
    this.alerts = alerts;
    this.identity = identity;
  }

  @POST
  @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
  public Response raise(AlertRequest request) {
    AlertService.Accepted accepted = alerts.raise(request, identity.getPrincipal().getName());
    return Response.accepted(accepted)
        .location(URI.create("/api/v1/investigations/" + accepted.investigationId()))
        .build();
  }
}
