package org.openair.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openair.intel.BulkRequest;
import org.openair.intel.IntelIndex;
import org.openair.intel.IntelService;
import org.openair.intel.IntelStore;
import org.openair.intel.SourceRecord;
import org.openair.intel.SourceRequest;
import org.openair.security.Roles;

/** Threat-intelligence sources, bulk indicators, lookups and retro-hunts. */
@Path("/api/v1/intel")
@Produces(MediaType.APPLICATION_JSON)
public class IntelResource {
  private final IntelService intel;
  private final SecurityIdentity identity;

  @Inject
  public IntelResource(IntelService intel, SecurityIdentity identity) {
    this.intel = intel;
    this.identity = identity;
  }

  /** A source with how its last refresh went; {@code lastError} and {@code problems} say why. */
  public record SourceView(
      String name,
      String kind,
      String location,
      String refreshInterval,
      String type,
      String verdict,
      int confidence,
      Map<String, String> mapping,
      boolean enabled,
      Instant lastAttemptAt,
      Instant lastSuccessAt,
      int indicatorCount,
      int skippedCount,
      String lastError,
      List<String> problems,
      Instant createdAt,
      String createdBy) {
    static SourceView of(SourceRecord r) {
      var s = r.spec();
      return new SourceView(
          s.name(),
          s.kind().code(),
          s.location(),
          s.refreshInterval() == null ? null : s.refreshInterval().toString(),
          s.type() == null ? null : s.type().code(),
          s.verdict().code(),
          s.confidence(),
          s.mapping(),
          s.enabled(),
          r.lastAttemptAt(),
          r.lastSuccessAt(),
          r.indicatorCount(),
          r.skippedCount(),
          r.lastError(),
          r.problems(),
          r.createdAt(),
          r.createdBy());
    }
  }

  /** One indicator that matched a looked-up value, and why. */
  public record MatchView(
      String type,
      String value,
      String source,
      String verdict,
      String threat,
      int confidence,
      String description,
      Instant firstSeen,
      Instant lastSeen,
      Instant expiresAt,
      boolean expired,
      String reason) {
    static MatchView of(IntelIndex.Match m, Instant now) {
      var i = m.indicator();
      return new MatchView(
          i.type().code(),
          i.value(),
          i.source(),
          i.verdict().code(),
          i.threat(),
          i.confidence(),
          i.description(),
          i.firstSeen(),
          i.lastSeen(),
          i.expiresAt(),
          i.expiredAt(now),
          m.reason());
    }
  }

  @GET
  @Path("/sources")
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public List<SourceView> sources() {
    return intel.sources().stream().map(SourceView::of).toList();
  }

  @GET
  @Path("/sources/{name}")
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public SourceView source(@PathParam("name") String name) {
    return SourceView.of(intel.source(name));
  }

  /** Creates or redefines a source; its first read is queued and reported in GET sources. */
  @POST
  @Path("/sources")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response save(SourceRequest request) {
    SourceView saved = SourceView.of(intel.save(request, actor()));
    return Response.created(URI.create("/api/v1/intel/sources/" + saved.name()))
        .entity(saved)
        .build();
  }

  @DELETE
  @Path("/sources/{name}")
  @RolesAllowed(Roles.ADMIN)
  public Response delete(@PathParam("name") String name) {
    intel.delete(name, actor());
    return Response.noContent().build();
  }

  @POST
  @Path("/sources/{name}/refresh")
  @RolesAllowed(Roles.ADMIN)
  public Response refresh(@PathParam("name") String name) {
    intel.refresh(name);
    return Response.accepted(Map.of("name", name, "refresh", "queued")).build();
  }

  @POST
  @Path("/sources/{name}/disable")
  @RolesAllowed(Roles.ADMIN)
  public SourceView disable(@PathParam("name") String name) {
    return SourceView.of(intel.setEnabled(name, false, actor()));
  }

  @POST
  @Path("/sources/{name}/enable")
  @RolesAllowed(Roles.ADMIN)
  public SourceView enable(@PathParam("name") String name) {
    return SourceView.of(intel.setEnabled(name, true, actor()));
  }

  /** Adds indicators in bulk; each entry is accepted or refused with its reason. */
  @POST
  @Path("/indicators")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
  public IntelService.BulkResult add(List<BulkRequest> indicators) {
    return intel.add(indicators, actor());
  }

  @GET
  @Path("/lookup")
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public Map<String, Object> lookup(@QueryParam("value") String value) {
    Instant now = Instant.now();
    List<MatchView> matches = intel.lookup(value).stream().map(m -> MatchView.of(m, now)).toList();
    return Map.of("value", value, "matches", matches);
  }

  @GET
  @Path("/hunts")
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public List<IntelStore.Hunt> hunts(@QueryParam("limit") @DefaultValue("50") int limit) {
    return intel.hunts(limit);
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }
}
