package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThermalZoneTest {

  private static final Path HOSTILE = Fixtures.root().resolve("ThermalZoneCollectorTest/hostile/class/thermal");

  @Test
  void readsTheCanonicalDesktopsZonesAndCoolingDevices() throws Exception {
    assertThat(ThermalZone.readAll(Fixtures.sysFs()))
        .containsExactly(
            new ThermalZone("0", "acpitz", "step_wise", 27800),
            new ThermalZone("1", "x86_pkg_temp", "step_wise", 36000));
    assertThat(CoolingDevice.readAll(Fixtures.sysFs()))
        .contains(new CoolingDevice("0", "Processor", 3, 0), new CoolingDevice("4", "intel_powerclamp", 50, -1))
        .hasSize(5);
  }

  @Test
  void convertsMillidegreesToDegrees() {
    assertThat(new ThermalZone("0", "acpitz", "step_wise", -5000).tempCelsius()).isEqualTo(-5.0);
  }

  @Test
  void trimsWhitespaceAroundTypesAndNumbers() throws Exception {
    assertThat(ThermalZone.read(HOSTILE.resolve("thermal_zone2")))
        .isEqualTo(new ThermalZone("2", "acpi tz", "step_wise", -5000));
    assertThat(CoolingDevice.read(HOSTILE.resolve("cooling_device0")))
        .isEqualTo(new CoolingDevice("0", "Processor", 3, 1));
  }

  @Test
  void rejectsAZoneWithoutATemperatureOrWithAFractionalOne() {
    assertThatThrownBy(() -> ThermalZone.read(HOSTILE.resolve("thermal_zone1")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> ThermalZone.read(HOSTILE.resolve("thermal_zone3")))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("thermal_zone3/temp")
        .hasMessageContaining("27.8");
  }

  @Test
  void readsOnlyNumberedEntriesSkippingBrokenOnesInNameOrder() throws Exception {
    SysFs sys = new SysFs(HOSTILE.getParent().getParent());
    assertThat(ThermalZone.readAll(sys)).extracting(ThermalZone::zone).containsExactly("0", "10", "2");
    assertThat(CoolingDevice.readAll(sys)).extracting(CoolingDevice::name).containsExactly("0", "12");
  }

  @Test
  void hasNoZonesWithoutAThermalClassDirectory(@TempDir Path sys) throws Exception {
    assertThat(ThermalZone.readAll(new SysFs(sys))).isEmpty();
    assertThat(CoolingDevice.readAll(new SysFs(sys))).isEmpty();
  }
}
