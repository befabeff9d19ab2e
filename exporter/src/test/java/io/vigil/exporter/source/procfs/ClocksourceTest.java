package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClocksourceTest {

  @Test
  void readsTheCanonicalFixture() throws Exception {
    assertThat(Clocksource.readAll(Fixtures.sysFs()))
        .containsExactly(new Clocksource("0", List.of("tsc", "hpet", "acpi_pm"), "tsc"));
  }

  @Test
  void ordersDevicesByNumberAndSkipsOnesWithoutAttributes(@TempDir Path root) throws Exception {
    Path dir = root.resolve("devices/system/clocksource");
    for (String device : new String[] {"clocksource10", "clocksource2"}) {
      Files.createDirectories(dir.resolve(device));
      Files.writeString(dir.resolve(device).resolve("available_clocksource"), "tsc\n");
      Files.writeString(dir.resolve(device).resolve("current_clocksource"), "tsc\n");
    }
    Files.createDirectories(dir.resolve("clocksource3")); // attributes unreadable: skipped
    Files.createDirectories(dir.resolve("power")); // not a clocksource<N>

    assertThat(Clocksource.readAll(new SysFs(root))).extracting(Clocksource::device).containsExactly("2", "10");
  }

  @Test
  void givesNoDevicesWhenTheDirectoryIsMissing(@TempDir Path root) throws Exception {
    assertThat(Clocksource.readAll(new SysFs(root))).isEmpty();
  }

  @Test
  void readsThisHostsClocksources() throws Exception {
    Path sys = Path.of("/sys");
    assumeThat(Files.isDirectory(sys.resolve("devices/system/clocksource/clocksource0"))).isTrue();
    List<Clocksource> sources = Clocksource.readAll(new SysFs(sys));
    assertThat(sources).isNotEmpty();
    assertThat(sources.get(0).available()).contains(sources.get(0).current());
  }
}
