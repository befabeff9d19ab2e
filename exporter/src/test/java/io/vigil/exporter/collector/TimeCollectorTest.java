package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeCollectorTest {

  private static final Instant SUMMER = Instant.parse("2025-07-01T12:00:00.5Z");

  @Test
  void exposesTimeZoneAndClocksourcesFromTheFixture() throws Exception {
    TimeCollector collector =
        new TimeCollector(Clock.fixed(SUMMER, ZoneId.of("Europe/Berlin")), Optional.of(Fixtures.sysFs()));
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_time_clocksource_available_info Available clocksources read from '/sys/devices/system/clocksource'.
            # TYPE node_time_clocksource_available_info gauge
            node_time_clocksource_available_info{clocksource="acpi_pm",device="0"} 1.0
            node_time_clocksource_available_info{clocksource="hpet",device="0"} 1.0
            node_time_clocksource_available_info{clocksource="tsc",device="0"} 1.0
            # HELP node_time_clocksource_current_info Current clocksource read from '/sys/devices/system/clocksource'.
            # TYPE node_time_clocksource_current_info gauge
            node_time_clocksource_current_info{clocksource="tsc",device="0"} 1.0
            # HELP node_time_seconds System time in seconds since epoch (1970).
            # TYPE node_time_seconds gauge
            node_time_seconds 1.7513712005E9
            # HELP node_time_zone_offset_seconds System time zone offset in seconds.
            # TYPE node_time_zone_offset_seconds gauge
            node_time_zone_offset_seconds{time_zone="CEST"} 7200.0
            """);
  }

  @Test
  void reportsTheOffsetInForceAtTheCurrentInstant() throws Exception {
    Clock winter = Clock.fixed(Instant.parse("2025-01-15T08:00:00Z"), ZoneId.of("America/New_York"));
    assertThat(MetricsText.of(new TimeCollector(winter, Optional.empty()).collect()))
        .contains("node_time_zone_offset_seconds{time_zone=\"EST\"} -18000.0\n");
  }

  @Test
  void leavesOutClocksourcesWithoutSysfs() throws Exception {
    TimeCollector collector = new TimeCollector(Clock.fixed(SUMMER, ZoneId.of("UTC")), Optional.empty());
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_time_seconds System time in seconds since epoch (1970).
            # TYPE node_time_seconds gauge
            node_time_seconds 1.7513712005E9
            # HELP node_time_zone_offset_seconds System time zone offset in seconds.
            # TYPE node_time_zone_offset_seconds gauge
            node_time_zone_offset_seconds{time_zone="UTC"} 0.0
            """);
  }

  @Test
  void leavesOutClocksourcesWhenSysfsHasNone(@TempDir Path emptySys) throws Exception {
    TimeCollector collector =
        new TimeCollector(Clock.fixed(SUMMER, ZoneId.of("UTC")), Optional.of(new SysFs(emptySys)));
    assertThat(MetricsText.of(collector.collect())).doesNotContain("clocksource");
  }
}
