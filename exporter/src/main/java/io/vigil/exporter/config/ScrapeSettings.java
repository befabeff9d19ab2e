package io.vigil.exporter.config;

import java.time.Duration;

/**
 * Scrape timing.
 *
 * @param timeoutMargin subtracted from Prometheus' {@code X-Prometheus-Scrape-Timeout-Seconds} to get the
 *     collection deadline, leaving time to encode and send the answer
 * @param collectorTimeout the deadline of a collector without its own {@code timeout}
 */
public record ScrapeSettings(Duration timeoutMargin, Duration collectorTimeout) {
  public static final ScrapeSettings DEFAULT = new ScrapeSettings(Duration.ofMillis(500), Duration.ofSeconds(10));
}
