package org.openair.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.openair.NotFoundException;
import org.openair.engine.ReloadResult;
import org.openair.engine.RuleError;
import org.openair.engine.RuleFile;
import org.openair.engine.RuleInfo;
import org.openair.engine.RuleService;
import org.openair.engine.RuleSet;
import org.openair.engine.RuleSetStore;
import org.openair.security.Roles;

/** The serving rule set, its load history, reloads, and rule files as they were. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {
  private final RuleService rules;
  private final RuleSetStore sets;
  private final SecurityIdentity identity;

  @Inject
  public RuleResource(RuleService rules, RuleSetStore sets, SecurityIdentity identity) {
    this.rules = rules;
    this.sets = sets;
    this.identity = identity;
  }

  public record FileView(String name, String sha256) {}

  public record RuleSetView(
      String id,
      Instant loadedAt,
      List<FileView> files,
      List<RuleInfo> rules,
      List<RuleSetStore.LoadRecord> history) {}

  public record ReloadView(
      boolean accepted, String ruleSetId, String servingRuleSetId, List<RuleError> errors) {}

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public RuleSetView current() {
    RuleSet set = rules.current();
    return new RuleSetView(
        set.id(),
        set.loadedAt(),
        set.files().stream().map(f -> new FileView(f.name(), f.sha256())).toList(),
        set.rules(),
        rules.history(50));
  }

  @POST
  @Path("/reload")
  @RolesAllowed(Roles.ADMIN)
  public Response reload() {
    ReloadResult result = rules.reload(identity.getPrincipal().getName());
    ReloadView view =
        new ReloadView(
            result.accepted(), result.ruleSetId(), rules.current().id(), result.errors());
    return Response.status(result.accepted() ? 200 : 422).entity(view).build();
  }

  @GET
  @Path("/sets/{id}/files/{name}")
  @Produces(MediaType.TEXT_PLAIN)
  @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
  public Response file(@PathParam("id") String id, @PathParam("name") String name) {
    RuleFile file =
        sets.file(id, name)
            .orElseThrow(() -> new NotFoundException("no file " + name + " in rule set " + id));
    return Response.ok(file.content())
        .type("text/plain; charset=utf-8")
        .header("X-Content-SHA256", file.sha256())
        .build();
  }
}
