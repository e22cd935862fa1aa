package org.openair.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openair.audit.AuditLog;

/** API tokens ({@code Authorization: Bearer oat_…}) for machines; failures are audited. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  private final UserStore users;
  private final AuditLog audit;

  @Inject
  public TokenIdentityProvider(UserStore users, AuditLog audit) {
    this.users = users;
    this.audit = audit;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(
        () ->
            users
                .verifyToken(request.getToken().getToken())
                .map(PasswordIdentityProvider::identity)
                .orElseThrow(
                    () -> {
                      audit.record("anonymous", "login.failed", "token", null, null, "token");
                      return new AuthenticationFailedException("invalid token");
                    }));
  }
}
