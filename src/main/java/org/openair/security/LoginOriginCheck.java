package org.openair.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses sign-in posts that come from another site. The sign-in form is answered by Quarkus' form
 * mechanism before any REST filter, so the CSRF token that guards the console's other forms cannot
 * guard it; browsers name the page a form was posted from in {@code Origin} (or {@code Referer}).
 */
@ApplicationScoped
public class LoginOriginCheck {
  /** Where the sign-in form posts; Quarkus' default for form authentication. */
  public static final String POST_LOCATION = "/j_security_check";

  // Above authentication (200), so a refused post never reaches the identity providers.
  private static final int PRIORITY = 250;

  void register(@Observes Filters filters) {
    filters.register(this::check, PRIORITY);
  }

  private void check(RoutingContext context) {
    if (context.request().method() != HttpMethod.POST
        || !POST_LOCATION.equals(context.normalizedPath())) {
      context.next();
      return;
    }
    String origin = context.request().getHeader("Origin");
    String source = origin != null ? origin : context.request().getHeader("Referer");
    if (sameOrigin(source, context.request().authority())) {
      context.next();
    } else {
      context.response().setStatusCode(403).end("sign-in refused: the form came from another site");
    }
  }

  /** True when {@code source} (an origin or a URL) names the host and port the request went to. */
  static boolean sameOrigin(String source, HostAndPort authority) {
    if (source == null || authority == null || "null".equals(source)) {
      return false;
    }
    try {
      URI uri = new URI(source);
      if (uri.getHost() == null) {
        return false;
      }
      int port = uri.getPort();
      if (port == -1) {
        port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      }
      int expectedPort = authority.port() == -1 ? port : authority.port();
      return uri.getHost().equalsIgnoreCase(authority.host()) && port == expectedPort;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
