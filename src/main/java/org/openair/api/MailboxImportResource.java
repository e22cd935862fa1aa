package org.openair.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openair.intake.MailboxImport;
import org.openair.security.Roles;

/** Backfills message metadata from mailboxes over IMAP for a time window. */
@Path("/api/v1/mailbox-imports")
public class MailboxImportResource {
  private final MailboxImport mailboxImport;

  @Inject
  public MailboxImportResource(MailboxImport mailboxImport) {
    this.mailboxImport = mailboxImport;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public List<MailboxImport.MailboxResult> run(MailboxImport.Request request) {
    return mailboxImport.run(request);
  }
}
