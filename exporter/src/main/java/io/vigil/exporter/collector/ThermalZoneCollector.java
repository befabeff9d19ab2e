package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.procfs.CoolingDevice;
import io.vigil.exporter.source.procfs.ThermalZone;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's {@code thermal_zone} collector (Linux): zone temperatures and cooling device states from
 * {@code /sys/class/thermal}.
 *
 * <pre>
 * # HELP node_thermal_zone_temp Zone temperature in Celsius
 * node_thermal_zone_temp{type="x86_pkg_temp",zone="2"} 36
 * # HELP node_cooling_device_cur_state Current throttle state of the cooling device
 * node_cooling_device_cur_state{name="4",type="intel_powerclamp"} -1
 * # HELP node_cooling_device_max_state Maximum throttle state of the cooling device
 * node_cooling_device_max_state{name="4",type="intel_powerclamp"} 50
 * </pre>
 *
 * <p>A host without {@code /sys/class/thermal} entries (most virtual machines) succeeds with no families, as in
 * node_exporter.
 *
 * <p>Thread safety: immutable; reads go through the source on each call.
 */
public final class ThermalZoneCollector implements Collector {

  public static final String NAME = "thermal_zone";

  private final SourceReader<List<ThermalZone>> zones;
  private final SourceReader<List<CoolingDevice>> coolingDevices;

  public ThermalZoneCollector(
      SourceReader<List<ThermalZone>> zones, SourceReader<List<CoolingDevice>> coolingDevices) {
    this.zones = zones;
    this.coolingDevices = coolingDevices;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<MetricSnapshot> out = new ArrayList<>(3);
    List<ThermalZone> zoneList = zones.read();
    if (!zoneList.isEmpty()) {
      GaugeSnapshot.Builder temp = GaugeSnapshot.builder().name("node_thermal_zone_temp").help("Zone temperature in Celsius");
      for (ThermalZone z : zoneList) {
        temp.dataPoint(Families.gaugePoint(z.tempCelsius(), "zone", z.zone(), "type", z.type()));
      }
      out.add(temp.build());
    }
    List<CoolingDevice> devices = coolingDevices.read();
    if (!devices.isEmpty()) {
      GaugeSnapshot.Builder cur =
          GaugeSnapshot.builder()
              .name("node_cooling_device_cur_state")
              .help("Current throttle state of the cooling device");
      GaugeSnapshot.Builder max =
          GaugeSnapshot.builder()
              .name("node_cooling_device_max_state")
              .help("Maximum throttle state of the cooling device");
      for (CoolingDevice d : devices) {
        cur.dataPoint(Families.gaugePoint(d.curState(), "name", d.name(), "type", d.type()));
        max.dataPoint(Families.gaugePoint(d.maxState(), "name", d.name(), "type", d.type()));
      }
      out.add(cur.build());
      out.add(max.build());
    }
    return out;
  }
}
