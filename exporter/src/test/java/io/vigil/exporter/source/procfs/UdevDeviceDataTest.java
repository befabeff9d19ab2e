package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class UdevDeviceDataTest {

  @Test
  void keepsThePropertiesOfASataDisk() throws Exception {
    UdevDeviceData sda = UdevDeviceData.parse(Files.readString(Fixtures.root().resolve("run/udev/data/b8:0")));

    assertThat(sda.property("ID_MODEL")).isEqualTo("WDC_WD40EFRX-68N32N0");
    assertThat(sda.property("ID_SERIAL_SHORT")).isEqualTo("WD-WCC7K4XY1234");
    assertThat(sda.property("ID_WWN")).isEqualTo("0x50014ee2b9c1d2e3");
    assertThat(sda.property("ID_PATH")).isEqualTo("pci-0000:00:17.0-ata-1.0");
    assertThat(sda.property("ID_REVISION")).isEqualTo("82.00A82");
    assertThat(sda.property("ID_MODEL_ENC")).startsWith("WDC\\x20WD40EFRX");
    assertThat(sda.properties()).hasSize(28).doesNotContainKeys("disk/by-id/ata-WDC_WD40EFRX-68N32N0_WD-WCC7K4XY1234");
  }

  @Test
  void ignoresRecordsOtherThanProperties() {
    UdevDeviceData d = UdevDeviceData.parse("""
        S:disk/by-id/nvme-x
        W:3
        I:3712544
        E:ID_MODEL=Samsung SSD 980 PRO 1TB
        G:systemd
        Q:systemd
        V:1
        """);

    assertThat(d.properties()).containsOnlyKeys("ID_MODEL");
    assertThat(d.property("ID_MODEL")).isEqualTo("Samsung SSD 980 PRO 1TB");
  }

  @Test
  void unknownPropertiesAreEmptyStrings() {
    assertThat(UdevDeviceData.EMPTY.property("ID_SERIAL_SHORT")).isEmpty();
    assertThat(UdevDeviceData.parse("").properties()).isEmpty();
  }

  @Test
  void toleratesOddLines() {
    UdevDeviceData d = UdevDeviceData.parse("E:NOEQUALS\nE:=novalue\nE:DM_LV_LAYER=\nE:ID_FS_LABEL=a=b\nE:K=1\nE:K=2");

    assertThat(d.properties()).containsOnlyKeys("DM_LV_LAYER", "ID_FS_LABEL", "K");
    assertThat(d.property("ID_FS_LABEL")).isEqualTo("a=b");
    assertThat(d.property("K")).isEqualTo("2");
  }
}
