package org.openair.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openair.BadRequestException;
import org.openair.NotFoundException;
import org.openair.action.ActionConflictException;
import org.openair.audit.AuditLog;
import org.openair.security.Roles;
import org.openair.security.UserStore;

/** Users and their API tokens; admins only. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {
  private final UserStore users;
  private final AuditLog audit;
  private final SecurityIdentity identity;

  @Inject
  public UserResource(UserStore users, AuditLog audit, SecurityIdentity identity) {
    this.users = users;
    this.audit = audit;
    this.identity = identity;
  }

  public record NewUser(String username, String password, List<String> roles) {}

  public record NewToken(String name) {}

  @GET
  public List<UserStore.User> list() {
    return users.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewUser request) {
    if (request == null) {
      throw new BadRequestException(null, "the body must be a JSON object");
    }
    Set<String> roles =
        UserStore.checkNewUser(request.username(), request.password(), request.roles());
    if (users.exists(request.username())) {
      throw new ActionConflictException("user " + request.username() + " exists already");
    }
    UserStore.User user = users.create(request.username(), request.password(), roles);
    audit.record(actor(), "user.created", "user", user.username(), null, Map.of("roles", roles));
    return Response.created(URI.create("/api/v1/users/" + user.username())).entity(user).build();
  }

  @POST
  @Path("/{username}/tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issueToken(@PathParam("username") String username, NewToken request) {
    if (!users.exists(username)) {
      throw new NotFoundException("no user " + username);
    }
    String name = request == null || request.name() == null ? "token" : request.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new BadRequestException("name", "'name' must be 1-200 characters");
    }
    UserStore.IssuedToken token = users.issueToken(username, name);
    audit.record(
        actor(),
        "token.issued",
        "user",
        username,
        null,
        Map.of("tokenId", token.id(), "name", name));
    return Response.status(201).entity(token).build();
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }
}
