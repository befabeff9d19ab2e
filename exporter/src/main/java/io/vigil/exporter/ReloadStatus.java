package io.vigil.exporter;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of the latest configuration load, as Prometheus reports its own:
 * {@code vigil_config_last_reload_successful} and {@code vigil_config_last_reload_success_timestamp_seconds}. The
 * load at start-up counts as the first successful one.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class ReloadStatus {

  static final String SUCCESS_FAMILY = "vigil_config_last_reload_successful";
  static final String TIMESTAMP_FAMILY = "vigil_config_last_reload_success_timestamp_seconds";

  private record State(boolean successful, double lastSuccessSeconds) {}

  private volatile State state;

  ReloadStatus(Instant loaded) {
    state = new State(true, seconds(loaded));
  }

  void succeeded(Instant at) {
    state = new State(true, seconds(at));
  }

  void failed() {
    state = new State(false, state.lastSuccessSeconds());
  }

  boolean lastSuccessful() {
    return state.successful();
  }

  double lastSuccessSeconds() {
    return state.lastSuccessSeconds();
  }

  private static double seconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  List<MetricSnapshot> families() {
    State s = state;
    return List.of(
        GaugeSnapshot.builder()
            .name(SUCCESS_FAMILY)
            .help("Whether the last configuration reload attempt was successful.")
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.successful() ? 1 : 0).build())
            .build(),
        GaugeSnapshot.builder()
            .name(TIMESTAMP_FAMILY)
            .help("Timestamp of the last successful configuration reload.")
            .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.lastSuccessSeconds()).build())
            .build());
  }
}
