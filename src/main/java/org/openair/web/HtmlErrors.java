package org.openair.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.openair.api.ErrorInfo;

/**
 * Turns the API's JSON errors into pages when they answer a console request: a person gets a
 * sentence and a way back, not a JSON document.
 */
public class HtmlErrors {
  private final SecurityIdentity identity;
  private final Console console;

  @Inject
  public HtmlErrors(SecurityIdentity identity, Console console) {
    this.identity = identity;
    this.console = console;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance error(Me me, int status, String title, String message);
  }

  @ServerResponseFilter
  @ConsolePage
  public void toHtml(ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400) {
      return;
    }
    String message;
    Object entity = response.getEntity();
    if (entity instanceof ErrorInfo info) {
      message = info.message();
    } else if (entity instanceof String text && !text.isBlank()) {
      message = text;
    } else if (status == 403) {
      message = "Your role does not allow this.";
    } else if (status == 404) {
      message = "There is nothing here.";
    } else {
      message = "The request could not be answered.";
    }
    Me me = identity.isAnonymous() ? null : console.me();
    String html = Templates.error(me, status, title(status), message).render();
    response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "That did not work";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 409 -> "Already decided";
      default -> "Something went wrong";
    };
  }
}
