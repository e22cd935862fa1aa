package org.openair.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What every console page needs: the signed-in user, the time, and safe redirects. */
@ApplicationScoped
public class Console {
  private final SecurityIdentity identity;
  private final CurrentVertxRequest request;
  private final CsrfGuard csrf;
  private final Clock clock;

  @Inject
  public Console(
      SecurityIdentity identity, CurrentVertxRequest request, CsrfGuard csrf, Clock clock) {
    this.identity = identity;
    this.request = request;
    this.csrf = csrf;
    this.clock = clock;
  }

  /** The signed-in user of this request. */
  public Me me() {
    return new Me(
        identity.getPrincipal().getName(),
        identity.getRoles(),
        csrf.tokenFor(request.getCurrent()));
  }

  public String username() {
    return identity.getPrincipal().getName();
  }

  public Instant now() {
    return clock.instant();
  }

  public Clock clock() {
    return clock;
  }

  /** How long ago {@code then} was, in the largest two units that matter ("3 h 12 min"). */
  public String age(Instant then) {
    return age(then, clock.instant());
  }

  static String age(Instant then, Instant now) {
    if (then == null) {
      return "";
    }
    Duration d = Duration.between(then, now);
    if (d.isNegative() || d.toMinutes() < 1) {
      return "just now";
    }
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    if (hours > 0) {
      return hours + " h " + minutes + " min";
    }
    return minutes + " min";
  }

  /**
   * A 303 to {@code target} when it is a console page, else to the overview: the target comes from
   * a form, and a redirect must not lead off the site.
   */
  public static Response seeOther(String target) {
    String safe =
        target != null
                && (target.equals("/ui") || target.startsWith("/ui/") || target.startsWith("/ui?"))
                && !target.contains("\\")
                && !target.contains("\r")
                && !target.contains("\n")
            ? target
            : "/ui";
    return Response.seeOther(URI.create(safe)).build();
  }
}
