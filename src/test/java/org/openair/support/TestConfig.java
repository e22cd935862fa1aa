package org.openair.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.openair.config.OpenAirConfig;

/** OpenAIR's typed configuration built from a few keys, for tests that run without Quarkus. */
public final class TestConfig {
  private TestConfig() {}

  public static OpenAirConfig of(Map<String, String> values) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(OpenAirConfig.class)
            .withConverter(Duration.class, 100, new DurationConverter())
            .withSources(new PropertiesConfigSource(values, "test", 500))
            .build();
    return config.getConfigMapping(OpenAirConfig.class);
  }
}
