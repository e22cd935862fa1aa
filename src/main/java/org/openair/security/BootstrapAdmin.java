package org.openair.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.jboss.logging.Logger;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;

/** Creates the first admin when there are no users, so a fresh install can be signed in to. */
@ApplicationScoped
public class BootstrapAdmin {
  private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

  private final UserStore users;
  private final AuditLog audit;
  private final OpenAirConfig config;

  @Inject
  public BootstrapAdmin(UserStore users, AuditLog audit, OpenAirConfig config) {
    this.users = users;
    this.audit = audit;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (users.count() > 0) {
      return;
    }
    String password = config.bootstrapAdminPassword().filter(p -> !p.isBlank()).orElse(null);
    boolean generated = password == null;
    if (generated) {
      byte[] bytes = new byte[18];
      new SecureRandom().nextBytes(bytes);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    users.create("admin", password, Set.of(Roles.ADMIN));
    audit.record("system", "user.created", "user", "admin", null, Set.of(Roles.ADMIN));
    if (generated) {
      LOG.warnf(
          "Created user 'admin' with generated password %s (shown only this once; set"
              + " OPENAIR_BOOTSTRAP_ADMIN_PASSWORD to choose it)",
          password);
    } else {
      LOG.info("Created user 'admin' with the password from OPENAIR_BOOTSTRAP_ADMIN_PASSWORD");
    }
  }
}
