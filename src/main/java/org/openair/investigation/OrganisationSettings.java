package org.openair.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.openair.config.OpenAirConfig;
import org.openair.domain.Organisation;

/** The organisation fact that rules read, from {@code openair.organisation.*}. */
@ApplicationScoped
public class OrganisationSettings {
  private final Organisation organisation;

  @Inject
  public OrganisationSettings(OpenAirConfig config) {
    OpenAirConfig.Organisation o = config.organisation();
    this.organisation =
        new Organisation(
            o.acceptedDomains().orElse(Set.of()),
            o.vips().orElse(Set.of()),
            o.trustedSenders().orElse(Set.of()),
            o.simulationSenders().orElse(Set.of()));
  }

  public Organisation current() {
    return organisation;
  }
}
