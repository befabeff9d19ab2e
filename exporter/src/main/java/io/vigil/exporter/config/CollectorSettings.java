package io.vigil.exporter.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-collector switches from the file: {@code collectors.<name>.enabled} and {@code .timeout}. Absent means "use
 * the default" (the catalogue's default state, the scrape-wide collector timeout).
 */
public record CollectorSettings(Optional<Boolean> enabled, Optional<Duration> timeout) {
  public static final CollectorSettings DEFAULT = new CollectorSettings(Optional.empty(), Optional.empty());
}
