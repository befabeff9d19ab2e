package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.DiskInfo;
import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinuxDiskSourceTest {

  private final LinuxDiskSource source =
      new LinuxDiskSource(Fixtures.procFs(), Fixtures.root().resolve("run/udev/data"));

  private DiskStats disk(String name) throws Exception {
    return source.diskstats().stream().filter(d -> d.device().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void readsEveryDeviceOfTheCanonicalHost() throws Exception {
    assertThat(source.diskstats()).extracting(DiskStats::device)
        .containsExactly("loop0", "loop1", "nvme0n1", "nvme0n1p1", "nvme0n1p2", "sda", "sda1", "sdb", "sdb1", "md0",
            "dm-0");
  }

  @Test
  void takesIdentityFromUdevWithTheShortSerial() throws Exception {
    assertThat(source.info(disk("nvme0n1"))).isEqualTo(new DiskInfo(
        "nvme0n1", 259, 0, "Samsung SSD 980 PRO 1TB", "pci-0000:03:00.0-nvme-1", "5B2QGXA7", "S5GXNX0T412345K",
        "eui.002538b221a1b2c3"));
  }

  @Test
  void aDeviceUdevDoesNotDescribeHasEmptyLabels() throws Exception {
    assertThat(source.info(disk("dm-0"))).isEqualTo(new DiskInfo("dm-0", 253, 0, "", "", "", "", ""));
    assertThat(source.info(disk("loop0"))).isEqualTo(new DiskInfo("loop0", 7, 0, "", "", "", "", ""));
  }

  @Test
  void withoutAUdevDatabaseEveryDeviceHasEmptyLabels() throws Exception {
    LinuxDiskSource noUdev = new LinuxDiskSource(Fixtures.procFs(), Path.of("/nonexistent/run/udev/data"));

    List<DiskInfo> infos = noUdev.diskstats().stream().map(noUdev::info).toList();
    assertThat(infos).hasSize(11).allSatisfy(i -> assertThat(List.of(i.model(), i.path(), i.revision(), i.serial(),
        i.wwn())).containsOnly(""));
  }

  @Test
  void readsThisHostsDevices() throws Exception {
    LinuxDiskSource live = new LinuxDiskSource(new ProcFs(Path.of("/proc")), Path.of("/run/udev/data"));

    assertThat(live.diskstats()).isNotEmpty().allSatisfy(d -> {
      DiskInfo info = live.info(d);
      assertThat(info.device()).isEqualTo(d.device());
      assertThat(info.major()).isEqualTo(d.major());
    });
  }
}
