package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.NetDevStats;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetDevReaderTest {

  @Test
  void addsRxNohandlerFromSysfsToEveryDeviceThatHasIt() throws Exception {
    List<NetDevStats> devices = new NetDevReader(Fixtures.procFs(), Fixtures.sysFs()).read();

    assertThat(devices).extracting(NetDevStats::device).containsExactly("lo", "eth0", "docker0", "vethc4a7e21");
    assertThat(devices).allSatisfy(d -> assertThat(d.counters()).hasSize(17).containsKey("receive_nohandler"));
    assertThat(devices.get(1).counters()).containsEntry("receive_nohandler", 1375.0);
  }

  @Test
  void leavesRxNohandlerAbsentOnKernelsBefore46() throws Exception {
    Path root = Fixtures.caseDir(NetDevReaderTest.class, "linux-4.4");

    List<NetDevStats> devices =
        new NetDevReader(new ProcFs(root.resolve("proc")), new SysFs(root.resolve("sys"))).read();

    assertThat(devices).extracting(NetDevStats::device).containsExactly("lo", "eth0");
    assertThat(devices).allSatisfy(d -> assertThat(d.counters()).hasSize(16).doesNotContainKey("receive_nohandler"));
    assertThat(devices.get(1).counters()).containsEntry("receive_drop", 12.0).containsEntry("receive_multicast", 1201.0);
  }

  @Test
  void skipsAnUnreadableRxNohandlerInsteadOfFailing(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("proc/net"));
    Files.copy(Fixtures.procFs().path("net", "dev"), root.resolve("proc/net/dev"));
    Path stats = Files.createDirectories(root.resolve("sys/class/net/eth0/statistics"));
    Files.writeString(stats.resolve("rx_nohandler"), "garbage\n");

    List<NetDevStats> devices = new NetDevReader(new ProcFs(root.resolve("proc")), new SysFs(root.resolve("sys"))).read();

    assertThat(devices).hasSize(4).allSatisfy(d -> assertThat(d.counters()).doesNotContainKey("receive_nohandler"));
  }

  @Test
  void failsWhenProcNetDevIsMissing(@TempDir Path root) {
    assertThatThrownBy(() -> new NetDevReader(new ProcFs(root), new SysFs(root)).read())
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void readsThisHostsCountersWithRxNohandlerWhereSysfsHasIt() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/net/dev"))).as("a Linux host").isTrue();

    List<NetDevStats> devices = new NetDevReader(new ProcFs(Path.of("/proc")), new SysFs(Path.of("/sys"))).read();

    assertThat(devices).isNotEmpty();
    for (NetDevStats d : devices) {
      boolean sysfsHasIt = Files.exists(Path.of("/sys/class/net", d.device(), "statistics", "rx_nohandler"));
      assertThat(d.counters().containsKey("receive_nohandler")).as(d.device()).isEqualTo(sysfsHasIt);
    }
  }
}
