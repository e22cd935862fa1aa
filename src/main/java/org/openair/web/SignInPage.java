package org.openair.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.openair.security.LoginOriginCheck;

/** The sign-in page. Its form posts to Quarkus' form mechanism, which sets the session cookie. */
@Path("/")
public class SignInPage {
  private final SecurityIdentity identity;

  @Inject
  public SignInPage(SecurityIdentity identity) {
    this.identity = identity;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(
        boolean failed, boolean signedOut, String signedInAs, String postLocation);
  }

  @GET
  public Response root() {
    return Response.seeOther(URI.create("/ui")).build();
  }

  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance login(
      @QueryParam("error") String error, @QueryParam("signedOut") String signedOut) {
    return Templates.login(
        error != null,
        signedOut != null,
        identity.isAnonymous() ? null : identity.getPrincipal().getName(),
        LoginOriginCheck.POST_LOCATION);
  }
}
