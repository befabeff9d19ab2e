package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.Clocksource;
import io.vigil.exporter.source.procfs.SysFs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * node_exporter's {@code time} collector: the system clock and time zone (any OS), and on Linux the clock sources
 * from {@code /sys/devices/system/clocksource}.
 *
 * <pre>
 * node_time_seconds 1.7952642180608046e+09
 * node_time_zone_offset_seconds{time_zone="UTC"} 0
 * node_time_clocksource_available_info{clocksource="tsc",device="0"} 1
 * node_time_clocksource_current_info{clocksource="tsc",device="0"} 1
 * </pre>
 *
 * <p>The zone label is the zone's short name as Java spells it; where tzdata has only a numeric abbreviation
 * ({@code +07}) Java may give a name ({@code ICT}) that Go's {@code time.Zone()} would not.
 *
 * <p>Thread safety: stateless.
 */
public final class TimeCollector implements Collector {

  public static final String NAME = "time";

  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);
  private static final String CLOCKSOURCE_DIR = "'/sys/devices/system/clocksource'";

  private final Clock clock;
  private final Optional<SysFs> sys;

  /**
   * @param clock the time and zone to report ({@link Clock#systemDefaultZone()} in production)
   * @param sys the sysfs root on Linux; without it the clocksource families are not emitted
   */
  public TimeCollector(Clock clock, Optional<SysFs> sys) {
    this.clock = clock;
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Instant now = clock.instant();
    ZoneId zone = clock.getZone();
    List<MetricSnapshot> families = new ArrayList<>();
    families.add(
        Families.gauge(
            "node_time_seconds",
            "System time in seconds since epoch (1970).",
            (now.getEpochSecond() * 1_000_000_000L + now.getNano()) / 1e9));
    families.add(
        GaugeSnapshot.builder()
            .name("node_time_zone_offset_seconds")
            .help("System time zone offset in seconds.")
            .dataPoint(
                Families.gaugePoint(
                    zone.getRules().getOffset(now).getTotalSeconds(),
                    "time_zone", ZONE_NAME.withZone(zone).format(now)))
            .build());
    if (sys.isPresent()) {
      families.addAll(clocksources(Clocksource.readAll(sys.get())));
    }
    return families;
  }

  private static List<MetricSnapshot> clocksources(List<Clocksource> sources) {
    if (sources.isEmpty()) {
      return List.of();
    }
    GaugeSnapshot.Builder available =
        GaugeSnapshot.builder()
            .name("node_time_clocksource_available_info")
            .help("Available clocksources read from " + CLOCKSOURCE_DIR + ".");
    GaugeSnapshot.Builder current =
        GaugeSnapshot.builder()
            .name("node_time_clocksource_current_info")
            .help("Current clocksource read from " + CLOCKSOURCE_DIR + ".");
    for (Clocksource source : sources) {
      for (String name : new LinkedHashSet<>(source.available())) {
        available.dataPoint(Families.gaugePoint(1, "clocksource", name, "device", source.device()));
      }
      current.dataPoint(Families.gaugePoint(1, "clocksource", source.current(), "device", source.device()));
    }
    return List.of(available.build(), current.build());
  }
}
