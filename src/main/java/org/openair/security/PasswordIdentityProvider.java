package org.openair.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openair.audit.AuditLog;

/** HTTP Basic and form logins, checked against the stored users; failures are audited. */
@ApplicationScoped
public class PasswordIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
  private final UserStore users;
  private final AuditLog audit;

  @Inject
  public PasswordIdentityProvider(UserStore users, AuditLog audit) {
    this.users = users;
    this.audit = audit;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(
        () -> {
          String username = request.getUsername();
          return users
              .verifyPassword(username, request.getPassword().getPassword())
              .map(u -> identity(u))
              .orElseThrow(
                  () -> {
                    audit.record(username, "login.failed", "user", username, null, "password");
                    return new AuthenticationFailedException("invalid credentials");
                  });
        });
  }

  static SecurityIdentity identity(UserStore.User user) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(user.username()))
        .addRoles(user.roles())
        .build();
  }
}
