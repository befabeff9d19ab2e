package io.vigil.exporter.collector;

import io.vigil.exporter.source.procfs.CoolingDevice;
import io.vigil.exporter.source.procfs.DmiId;
import io.vigil.exporter.source.procfs.HwmonChip;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.ThermalZone;
import java.util.List;
import java.util.Optional;

/**
 * Every collector Vigil has, with node_exporter's name and default state, in one explicit list (no classpath
 * scanning, no reflection). The order here is the order of the landing page and of {@code --help}.
 */
public final class CollectorCatalogue {

  private static final List<CollectorDefinition> ALL =
      List.of(
          new CollectorDefinition(
              DmiCollector.NAME, true, "Expose Desktop Management Interface (DMI) info from /sys/class/dmi/id/",
              ctx -> {
                SysFs sys = ctx.requireSysFs(DmiCollector.NAME);
                return new DmiCollector(DmiId.read(sys), sys.path("class", "dmi", "id").toString());
              }),
          new CollectorDefinition(
              HwmonCollector.NAME, true, "Expose hardware monitoring and sensor data from /sys/class/hwmon/.",
              ctx -> {
                SysFs sys = ctx.requireSysFs(HwmonCollector.NAME);
                return new HwmonCollector(() -> HwmonChip.readAll(sys));
              }),
          new CollectorDefinition(
              LoadavgCollector.NAME, true, "Exposes load average.",
              ctx -> new LoadavgCollector(ctx.sources().loadavg())),
          new CollectorDefinition(
              ThermalZoneCollector.NAME, true, "Exposes thermal zone & cooling device statistics from /sys/class/thermal.",
              ctx -> {
                SysFs sys = ctx.requireSysFs(ThermalZoneCollector.NAME);
                return new ThermalZoneCollector(() -> ThermalZone.readAll(sys), () -> CoolingDevice.readAll(sys));
              }));

  private CollectorCatalogue() {}

  public static List<CollectorDefinition> all() {
    return ALL;
  }

  public static Optional<CollectorDefinition> find(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public static java.util.Set<String> names() {
    return ALL.stream().map(CollectorDefinition::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
