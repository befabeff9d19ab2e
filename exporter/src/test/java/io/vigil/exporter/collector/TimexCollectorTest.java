package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.procfs.AdjtimexSyscall;
import io.vigil.exporter.source.procfs.Timex;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TimexCollectorTest {

  @Test
  void exposesTheSeventeenFamiliesWithNodeExportersConversions() throws Exception {
    // a host disciplined by chrony with a PPS source: nanosecond mode (STA_PLL | STA_PPSFREQ | STA_PPSTIME |
    // STA_PPSSIGNAL | STA_NANO), offset -1.5 us, +12.3 ppm, TAI offset 37 s
    Timex t = new Timex(0, -1_500, 806_093, 4_500, 120, 0x2107, 4, 10_000, 786_432, 250, 2, 65_536, 3, 88, 1, 0, 37);

    assertThat(MetricsText.of(new TimexCollector(() -> t).collect()))
        .isEqualTo(
            """
            # HELP node_timex_estimated_error_seconds Estimated error in seconds.
            # TYPE node_timex_estimated_error_seconds gauge
            node_timex_estimated_error_seconds 1.2E-4
            # HELP node_timex_frequency_adjustment_ratio Local clock frequency adjustment.
            # TYPE node_timex_frequency_adjustment_ratio gauge
            node_timex_frequency_adjustment_ratio 1.0000123000030519
            # HELP node_timex_loop_time_constant Phase-locked loop time constant.
            # TYPE node_timex_loop_time_constant gauge
            node_timex_loop_time_constant 4.0
            # HELP node_timex_maxerror_seconds Maximum error in seconds.
            # TYPE node_timex_maxerror_seconds gauge
            node_timex_maxerror_seconds 0.0045
            # HELP node_timex_offset_seconds Time offset in between local system and reference clock.
            # TYPE node_timex_offset_seconds gauge
            node_timex_offset_seconds -1.5E-6
            # HELP node_timex_pps_calibration_total Pulse per second count of calibration intervals.
            # TYPE node_timex_pps_calibration_total counter
            node_timex_pps_calibration_total 88.0
            # HELP node_timex_pps_error_total Pulse per second count of calibration errors.
            # TYPE node_timex_pps_error_total counter
            node_timex_pps_error_total 1.0
            # HELP node_timex_pps_frequency_hertz Pulse per second frequency.
            # TYPE node_timex_pps_frequency_hertz gauge
            node_timex_pps_frequency_hertz 1.2E-5
            # HELP node_timex_pps_jitter_total Pulse per second count of jitter limit exceeded events.
            # TYPE node_timex_pps_jitter_total counter
            node_timex_pps_jitter_total 3.0
            # HELP node_timex_pps_jitter_seconds Pulse per second jitter.
            # TYPE node_timex_pps_jitter_seconds gauge
            node_timex_pps_jitter_seconds 2.5E-7
            # HELP node_timex_pps_shift_seconds Pulse per second interval duration.
            # TYPE node_timex_pps_shift_seconds gauge
            node_timex_pps_shift_seconds 2.0
            # HELP node_timex_pps_stability_exceeded_total Pulse per second count of stability limit exceeded events.
            # TYPE node_timex_pps_stability_exceeded_total counter
            node_timex_pps_stability_exceeded_total 0.0
            # HELP node_timex_pps_stability_hertz Pulse per second stability, average of recent frequency changes.
            # TYPE node_timex_pps_stability_hertz gauge
            node_timex_pps_stability_hertz 1.0E-6
            # HELP node_timex_status Value of the status array bits.
            # TYPE node_timex_status gauge
            node_timex_status 8455.0
            # HELP node_timex_sync_status Is clock synchronized to a reliable server (1 = yes, 0 = no).
            # TYPE node_timex_sync_status gauge
            node_timex_sync_status 1.0
            # HELP node_timex_tai_offset_seconds International Atomic Time (TAI) offset.
            # TYPE node_timex_tai_offset_seconds gauge
            node_timex_tai_offset_seconds 37.0
            # HELP node_timex_tick_seconds Seconds between clock ticks.
            # TYPE node_timex_tick_seconds gauge
            node_timex_tick_seconds 0.01
            """);
  }

  @Test
  void reportsAnUnsynchronisedClockAsNodeExporterDidOnTheReferenceHost() throws Exception {
    // the build VM without an NTP daemon: TIME_ERROR, STA_UNSYNC (0x40), maxerror and esterror 16 s
    Timex t = new Timex(Timex.TIME_ERROR, 0, 0, 16_000_000, 16_000_000, 0x40, 2, 10_000, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    assertThat(MetricsText.of(new TimexCollector(() -> t).collect()))
        .contains("node_timex_sync_status 0.0", "node_timex_status 64.0", "node_timex_maxerror_seconds 16.0",
            "node_timex_estimated_error_seconds 16.0", "node_timex_frequency_adjustment_ratio 1.0");
  }

  @Test
  void failsWhenTheSystemCallFails() {
    TimexCollector collector = new TimexCollector(() -> {
      throw new IOException("adjtimex(2) failed: errno 1");
    });

    assertThatThrownBy(collector::collect).isInstanceOf(IOException.class).hasMessageContaining("errno 1");
  }

  @Test
  void readsThisHostsClock() throws Exception {
    assumeThat(Files.isDirectory(Path.of("/proc/self"))).as("Linux").isTrue();

    String text = MetricsText.of(new TimexCollector(AdjtimexSyscall::read).collect());

    assertThat(text.lines().filter(l -> l.startsWith("# TYPE node_timex_"))).hasSize(17);
    assertThat(text).containsPattern("node_timex_sync_status [01]\\.0");
  }
}
