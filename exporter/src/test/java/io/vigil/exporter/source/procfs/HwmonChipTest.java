package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HwmonChipTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/sys/devices/platform/coretemp.0|platform_coretemp_0",
        "/sys/devices/pci0000:00/0000:00:18.3|pci0000:00_0000:00:18_3",
        "/sys/devices/pci0000:00/0000:00:1c.6/0000:03:00.0|0000:00:1c_6_0000:03:00_0",
        "/sys/devices/pci0000:00/0000:00:1d.0/0000:03:00.0/nvme/nvme0|nvme_nvme0",
        "/sys/devices/virtual/thermal/thermal_zone0|thermal_thermal_zone0",
        "/sys/devices/LNXSYSTM:00/LNXSYBUS:00/PNP0C0A:00/power_supply/BAT0|power_supply_bat0",
        "/sys/devices/platform/soc/fe804000.i2c/i2c-1/1-0044|i2c_1_1_0044",
        "/sys/devices/---/coretemp.0|coretemp_0",
        "/coretemp.0|coretemp_0",
      })
  void namesAChipAfterItsDevicesParentAndName(String devicePath, String chip) {
    assertThat(HwmonChip.chipFromDevicePath(Path.of(devicePath))).contains(chip);
  }

  @Test
  void hasNoDeviceNameWhenTheDeviceCleansToNothing() {
    assertThat(HwmonChip.chipFromDevicePath(Path.of("/sys/devices/platform/---"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"'coretemp\f'|coretemp", "My Chip-2|my_chip_2", "Package id 0|package_id_0", "__a__b__|a__b", "---|''",
        "\u0130\u212A|ik", "\u00C9a|a"})
  void cleansNamesLikeNodeExporter(String raw, String cleaned) {
    assertThat(HwmonChip.clean(raw)).isEqualTo(cleaned);
  }

  @Test
  void readsTheCanonicalDesktopsChipsInDirectoryOrder() throws Exception {
    List<HwmonChip> chips = HwmonChip.readAll(Fixtures.sysFs());
    assertThat(chips).extracting(HwmonChip::chip)
        .containsExactly("thermal_thermal_zone0", "nvme_nvme0", "platform_coretemp_0");
    HwmonChip coretemp = chips.get(2);
    assertThat(coretemp.chipName()).isEqualTo(Optional.of("coretemp"));
    assertThat(coretemp.sensors()).containsOnlyKeys("temp1", "temp2", "temp3", "temp4", "temp5");
    assertThat(coretemp.sensors().get("temp1"))
        .isEqualTo(
            Map.of("label", "Package id 0", "input", "35000", "max", "84000", "crit", "100000", "crit_alarm", "0"));
    // The ACPI chip's device is the thermal zone directory, whose "temp" file node_exporter reads as sensor temp0.
    assertThat(chips.get(0).sensors()).containsOnlyKeys("temp0", "temp1");
  }

  @Test
  void failsWhenThereIsNoHwmonClassDirectory(@TempDir Path sys) {
    assertThatThrownBy(() -> HwmonChip.readAll(new SysFs(sys)))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(sys.resolve("class/hwmon").toString());
  }

  @Test
  void readsNoChipsFromAnEmptyClassDirectory(@TempDir Path sys) throws Exception {
    Files.createDirectories(sys.resolve("class/hwmon"));
    assertThat(HwmonChip.readAll(new SysFs(sys))).isEmpty();
  }

  @Test
  void skipsAttributesThatAreDirectoriesOrOfUnknownTypes(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("power"));
    Files.writeString(dir.resolve("power/runtime_status"), "unsupported\n");
    Files.writeString(dir.resolve("uevent"), "\n");
    Files.writeString(dir.resolve("shunt_resistor"), "10000\n");
    Files.writeString(dir.resolve("freq1_input"), "3000000\n"); // node_exporter 1.5 has no freq type
    Files.writeString(dir.resolve("in1_input"), "5112\n");
    HwmonChip chip = HwmonChip.read(dir);
    assertThat(chip.sensors()).isEqualTo(Map.of("in1", Map.of("input", "5112")));
    assertThat(chip.chip()).isEqualTo(HwmonChip.clean(dir.getFileName().toString()));
    assertThat(chip.chipName()).isEmpty();
  }
}
