package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.procfs.Timex;
import java.util.List;

/**
 * node_exporter's {@code timex} collector (Linux only): the kernel's NTP clock discipline state from
 * {@code adjtimex(2)}, converted to seconds, hertz and ratios as node_exporter converts them (offset and PPS jitter
 * in nanoseconds when STA_NANO is set, else microseconds). See {@link Timex}.
 *
 * <pre>
 * node_timex_sync_status 1
 * node_timex_offset_seconds -3.2e-05
 * node_timex_frequency_adjustment_ratio 1.0000123
 * node_timex_tick_seconds 0.01
 * </pre>
 *
 * <p>Thread safety: stateless (the reader makes one syscall per collection).
 */
public final class TimexCollector implements Collector {

  public static final String NAME = "timex";

  private final SourceReader<Timex> source;

  public TimexCollector(SourceReader<Timex> source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Timex t = source.read();
    return List.of(
        gauge("sync_status", "Is clock synchronized to a reliable server (1 = yes, 0 = no).", t.syncStatus()),
        gauge("offset_seconds", "Time offset in between local system and reference clock.", t.offsetSeconds()),
        gauge("frequency_adjustment_ratio", "Local clock frequency adjustment.", t.frequencyAdjustmentRatio()),
        gauge("maxerror_seconds", "Maximum error in seconds.", t.maxerrorSeconds()),
        gauge("estimated_error_seconds", "Estimated error in seconds.", t.esterrorSeconds()),
        gauge("status", "Value of the status array bits.", t.status()),
        gauge("loop_time_constant", "Phase-locked loop time constant.", t.constant()),
        gauge("tick_seconds", "Seconds between clock ticks.", t.tickSeconds()),
        gauge("pps_frequency_hertz", "Pulse per second frequency.", t.ppsFrequencyHertz()),
        gauge("pps_jitter_seconds", "Pulse per second jitter.", t.ppsJitterSeconds()),
        gauge("pps_shift_seconds", "Pulse per second interval duration.", t.shift()),
        gauge("pps_stability_hertz", "Pulse per second stability, average of recent frequency changes.",
            t.ppsStabilityHertz()),
        counter("pps_jitter", "Pulse per second count of jitter limit exceeded events.", t.jitcnt()),
        counter("pps_calibration", "Pulse per second count of calibration intervals.", t.calcnt()),
        counter("pps_error", "Pulse per second count of calibration errors.", t.errcnt()),
        counter("pps_stability_exceeded", "Pulse per second count of stability limit exceeded events.", t.stbcnt()),
        gauge("tai_offset_seconds", "International Atomic Time (TAI) offset.", t.tai()));
  }

  private static MetricSnapshot gauge(String suffix, String help, double value) {
    return Families.gauge("node_timex_" + suffix, help, value);
  }

  private static MetricSnapshot counter(String suffix, String help, double value) {
    return Families.counter("node_timex_" + suffix, help, value);
  }
}
