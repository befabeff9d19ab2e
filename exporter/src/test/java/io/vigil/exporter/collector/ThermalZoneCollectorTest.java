package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.procfs.CoolingDevice;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.ThermalZone;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThermalZoneCollectorTest {

  private static String collect(Path sysRoot) throws Exception {
    SysFs sys = new SysFs(sysRoot);
    return MetricsText.of(
        new ThermalZoneCollector(() -> ThermalZone.readAll(sys), () -> CoolingDevice.readAll(sys)).collect());
  }

  @Test
  void exposesTheCanonicalDesktopsZonesAndCoolingDevices() throws Exception {
    assertThat(collect(Fixtures.root().resolve("sys")))
        .isEqualTo(
            """
            # HELP node_cooling_device_cur_state Current throttle state of the cooling device
            # TYPE node_cooling_device_cur_state gauge
            node_cooling_device_cur_state{name="0",type="Processor"} 0.0
            node_cooling_device_cur_state{name="1",type="Processor"} 0.0
            node_cooling_device_cur_state{name="2",type="Processor"} 0.0
            node_cooling_device_cur_state{name="3",type="Processor"} 0.0
            node_cooling_device_cur_state{name="4",type="intel_powerclamp"} -1.0
            # HELP node_cooling_device_max_state Maximum throttle state of the cooling device
            # TYPE node_cooling_device_max_state gauge
            node_cooling_device_max_state{name="0",type="Processor"} 3.0
            node_cooling_device_max_state{name="1",type="Processor"} 3.0
            node_cooling_device_max_state{name="2",type="Processor"} 3.0
            node_cooling_device_max_state{name="3",type="Processor"} 3.0
            node_cooling_device_max_state{name="4",type="intel_powerclamp"} 50.0
            # HELP node_thermal_zone_temp Zone temperature in Celsius
            # TYPE node_thermal_zone_temp gauge
            node_thermal_zone_temp{type="acpitz",zone="0"} 27.8
            node_thermal_zone_temp{type="x86_pkg_temp",zone="1"} 36.0
            """);
  }

  @Test
  void exposesALaptopsInt340xZonesIncludingADisabledOne() throws Exception {
    Path dir = Fixtures.caseDir(ThermalZoneCollectorTest.class, "thinkpadLaptop");
    ExpectedOutput.assertMatches(collect(dir), dir.resolveSibling("thinkpadLaptop.prom"));
  }

  /**
   * One broken zone or cooling device is skipped and the rest reported. node_exporter 1.5 (procfs 0.8) fails the
   * whole collector here instead; later versions skip zones whose files are missing, as this does.
   */
  @Test
  void skipsZonesAndDevicesWithMissingOrMalformedFiles() throws Exception {
    assertThat(collect(Fixtures.caseDir(ThermalZoneCollectorTest.class, "hostile")))
        .isEqualTo(
            """
            # HELP node_cooling_device_cur_state Current throttle state of the cooling device
            # TYPE node_cooling_device_cur_state gauge
            node_cooling_device_cur_state{name="0",type="Processor"} 1.0
            node_cooling_device_cur_state{name="12",type="TCC Offset"} 5.0
            # HELP node_cooling_device_max_state Maximum throttle state of the cooling device
            # TYPE node_cooling_device_max_state gauge
            node_cooling_device_max_state{name="0",type="Processor"} 3.0
            node_cooling_device_max_state{name="12",type="TCC Offset"} 63.0
            # HELP node_thermal_zone_temp Zone temperature in Celsius
            # TYPE node_thermal_zone_temp gauge
            node_thermal_zone_temp{type="acpi tz",zone="2"} -5.0
            node_thermal_zone_temp{type="acpitz",zone="0"} 27.8
            node_thermal_zone_temp{type="x86_pkg_temp",zone="10"} 51.0
            """);
  }

  @Test
  void succeedsWithNothingWhenTheHostHasNoThermalClass(@TempDir Path sys) throws Exception {
    assertThat(collect(sys)).isEmpty();
  }

  @Test
  void readsThisHostsThermalZones() throws Exception {
    String text = collect(Path.of("/sys"));
    for (ThermalZone z : ThermalZone.readAll(new SysFs(Path.of("/sys")))) {
      assertThat(z.tempCelsius()).isBetween(-273.15, 200.0);
      assertThat(text).contains("zone=\"" + z.zone() + "\"");
    }
  }
}
