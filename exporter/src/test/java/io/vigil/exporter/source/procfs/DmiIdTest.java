package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmiIdTest {

  @Test
  void mapsFilesToNodeExporterLabelsRenamingSysVendorAndDroppingChassisType() {
    DmiId dmi =
        DmiId.fromFiles(Map.of("sys_vendor", "QEMU", "chassis_type", "1", "bios_vendor", "SeaBIOS", "foo", "bar"));
    assertThat(dmi.labels()).isEqualTo(Map.of("system_vendor", "QEMU", "bios_vendor", "SeaBIOS"));
  }

  @Test
  void readsEveryLabelOfTheCanonicalDesktop() throws Exception {
    DmiId dmi = DmiId.read(Fixtures.sysFs());
    assertThat(dmi.labels().keySet()).containsExactlyElementsOf(DmiId.LABELS);
    assertThat(dmi.labels()).containsEntry("product_name", "OptiPlex 7050").containsEntry("chassis_version", "");
  }

  @Test
  void readsAVirtualMachineWithoutBoardFiles() throws Exception {
    DmiId dmi = DmiId.read(new SysFs(Fixtures.root().resolve("DmiCollectorTest/kvmVirtualMachine")));
    assertThat(dmi.labels()).doesNotContainKeys("board_name", "board_vendor", "board_serial")
        .containsEntry("system_vendor", "QEMU")
        .containsEntry("product_serial", "")
        .hasSize(15);
  }

  @Test
  void isEmptyWithoutADmiDirectory(@TempDir Path sys) throws Exception {
    assertThat(DmiId.read(new SysFs(sys)).isEmpty()).isTrue();
  }

  @Test
  void skipsSymlinksDirectoriesAndUnknownFiles(@TempDir Path sys) throws Exception {
    Path dir = Files.createDirectories(sys.resolve("class/dmi/id"));
    Files.writeString(dir.resolve("bios_vendor"), "  SeaBIOS \n");
    Files.createSymbolicLink(dir.resolve("sys_vendor"), Path.of("bios_vendor"));
    Files.createDirectories(dir.resolve("power"));
    Files.writeString(dir.resolve("uevent"), "MODALIAS=dmi:bvnSeaBIOS:\n");
    assertThat(DmiId.read(new SysFs(sys)).labels()).isEqualTo(Map.of("bios_vendor", "SeaBIOS"));
  }
}
