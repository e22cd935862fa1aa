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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.openair.NotFoundException;
import org.openair.config.OpenAirConfig;
import org.openair.domain.Message;
import org.openair.intake.IntakeService;
import org.openair.intake.MessageMetadata;
import org.openair.security.Roles;
import org.openair.store.MessageStore;

/** Message intake: raw RFC 822 or JSON metadata, with the mailboxes each was delivered to. */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {
  private final IntakeService intake;
  private final MessageStore messages;
  private final SecurityIdentity identity;
  private final long maxBytes;

  @Inject
  public MessageResource(
      IntakeService intake,
      MessageStore messages,
      SecurityIdentity identity,
      OpenAirConfig config) {
    this.intake = intake;
    this.messages = messages;
    this.identity = identity;
    this.maxBytes = config.intake().maxMessageBytes();
  }

  @POST
  @Consumes("message/rfc822")
  @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
  public Response ingestRaw(InputStream body, @QueryParam("mailbox") List<String> mailboxes)
      throws IOException {
    byte[] raw = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (raw.length > maxBytes) {
      return ErrorMapper.json(
          new ErrorInfo(
              413,
              "Payload Too Large",
              "the message is larger than the limit of "
                  + maxBytes
                  + " bytes (openair.intake.max-message-bytes)"));
    }
    return created(intake.ingestRaw(raw, mailboxes, identity.getPrincipal().getName()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
  public Response ingestMetadata(MessageMetadata metadata) {
    return created(intake.ingestMetadata(metadata, identity.getPrincipal().getName()));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public Map<String, Object> get(@PathParam("id") String id) {
    Message m = messages.message(id).orElseThrow(() -> new NotFoundException("no message " + id));
    return Map.of(
        "message", m,
        "deliveries", messages.deliveries(List.of(id)),
        "links", messages.links(id),
        "attachments", messages.attachments(id));
  }

  private static Response created(IntakeService.Stored stored) {
    return Response.created(URI.create("/api/v1/messages/" + stored.messageId()))
        .entity(stored)
        .build();
  }
}
