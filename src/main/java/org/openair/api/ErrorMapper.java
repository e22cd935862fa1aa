package org.openair.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.openair.BadRequestException;
import org.openair.NotFoundException;
import org.openair.action.ActionConflictException;
import org.openair.action.ActionForbiddenException;

/** Turns exceptions into {@link ErrorInfo} answers; nothing escapes as a bare 500 page. */
public class ErrorMapper {
  private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

  @ServerExceptionMapper
  public Response badRequest(BadRequestException e) {
    return json(new ErrorInfo(400, "Bad Request", e.getMessage(), e.field(), null));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return json(new ErrorInfo(404, "Not Found", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response conflict(ActionConflictException e) {
    return json(new ErrorInfo(409, "Conflict", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response forbidden(ActionForbiddenException e) {
    return json(new ErrorInfo(403, "Forbidden", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e) {
    return json(
        new ErrorInfo(400, "Bad Request", "the body is not valid JSON: " + e.getOriginalMessage()));
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadableJson(json);
    }
    String reason = e.getResponse().getStatusInfo().getReasonPhrase();
    return json(new ErrorInfo(status, reason, e.getMessage()));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("Unexpected error answering a request", e);
    return json(
        new ErrorInfo(
            500, "Internal Server Error", "the server failed to answer; the log has the details"));
  }

  static Response json(ErrorInfo info) {
    return Response.status(info.status()).type(MediaType.APPLICATION_JSON).entity(info).build();
  }
}
