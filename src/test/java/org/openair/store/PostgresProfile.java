package org.openair.store;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the service on the PostgreSQL datasource named by {@code OPENAIR_TEST_POSTGRES_URL} (with
 * {@code _USER} and {@code _PASSWORD}); {@code .ci/run} starts one from Debian's packages.
 */
public class PostgresProfile implements QuarkusTestProfile {
  public static final String URL_VARIABLE = "OPENAIR_TEST_POSTGRES_URL";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.datasource.active",
        "false",
        "quarkus.datasource.\"postgresql\".active",
        "true",
        "quarkus.datasource.\"postgresql\".jdbc.url",
        System.getenv().getOrDefault(URL_VARIABLE, ""),
        "quarkus.datasource.\"postgresql\".username",
        System.getenv().getOrDefault("OPENAIR_TEST_POSTGRES_USER", "openair"),
        "quarkus.datasource.\"postgresql\".password",
        System.getenv().getOrDefault("OPENAIR_TEST_POSTGRES_PASSWORD", "openair"),
        "openair.database",
        "postgresql");
  }
}
