package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.procfs.DmiId;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmiCollectorTest {

  private static final String HELP =
      "# HELP node_dmi_info A metric with a constant '1' value labeled by bios_date, bios_release, bios_vendor,"
          + " bios_version, board_asset_tag, board_name, board_serial, board_vendor, board_version,"
          + " chassis_asset_tag, chassis_serial, chassis_vendor, chassis_version, product_family, product_name,"
          + " product_serial, product_sku, product_uuid, product_version, system_vendor if provided by DMI.\n"
          + "# TYPE node_dmi_info gauge\n";

  private static DmiCollector collector(Path sysRoot) throws IOException {
    return new DmiCollector(DmiId.read(new SysFs(sysRoot)), sysRoot.resolve("class/dmi/id").toString());
  }

  private static String collect(Path sysRoot) throws Exception {
    return MetricsText.of(collector(sysRoot).collect());
  }

  @Test
  void exposesTheCanonicalDesktopsIdentityIncludingRootOnlySerials() throws Exception {
    assertThat(collect(Fixtures.root().resolve("sys")))
        .isEqualTo(
            HELP
                + "node_dmi_info{bios_date=\"03/14/2023\",bios_release=\"1.24\",bios_vendor=\"Dell Inc.\","
                + "bios_version=\"1.24.0\",board_asset_tag=\"\",board_name=\"0NW6H5\","
                + "board_serial=\"/7XK2QH2/CNFCW0079J01GT/\",board_vendor=\"Dell Inc.\",board_version=\"A00\","
                + "chassis_asset_tag=\"\",chassis_serial=\"7XK2QH2\",chassis_vendor=\"Dell Inc.\","
                + "chassis_version=\"\",product_family=\"OptiPlex\",product_name=\"OptiPlex 7050\","
                + "product_serial=\"7XK2QH2\",product_sku=\"07A1\","
                + "product_uuid=\"4c4c4544-0058-4b10-8032-b7c04f514832\",product_version=\"\","
                + "system_vendor=\"Dell Inc.\"} 1.0\n");
  }

  @Test
  void exposesAServersIdentity() throws Exception {
    assertThat(collect(Fixtures.caseDir(DmiCollectorTest.class, "poweredgeServer")))
        .isEqualTo(
            HELP
                + "node_dmi_info{bios_date=\"11/09/2023\",bios_release=\"2.13\",bios_vendor=\"Dell Inc.\","
                + "bios_version=\"2.13.3\",board_asset_tag=\"\",board_name=\"0GW2F0\","
                + "board_serial=\".7H3K2Q3.CNFCP0012A00B5.\",board_vendor=\"Dell Inc.\",board_version=\"A02\","
                + "chassis_asset_tag=\"\",chassis_serial=\"7H3K2Q3\",chassis_vendor=\"Dell Inc.\","
                + "chassis_version=\"\",product_family=\"PowerEdge\",product_name=\"PowerEdge R6525\","
                + "product_serial=\"7H3K2Q3\",product_sku=\"SKU=0938;ModelName=PowerEdge R6525\","
                + "product_uuid=\"4c4c4544-0048-3310-804b-b7c04f4b3251\",product_version=\"\","
                + "system_vendor=\"Dell Inc.\"} 1.0\n");
  }

  @Test
  void leavesOutTheBoardLabelsOfAVirtualMachineWithoutABaseboardTable() throws Exception {
    assertThat(collect(Fixtures.caseDir(DmiCollectorTest.class, "kvmVirtualMachine")))
        .isEqualTo(
            HELP
                + "node_dmi_info{bios_date=\"04/01/2014\",bios_release=\"0.0\",bios_vendor=\"SeaBIOS\","
                + "bios_version=\"1.16.2-debian-1.16.2-1\",chassis_asset_tag=\"\",chassis_serial=\"\","
                + "chassis_vendor=\"QEMU\",chassis_version=\"pc-q35-8.1\",product_family=\"\","
                + "product_name=\"Standard PC (Q35 + ICH9, 2009)\",product_serial=\"\",product_sku=\"\","
                + "product_uuid=\"9c1f6a3e-5b2d-4c8e-a0f1-3d7e2b9c4a61\",product_version=\"pc-q35-8.1\","
                + "system_vendor=\"QEMU\"} 1.0\n");
  }

  /**
   * Whitespace (NBSP included) trimmed, invalid UTF-8 replaced, values cut at 128 bytes; the sys_vendor symlink,
   * the power directory and unknown files ignored.
   */
  @Test
  void cleansHostileValuesAsNodeExporterDoes() throws Exception {
    assertThat(collect(Fixtures.caseDir(DmiCollectorTest.class, "hostileValues")))
        .isEqualTo(
            HELP
                + "node_dmi_info{bios_vendor=\"American Megatrends Inc.\",bios_version=\""
                + "0".repeat(128)
                + "\",board_asset_tag=\"\",board_name=\"Default\u00A0string\","
                + "product_name=\"To Be Filled By O.E.M.\uFFFD\"} 1.0\n");
  }

  @Test
  void failsWithNoDataWithoutADmiDirectory(@TempDir Path sys) throws Exception {
    DmiCollector collector = collector(sys);
    assertThatThrownBy(collector::collect).isInstanceOf(NoDataException.class).hasMessageContaining("class/dmi/id");
  }

  @Test
  void failsWithNoDataWhenOnlyNonLabelFilesExist(@TempDir Path sys) throws Exception {
    Path dir = Files.createDirectories(sys.resolve("class/dmi/id"));
    Files.writeString(dir.resolve("chassis_type"), "1\n");
    Files.writeString(dir.resolve("modalias"), "dmi:ct1:\n");
    DmiCollector collector = collector(sys);
    assertThatThrownBy(collector::collect).isInstanceOf(NoDataException.class);
  }
}
