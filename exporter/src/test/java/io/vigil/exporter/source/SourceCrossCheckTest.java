package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.exporter.source.oshi.OshiSources;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The OSHI source against direct reads of the same Linux host ({@link DirectHostReads}) for the fields both have.
 * Counters are bracketed: a direct read before and after the OSHI read must enclose OSHI's value, allowing for OSHI's
 * 300 ms memoization of CPU ticks.
 */
@EnabledOnOs(OS.LINUX)
class SourceCrossCheckTest {

  /** OSHI may hand out CPU ticks up to 300 ms old; one CPU accrues at most that much idle time meanwhile. */
  private static final double OSHI_MEMO_SECONDS = 0.3;
  /** One USER_HZ tick, the resolution of both sides. */
  private static final double TICK = 1 / DirectHostReads.USER_HZ;

  private static HostSources oshi;

  @BeforeAll
  static void startOshi() {
    oshi = OshiSources.create();
  }

  @Test
  void cpuCountsAreEqual() throws IOException {
    assertThat(oshi.stat().read().cpus()).hasSameSizeAs(DirectHostReads.cpuSeconds().keySet());
  }

  @Test
  void perCpuIdleSecondsLieBetweenDirectReadsBeforeAndAfter() throws IOException {
    Map<String, Map<String, Double>> before = DirectHostReads.cpuSeconds();
    ProcStat viaOshi = oshi.stat().read();
    Map<String, Map<String, Double>> after = DirectHostReads.cpuSeconds();
    for (ProcStat.CpuTimes cpu : viaOshi.cpus()) {
      double idle = cpu.seconds().get("idle");
      assertThat(idle).as("cpu %s idle", cpu.cpu())
          .isBetween(before.get(cpu.cpu()).get("idle") - OSHI_MEMO_SECONDS - TICK,
              after.get(cpu.cpu()).get("idle") + TICK);
      assertThat(cpu.seconds().get("user")).as("cpu %s user", cpu.cpu())
          .isBetween(before.get(cpu.cpu()).get("user") - OSHI_MEMO_SECONDS - TICK,
              after.get(cpu.cpu()).get("user") + TICK);
    }
  }

  @Test
  void bootTimesAgree() throws IOException {
    assertThat(oshi.stat().read().bootTimeSeconds().orElseThrow())
        .isCloseTo(DirectHostReads.bootTime(), within(1.0));
  }

  @Test
  void memTotalAndSwapTotalAreEqual() throws IOException {
    Meminfo viaOshi = oshi.meminfo().read();
    Map<String, Double> direct = DirectHostReads.meminfoBytes();
    assertThat(viaOshi.field("MemTotal").orElseThrow().value()).isEqualTo(direct.get("MemTotal"));
    assertThat(viaOshi.field("SwapTotal").orElseThrow().value()).isEqualTo(direct.get("SwapTotal"));
  }

  @Test
  void loadAveragesAgreeWithinHalf() throws IOException {
    double[] before = DirectHostReads.loadavg();
    Loadavg viaOshi = oshi.loadavg().read();
    assertThat(viaOshi.load1()).isCloseTo(before[0], within(0.5));
    assertThat(viaOshi.load5()).isCloseTo(before[1], within(0.5));
    assertThat(viaOshi.load15()).isCloseTo(before[2], within(0.5));
  }

  @Test
  void rootFilesystemSizeIsEqual() throws IOException {
    Mount root = oshi.filesystem().mounts().stream().filter(m -> m.mountPoint().equals("/")).findFirst()
        .orElseThrow();
    assertThat(oshi.filesystem().usage(root).sizeBytes()).isEqualTo(DirectHostReads.filesystemSize("/"));
  }

  @Test
  void receivedBytesOfEveryCommonInterfaceLieBetweenDirectReads() throws IOException {
    Map<String, Long> before = DirectHostReads.netReceiveBytes();
    List<NetDevStats> viaOshi = oshi.netdev().read();
    Map<String, Long> after = DirectHostReads.netReceiveBytes();
    List<NetDevStats> common = viaOshi.stream().filter(n -> before.containsKey(n.device())).toList();
    assertThat(common).extracting(NetDevStats::device).contains("lo");
    for (NetDevStats n : common) {
      assertThat(n.counters().get("receive_bytes")).as(n.device())
          .isBetween((double) before.get(n.device()), (double) after.get(n.device()));
    }
  }

  @Test
  void readsCompletedOfEveryCommonDiskLieBetweenDirectReads() throws IOException {
    Map<String, Long> before = DirectHostReads.diskReadsCompleted();
    List<DiskStats> viaOshi = oshi.disks().diskstats();
    Map<String, Long> after = DirectHostReads.diskReadsCompleted();
    List<DiskStats> common = viaOshi.stream().filter(d -> before.containsKey(d.device())).toList();
    assertThat(common).isNotEmpty();
    for (DiskStats d : common) {
      assertThat(d.values().get(DiskStats.Counter.READS_COMPLETED)).as(d.device())
          .isBetween((double) before.get(d.device()), (double) after.get(d.device()));
    }
  }

  @Test
  void kernelReleaseIsEqual() throws IOException {
    assertThat(oshi.uname().read().release()).isEqualTo(DirectHostReads.kernelRelease());
  }
}
