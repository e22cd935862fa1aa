package org.openair.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.openair.config.OpenAirConfig;
import org.openair.domain.Organisation;

/**
 * The organisation fact that rules read, from {@code openair.organisation.*} and, when {@code
 * openair.organisation.settings-file} names one, the settings file (see {@link OrganisationFile})
 * added to them. Read once at start.
 */
@ApplicationScoped
public class OrganisationSettings {
  private final Organisation organisation;

  @Inject
  public OrganisationSettings(OpenAirConfig config) {
    OpenAirConfig.Organisation o = config.organisation();
    Organisation fromProperties =
        new Organisation(
            o.acceptedDomains().orElse(Set.of()),
            o.vips().orElse(Set.of()),
            o.trustedSenders().orElse(Set.of()),
            o.simulationSenders().orElse(Set.of()),
            Map.of(),
            o.names().orElse(Set.of()));
    this.organisation =
        o.settingsFile()
            .filter(f -> !f.isBlank())
            .map(f -> read(Path.of(f), fromProperties))
            .orElse(fromProperties);
  }

  private static Organisation read(Path file, Organisation base) {
    try {
      return OrganisationFile.read(file).addTo(base);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The organisation settings file " + file.toAbsolutePath() + " cannot be read: " + e, e);
    }
  }

  public Organisation current() {
    return organisation;
  }
}
