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
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.openair.domain.Delegation;
import org.openair.intake.DelegationIntake;
import org.openair.security.Roles;
import org.openair.store.ActivityStore;

/** What OpenAIR knows of a mailbox's configuration: the rights its owner gave others. */
@Path("/api/v1/mailboxes/{mailbox}/delegations")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {
  private final DelegationIntake intake;
  private final ActivityStore activity;
  private final SecurityIdentity identity;

  @Inject
  public MailboxResource(
      DelegationIntake intake, ActivityStore activity, SecurityIdentity identity) {
    this.intake = intake;
    this.activity = activity;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
  public Response report(@PathParam("mailbox") String mailbox, DelegationIntake.Request request) {
    Delegation stored = intake.record(mailbox, request, identity.getPrincipal().getName());
    return Response.created(
            UriBuilder.fromPath("/api/v1/mailboxes/{mailbox}/delegations")
                .build(stored.getMailbox()))
        .entity(stored)
        .build();
  }

  /** As last read from the mail server or reported; an investigation reads the server afresh. */
  @GET
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public List<Delegation> list(@PathParam("mailbox") String mailbox) {
    return activity.delegations(DelegationIntake.address("mailbox", mailbox));
  }
}
