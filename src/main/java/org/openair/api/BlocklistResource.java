package org.openair.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.openair.BadRequestException;
import org.openair.action.connector.Blocklists;
import org.openair.security.Roles;

/**
 * The block lists as a feed for MTAs and filters: {@code plain}, {@code postfix}, {@code rspamd}.
 */
@Path("/api/v1/blocklists")
public class BlocklistResource {
  private final Blocklists blocklists;

  @Inject
  public BlocklistResource(Blocklists blocklists) {
    this.blocklists = blocklists;
  }

  @GET
  @Path("{kind}")
  @Produces(MediaType.TEXT_PLAIN)
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public String feed(
      @PathParam("kind") String kind, @QueryParam("format") @DefaultValue("plain") String format) {
    Blocklists.Kind k =
        Blocklists.Kind.fromCode(kind)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "kind",
                        "block list must be one of "
                            + Arrays.stream(Blocklists.Kind.values())
                                .map(Blocklists.Kind::code)
                                .collect(Collectors.joining(", "))));
    Blocklists.Format f =
        Blocklists.Format.fromCode(format)
            .orElseThrow(
                () ->
                    new BadRequestException("format", "'format' must be plain, postfix or rspamd"));
    return blocklists.render(k, f);
  }
}
