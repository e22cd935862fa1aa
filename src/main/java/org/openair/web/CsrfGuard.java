package org.openair.web;

import com.google.common.hash.Hashing;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.openair.config.SessionKeySource;

/**
 * CSRF protection for the console's forms: a random nonce in an HttpOnly, same-site cookie, and in
 * every form the nonce with an HMAC that binds it to the signed-in user. A post under {@code /ui}
 * without a matching token is refused with 400.
 *
 * <p>Why not quarkus-rest-csrf: its filter checks every REST endpoint, and refuses the API's
 * form-encoded and bare posts (what {@code curl -d} and most HTTP clients send), which the API must
 * keep accepting with Basic or Bearer credentials. This guard checks the console's paths only.
 */
@ApplicationScoped
public class CsrfGuard {
  public static final String COOKIE = "openair-csrf";
  public static final String FIELD = "csrf";
  private static final String TOKEN_ATTRIBUTE = CsrfGuard.class.getName() + ".nonce";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;
  private final SecurityIdentity identity;

  @Inject
  public CsrfGuard(
      @ConfigProperty(name = SessionKeySource.KEY_PROPERTY) String sessionKey,
      SecurityIdentity identity) {
    // A key of its own, derived from the session key, so a token reveals nothing about the latter.
    this.key =
        Hashing.sha256().hashString("openair-csrf|" + sessionKey, StandardCharsets.UTF_8).asBytes();
    this.identity = identity;
  }

  @ServerRequestFilter
  @WithFormRead
  @ConsolePage
  public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
    if (!isConsole(routing.normalizedPath())) {
      return null;
    }
    String nonce = nonceFromCookie(routing);
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      if (nonce == null) {
        nonce = newNonce();
        routing
            .response()
            .addCookie(
                Cookie.cookie(COOKIE, nonce)
                    .setPath("/ui")
                    .setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT)
                    .setSecure(routing.request().isSSL()));
      }
      routing.put(TOKEN_ATTRIBUTE, nonce);
      return null;
    }
    String sent = request.getHeaderString("X-CSRF-Token");
    if (sent == null) {
      ResteasyReactiveRequestContext context =
          (ResteasyReactiveRequestContext) request.getServerRequestContext();
      Object field = context.getFormParameter(FIELD, true, false);
      sent = field == null ? null : field.toString();
    }
    if (nonce == null || sent == null || !constantTimeEquals(sent, token(nonce, user()))) {
      return Response.status(400)
          .type(MediaType.TEXT_PLAIN_TYPE)
          .entity(
              "This form's security token is missing or out of date. Go back, reload the page and"
                  + " try again.")
          .build();
    }
    routing.put(TOKEN_ATTRIBUTE, nonce);
    return null;
  }

  /** The token this request's forms carry; empty outside the console. */
  public String tokenFor(RoutingContext routing) {
    String nonce = routing.get(TOKEN_ATTRIBUTE);
    return nonce == null ? "" : token(nonce, user());
  }

  static boolean isConsole(String path) {
    return path != null && (path.equals("/ui") || path.startsWith("/ui/"));
  }

  private String user() {
    return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
  }

  String token(String nonce, String user) {
    byte[] mac =
        Hashing.hmacSha256(key).hashString(nonce + "|" + user, StandardCharsets.UTF_8).asBytes();
    return nonce + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
  }

  private static String nonceFromCookie(RoutingContext routing) {
    Cookie cookie = routing.request().getCookie(COOKIE);
    if (cookie == null) {
      return null;
    }
    String value = cookie.getValue();
    return value != null && value.matches("[A-Za-z0-9_-]{22,64}") ? value : null;
  }

  private static String newNonce() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
