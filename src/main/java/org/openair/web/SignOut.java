package org.openair.web;

import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Signing out: a form post (so it carries the CSRF token) that clears the session cookie. */
@Path("/ui/logout")
@ConsolePage
@Authenticated
public class SignOut {

  @POST
  public Response logout(RoutingContext routing) {
    FormAuthenticationMechanism.logout(routing);
    return Response.seeOther(URI.create("/login?signedOut=true")).build();
  }
}
