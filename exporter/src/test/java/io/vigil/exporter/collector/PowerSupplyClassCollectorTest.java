package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerSupplyClassCollectorTest {

  private static String scrape(Path sys) throws Exception {
    return MetricsText.of(new PowerSupplyClassCollector(new SysFs(sys)).collect());
  }

  private static Path tree(String name) {
    return Fixtures.caseDir(PowerSupplyClassCollectorTest.class, name).resolve("sys");
  }

  @Test
  void reportsALaptopsBatteryMainsAdapterAndUsbCPort() throws Exception {
    ExpectedOutput.assertMatches(
        scrape(tree("thinkpadLaptop")), tree("thinkpadLaptop").resolveSibling("expected.prom"));
  }

  @Test
  void scalesChargeCurrentAndTemperatureAttributesOfAnArmCharger() throws Exception {
    ExpectedOutput.assertMatches(scrape(tree("armChromebook")), tree("armChromebook").resolveSibling("expected.prom"));
  }

  @Test
  void reportsNothingWhenTheClassHasNoSupplies(@TempDir Path sys) throws Exception {
    Files.createDirectories(sys.resolve("class/power_supply"));
    assertThat(new PowerSupplyClassCollector(new SysFs(sys)).collect()).isEmpty();
  }

  @Test
  void failsWithNoDataWithoutThePowerSupplyClass(@TempDir Path sys) {
    assertThatThrownBy(new PowerSupplyClassCollector(new SysFs(sys))::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessage(sys.resolve("class/power_supply") + ": no power supply class");
  }

  @Test
  void failsOnANumericAttributeThatIsNotANumber(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(tree("thinkpadLaptop"), sys);
    Files.writeString(sys.resolve("class/power_supply/BAT0/energy_now"), "44320000 mWh\n");
    assertThatThrownBy(new PowerSupplyClassCollector(new SysFs(sys))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("BAT0/energy_now");
  }

  @Test
  void failsOnATruncatedNumericAttribute(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(tree("thinkpadLaptop"), sys);
    Files.writeString(sys.resolve("class/power_supply/AC/online"), "");
    assertThatThrownBy(new PowerSupplyClassCollector(new SysFs(sys))::collect)
        .isInstanceOf(MalformedFileException.class);
  }
}
