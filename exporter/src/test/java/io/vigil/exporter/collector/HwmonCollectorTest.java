package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.procfs.HwmonChip;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HwmonCollectorTest {

  @TempDir Path sys;

  private static String collect(Path sysRoot) throws Exception {
    SysFs sysFs = new SysFs(sysRoot);
    return MetricsText.of(new HwmonCollector(() -> HwmonChip.readAll(sysFs)).collect());
  }

  /** Writes a sysfs attribute as the kernel shows it: the value and a newline. */
  private static void attr(Path dir, String name, String value) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), value + "\n");
  }

  /** A chip directory under class/hwmon whose device link resolves to {@code devices/<parent>/<device>}. */
  private Path chip(String hwmon, String parent, String device) throws IOException {
    Path deviceDir = Files.createDirectories(sys.resolve("devices").resolve(parent).resolve(device));
    Path dir = Files.createDirectories(sys.resolve("class/hwmon").resolve(hwmon));
    Files.createSymbolicLink(dir.resolve("device"), dir.relativize(deviceDir));
    return dir;
  }

  @Test
  void exposesTheCanonicalDesktopsAcpiNvmeAndCoretempChips() throws Exception {
    assertThat(collect(Fixtures.root().resolve("sys")))
        .isEqualTo(
            """
            # HELP node_hwmon_chip_names Annotation metric for human-readable chip names
            # TYPE node_hwmon_chip_names gauge
            node_hwmon_chip_names{chip="nvme_nvme0",chip_name="nvme"} 1.0
            node_hwmon_chip_names{chip="platform_coretemp_0",chip_name="coretemp"} 1.0
            node_hwmon_chip_names{chip="thermal_thermal_zone0",chip_name="acpitz"} 1.0
            # HELP node_hwmon_sensor_label Label for given chip and sensor
            # TYPE node_hwmon_sensor_label gauge
            node_hwmon_sensor_label{chip="nvme_nvme0",label="Composite",sensor="temp1"} 1.0
            node_hwmon_sensor_label{chip="nvme_nvme0",label="Sensor 1",sensor="temp2"} 1.0
            node_hwmon_sensor_label{chip="nvme_nvme0",label="Sensor 2",sensor="temp3"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Core 0",sensor="temp2"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Core 1",sensor="temp3"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Core 2",sensor="temp4"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Core 3",sensor="temp5"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Package id 0",sensor="temp1"} 1.0
            # HELP node_hwmon_temp_alarm Hardware sensor alarm status (temp)
            # TYPE node_hwmon_temp_alarm gauge
            node_hwmon_temp_alarm{chip="nvme_nvme0",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="nvme_nvme0",sensor="temp1"} 38.85
            node_hwmon_temp_celsius{chip="nvme_nvme0",sensor="temp2"} 38.85
            node_hwmon_temp_celsius{chip="nvme_nvme0",sensor="temp3"} 44.85
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"} 35.0
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp2"} 33.0
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp3"} 34.0
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp4"} 31.0
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp5"} 35.0
            node_hwmon_temp_celsius{chip="thermal_thermal_zone0",sensor="temp0"} 27.8
            node_hwmon_temp_celsius{chip="thermal_thermal_zone0",sensor="temp1"} 27.8
            # HELP node_hwmon_temp_crit_alarm_celsius Hardware monitor for temperature (crit_alarm)
            # TYPE node_hwmon_temp_crit_alarm_celsius gauge
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp1"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp2"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp3"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp4"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp5"} 0.0
            # HELP node_hwmon_temp_crit_celsius Hardware monitor for temperature (crit)
            # TYPE node_hwmon_temp_crit_celsius gauge
            node_hwmon_temp_crit_celsius{chip="nvme_nvme0",sensor="temp1"} 84.85000000000001
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp1"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp2"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp3"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp4"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp5"} 100.0
            node_hwmon_temp_crit_celsius{chip="thermal_thermal_zone0",sensor="temp1"} 119.0
            # HELP node_hwmon_temp_max_celsius Hardware monitor for temperature (max)
            # TYPE node_hwmon_temp_max_celsius gauge
            node_hwmon_temp_max_celsius{chip="nvme_nvme0",sensor="temp1"} 81.85000000000001
            node_hwmon_temp_max_celsius{chip="nvme_nvme0",sensor="temp2"} 65261.85
            node_hwmon_temp_max_celsius{chip="nvme_nvme0",sensor="temp3"} 65261.85
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp1"} 84.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp2"} 84.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp3"} 84.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp4"} 84.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp5"} 84.0
            # HELP node_hwmon_temp_min_celsius Hardware monitor for temperature (min)
            # TYPE node_hwmon_temp_min_celsius gauge
            node_hwmon_temp_min_celsius{chip="nvme_nvme0",sensor="temp1"} -273.15000000000003
            node_hwmon_temp_min_celsius{chip="nvme_nvme0",sensor="temp2"} -273.15000000000003
            node_hwmon_temp_min_celsius{chip="nvme_nvme0",sensor="temp3"} -273.15000000000003
            """);
  }

  /**
   * Whole outputs for the machines under {@code fixtures/HwmonCollectorTest/<machine>} (fixtures/README.md says what
   * each models). The same trees are checked against node_exporter 1.5 by {@link NodeExporterHardwareParityTest}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"amdRyzenDesktop", "thinkpadLaptop", "oldKernelLayout", "epycServer", "raspberryPi"})
  void matchesTheExpectedOutputOfEachModelledMachine(String machine) throws Exception {
    Path dir = Fixtures.caseDir(HwmonCollectorTest.class, machine);
    ExpectedOutput.assertMatches(collect(dir), dir.resolveSibling(machine + ".prom"));
  }

  @Test
  void failsWithNoDataWhenTheHostHasNoHwmonClassLikeMostVirtualMachines() {
    assertThatThrownBy(() -> collect(sys))
        .isInstanceOf(NoDataException.class)
        .hasMessageContaining("class/hwmon")
        .hasMessageContaining("no hardware sensors");
  }

  @Test
  void convertsEachUnitAndKeepsOtherPropertiesAsTheyAre() throws Exception {
    Path dir = chip("hwmon0", "platform", "nct6775.656");
    attr(dir, "name", "nct6798");
    attr(dir, "in0_input", "1056");
    attr(dir, "fan2_input", "1095");
    attr(dir, "fan2_pulses", "2");
    attr(dir, "curr1_input", "412");
    attr(dir, "power1_average", "5000000");
    attr(dir, "power1_average_interval", "1000");
    attr(dir, "energy1_input", "4813907470");
    attr(dir, "humidity1_input", "45650");
    attr(dir, "intrusion0_alarm", "1");
    attr(dir, "update_interval", "2000");
    assertThat(collect(sys))
        .isEqualTo(
            """
            # HELP node_hwmon_chip_names Annotation metric for human-readable chip names
            # TYPE node_hwmon_chip_names gauge
            node_hwmon_chip_names{chip="platform_nct6775_656",chip_name="nct6798"} 1.0
            # HELP node_hwmon_curr_amps Hardware monitor for current (input)
            # TYPE node_hwmon_curr_amps gauge
            node_hwmon_curr_amps{chip="platform_nct6775_656",sensor="curr1"} 0.41200000000000003
            # HELP node_hwmon_energy_joule_total Hardware monitor for joules used so far (input)
            # TYPE node_hwmon_energy_joule_total counter
            node_hwmon_energy_joule_total{chip="platform_nct6775_656",sensor="energy1"} 4813.90747
            # HELP node_hwmon_fan_pulses Hardware monitor fan element pulses
            # TYPE node_hwmon_fan_pulses gauge
            node_hwmon_fan_pulses{chip="platform_nct6775_656",sensor="fan2"} 2.0
            # HELP node_hwmon_fan_rpm Hardware monitor for fan revolutions per minute (input)
            # TYPE node_hwmon_fan_rpm gauge
            node_hwmon_fan_rpm{chip="platform_nct6775_656",sensor="fan2"} 1095.0
            # HELP node_hwmon_humidity Hardware monitor for humidity, as a ratio (multiply with 100.0 to get the humidity as a percentage) (input)
            # TYPE node_hwmon_humidity gauge
            node_hwmon_humidity{chip="platform_nct6775_656",sensor="humidity1"} 0.04565
            # HELP node_hwmon_in_volts Hardware monitor for voltage (input)
            # TYPE node_hwmon_in_volts gauge
            node_hwmon_in_volts{chip="platform_nct6775_656",sensor="in0"} 1.056
            # HELP node_hwmon_intrusion_alarm Hardware sensor alarm status (intrusion)
            # TYPE node_hwmon_intrusion_alarm gauge
            node_hwmon_intrusion_alarm{chip="platform_nct6775_656",sensor="intrusion0"} 1.0
            # HELP node_hwmon_power_average_interval_seconds Hardware monitor power usage update interval (average_interval)
            # TYPE node_hwmon_power_average_interval_seconds gauge
            node_hwmon_power_average_interval_seconds{chip="platform_nct6775_656",sensor="power1"} 1.0
            # HELP node_hwmon_power_average_watt Hardware monitor for power usage in watts (average)
            # TYPE node_hwmon_power_average_watt gauge
            node_hwmon_power_average_watt{chip="platform_nct6775_656",sensor="power1"} 5.0
            # HELP node_hwmon_update_interval_seconds Hardware monitor update interval
            # TYPE node_hwmon_update_interval_seconds gauge
            node_hwmon_update_interval_seconds{chip="platform_nct6775_656",sensor="update_interval0"} 2.0
            """);
  }

  @Test
  void skipsValuesGoCannotParseAndAcceptsWhatGoDoes() throws Exception {
    Path dir = chip("hwmon0", "platform", "bar.1");
    attr(dir, "temp1_input", "N/A");
    attr(dir, "temp2_input", " 42000"); // only newlines are trimmed
    Files.writeString(dir.resolve("temp3_input"), "43000\r\n");
    attr(dir, "temp4_input", "");
    attr(dir, "temp5_input", "1e400"); // out of range
    attr(dir, "temp6_input", "+42000");
    attr(dir, "temp7_input", "1_000");
    attr(dir, "temp8_input", "inf");
    Files.writeString(dir.resolve("temp9_input"), "44000"); // no newline at all
    attr(dir, "power1_model_number", "ABC-123");
    assertThat(collect(sys))
        .isEqualTo(
            """
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp6"} 42.0
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp7"} 1.0
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp8"} +Inf
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp9"} 44.0
            """);
  }

  @Test
  void exposesSensorLabelsRawWithInvalidUtf8ReplacedAndCutAt128Bytes() throws Exception {
    Path dir = chip("hwmon0", "platform", "bar.1");
    attr(dir, "temp1_input", "40000");
    attr(dir, "temp1_label", "  CPU Temp ");
    attr(dir, "temp2_input", "41000");
    Files.write(dir.resolve("temp2_label"), "bad\u00ff\u00felabel\n".getBytes(StandardCharsets.ISO_8859_1));
    attr(dir, "temp3_input", "42000");
    attr(dir, "temp3_label", "x".repeat(200));
    attr(dir, "temp4_label", ""); // a label alone is still a label
    assertThat(collect(sys))
        .isEqualTo(
            """
            # HELP node_hwmon_sensor_label Label for given chip and sensor
            # TYPE node_hwmon_sensor_label gauge
            node_hwmon_sensor_label{chip="platform_bar_1",label="",sensor="temp4"} 1.0
            node_hwmon_sensor_label{chip="platform_bar_1",label="  CPU Temp ",sensor="temp1"} 1.0
            node_hwmon_sensor_label{chip="platform_bar_1",label="bad\uFFFDlabel",sensor="temp2"} 1.0
            node_hwmon_sensor_label{chip="platform_bar_1",label="%s",sensor="temp3"} 1.0
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp1"} 40.0
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp2"} 41.0
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp3"} 42.0
            """
                .formatted("x".repeat(128)));
  }

  @Test
  void namesChipsFromTheDeviceThenTheNameFileThenTheDirectory() throws Exception {
    // No device link: the name file names the chip.
    attr(sys.resolve("class/hwmon/hwmon0"), "name", "acpitz");
    attr(sys.resolve("class/hwmon/hwmon0"), "temp1_input", "51000");
    // A device link but no name file: the chip has no chip_names sample.
    attr(chip("hwmon1", "pci0000:00", "0000:00:18.3"), "temp1_input", "45875");
    // Neither, and a name that cleans to nothing: the directory name.
    attr(sys.resolve("class/hwmon/hwmon2"), "name", "---");
    attr(sys.resolve("class/hwmon/hwmon2"), "temp1_input", "30000");
    // A name but no sensors: only the annotation.
    attr(chip("hwmon3", "platform", "foo.0"), "name", "My Chip-2");
    assertThat(collect(sys))
        .isEqualTo(
            """
            # HELP node_hwmon_chip_names Annotation metric for human-readable chip names
            # TYPE node_hwmon_chip_names gauge
            node_hwmon_chip_names{chip="acpitz",chip_name="acpitz"} 1.0
            node_hwmon_chip_names{chip="platform_foo_0",chip_name="my_chip_2"} 1.0
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="acpitz",sensor="temp1"} 51.0
            node_hwmon_temp_celsius{chip="hwmon2",sensor="temp1"} 30.0
            node_hwmon_temp_celsius{chip="pci0000:00_0000:00:18_3",sensor="temp1"} 45.875
            """);
  }

  @Test
  void readsAttributesOnTheDeviceTooAndPrefersThem() throws Exception {
    Path dir = chip("hwmon0", "platform", "it87.656");
    Path device = sys.resolve("devices/platform/it87.656");
    attr(dir, "temp1_input", "22000");
    attr(dir, "temp1_max", "90000");
    attr(device, "temp1_input", "11000");
    attr(device, "fan1_input", "900");
    attr(device, "name", "it87"); // on the device, so not a chip name
    assertThat(collect(sys))
        .isEqualTo(
            """
            # HELP node_hwmon_fan_rpm Hardware monitor for fan revolutions per minute (input)
            # TYPE node_hwmon_fan_rpm gauge
            node_hwmon_fan_rpm{chip="platform_it87_656",sensor="fan1"} 900.0
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="platform_it87_656",sensor="temp1"} 11.0
            # HELP node_hwmon_temp_max_celsius Hardware monitor for temperature (max)
            # TYPE node_hwmon_temp_max_celsius gauge
            node_hwmon_temp_max_celsius{chip="platform_it87_656",sensor="temp1"} 90.0
            """);
  }

  @Test
  void keepsTheFirstOfTwoChipsWithTheSameNameAndSkipsBrokenEntries() throws Exception {
    Path first = chip("hwmon2", "platform", "bar.1");
    attr(first, "temp1_input", "50000");
    Path second = Files.createDirectories(sys.resolve("class/hwmon/hwmon3"));
    Files.createSymbolicLink(second.resolve("device"), Path.of("../../../devices/platform/bar.1"));
    attr(second, "temp1_input", "60000");
    attr(second, "temp2_input", "61000");
    Files.createSymbolicLink(sys.resolve("class/hwmon/hwmon9"), Path.of("../../devices/gone"));
    attr(sys.resolve("class/hwmon"), "README", "not a chip");
    assertThat(collect(sys))
        .isEqualTo(
            """
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp1"} 50.0
            node_hwmon_temp_celsius{chip="platform_bar_1",sensor="temp2"} 61.0
            """);
  }

  @Test
  void keepsTheFirstHelpTextWhenABareSensorFileAndAnInputFileNameTheSameFamily() throws Exception {
    Path dir = chip("hwmon0", "platform", "w83627ehf.656");
    attr(dir, "in0", "1200"); // an old driver's bare file: family node_hwmon_in_volts, "(...)" help
    attr(dir, "in0_input", "1300"); // then named node_hwmon_in_input_volts
    attr(dir, "in1_input", "3300"); // node_hwmon_in_volts again, with "(input)": dropped, as node_exporter does
    assertThat(collect(sys))
        .isEqualTo(
            """
            # HELP node_hwmon_in_input_volts Hardware monitor for voltage (input)
            # TYPE node_hwmon_in_input_volts gauge
            node_hwmon_in_input_volts{chip="platform_w83627ehf_656",sensor="in0"} 1.3
            # HELP node_hwmon_in_volts Hardware monitor for voltage ()
            # TYPE node_hwmon_in_volts gauge
            node_hwmon_in_volts{chip="platform_w83627ehf_656",sensor="in0"} 1.2
            """);
  }

  @Test
  void readsThisHostsHwmonChipsOrReportsThatItHasNone() throws Exception {
    Path real = Path.of("/sys");
    if (!Files.isDirectory(real.resolve("class/hwmon"))) {
      assertThatThrownBy(() -> collect(real)).isInstanceOf(NoDataException.class);
      return;
    }
    for (HwmonChip chip : HwmonChip.readAll(new SysFs(real))) {
      assertThat(chip.chip()).matches("[a-z0-9:_]+");
      chip.chipName().ifPresent(n -> assertThat(n).matches("[a-z0-9:_]+"));
    }
    assertThat(collect(real)).satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("# HELP node_hwmon_"));
  }
}
