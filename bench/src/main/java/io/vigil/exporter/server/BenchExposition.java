package io.vigil.exporter.server;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.List;

/**
 * The exporter's own response encoding ({@code Exposition}: format negotiation, the OpenMetrics fast path, gzip) for
 * the benchmarks, which live outside its package. Prometheus 2.42's Accept header.
 */
public final class BenchExposition {

  private static final List<String> ACCEPT = List.of(
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

  private final Exposition exposition = new Exposition();

  /** The response body for a Prometheus scrape, gzip-compressed when {@code gzip}. */
  public byte[] encode(MetricSnapshots snapshots, boolean gzip) throws IOException {
    return exposition.encode(snapshots, ACCEPT, gzip ? List.of("gzip") : List.of()).bytes();
  }
}
