package org.openair.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.openair.action.AutomationSettings;
import org.openair.security.Roles;

/** Settings admins change at run time: the automation policy. */
@Path("/api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SettingsResource {
  private final AutomationSettings automation;
  private final SecurityIdentity identity;

  @Inject
  public SettingsResource(AutomationSettings automation, SecurityIdentity identity) {
    this.automation = automation;
    this.identity = identity;
  }

  @GET
  @Path("/automation")
  public Map<String, Object> automation() {
    return automation.current().asMap();
  }

  /** Replaces the policy; investigations that start afterwards run under it. */
  @PUT
  @Path("/automation")
  @Consumes(MediaType.WILDCARD)
  public Map<String, Object> replaceAutomation(String body) {
    return automation.replace(body, identity.getPrincipal().getName()).asMap();
  }
}
