package org.openair.investigation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openair.domain.Organisation;

/**
 * The organisation settings file, YAML, read at start by the service ({@code
 * openair.organisation.settings-file}) and by the command line ({@code --settings}); the same shape
 * is the {@code organisation} block of a rule test case:
 *
 * <pre>
 * acceptedDomains: [corp.example]
 * names: [Corp Example]
 * vips:
 *   - {address: ceo@corp.example, name: Jane Doe}
 * trustedSenders: [partner.example]
 * simulationSenders: [phish-test.example]
 * </pre>
 */
public record OrganisationFile(
    List<String> acceptedDomains,
    List<String> names,
    List<Vip> vips,
    List<String> trustedSenders,
    List<String> simulationSenders) {

  /** A VIP: the address, and the display name impersonators borrow (optional). */
  public record Vip(String address, String name) {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public OrganisationFile {
    acceptedDomains = acceptedDomains == null ? List.of() : List.copyOf(acceptedDomains);
    names = names == null ? List.of() : List.copyOf(names);
    vips = vips == null ? List.of() : List.copyOf(vips);
    trustedSenders = trustedSenders == null ? List.of() : List.copyOf(trustedSenders);
    simulationSenders = simulationSenders == null ? List.of() : List.copyOf(simulationSenders);
  }

  /** Reads a settings file; unknown keys are errors, so that a typo does not go unnoticed. */
  public static OrganisationFile read(Path file) throws IOException {
    OrganisationFile read = YAML.readValue(file.toFile(), OrganisationFile.class);
    return read == null ? new OrganisationFile(null, null, null, null, null) : read;
  }

  /** These settings added to {@code base} (lists are joined). */
  public Organisation addTo(Organisation base) {
    Organisation b = base == null ? Organisation.empty() : base;
    Map<String, String> vipNames = new LinkedHashMap<>(b.getVipNames());
    Set<String> vipAddresses = new HashSet<>(b.getVips());
    for (Vip vip : vips) {
      if (vip == null || vip.address() == null || vip.address().isBlank()) {
        throw new IllegalArgumentException("every VIP needs an 'address'");
      }
      vipAddresses.add(vip.address());
      if (vip.name() != null) {
        vipNames.put(vip.address(), vip.name());
      }
    }
    return new Organisation(
        join(b.getAcceptedDomains(), acceptedDomains),
        vipAddresses,
        join(b.getTrustedSenders(), trustedSenders),
        join(b.getSimulationSenders(), simulationSenders),
        vipNames,
        join(b.getNames(), names));
  }

  private static Set<String> join(Set<String> a, List<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
