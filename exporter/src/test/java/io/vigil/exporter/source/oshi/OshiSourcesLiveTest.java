package io.vigil.exporter.source.oshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.Meminfo;
import io.vigil.exporter.source.Mount;
import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.source.NetDevStats;
import io.vigil.exporter.source.OsRelease;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.Uname;
import io.vigil.exporter.source.UnsupportedSourceException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import oshi.util.PlatformEnum;

/**
 * OSHI-style invariants of every OSHI reader on the machine running the build: plausible ranges, relations between
 * fields, and counters that never go backwards between two reads taken beyond OSHI's 300 ms memoization.
 */
class OshiSourcesLiveTest {

  private static final OshiPlatform PLATFORM = OshiPlatform.of(PlatformEnum.getCurrentPlatform());
  private static final Set<String> OPERSTATES =
      Set.of("up", "down", "testing", "dormant", "notpresent", "lowerlayerdown", "unknown");

  private static HostSources oshi;
  private static Reads first;
  private static Reads second;

  /** The counter-bearing records of one pass over the sources. */
  private record Reads(ProcStat stat, Meminfo meminfo, List<NetDevStats> netdev, List<DiskStats> disks) {
    static Reads of(HostSources s) throws IOException {
      return new Reads(s.stat().read(), s.meminfo().read(), s.netdev().read(), s.disks().diskstats());
    }
  }

  @BeforeAll
  static void readTwice() throws Exception {
    oshi = OshiSources.create();
    first = Reads.of(oshi);
    Thread.sleep(350); // past OSHI's memoization, so the second pass really asks the OS again
    second = Reads.of(oshi);
  }

  @Test
  void reportsEveryCpuWithThePlatformsModesInNonNegativeSeconds() {
    assertThat(first.stat().cpus()).isNotEmpty();
    for (int i = 0; i < first.stat().cpus().size(); i++) {
      ProcStat.CpuTimes cpu = first.stat().cpus().get(i);
      assertThat(cpu.cpu()).isEqualTo(Integer.toString(i));
      assertThat(cpu.seconds().keySet())
          .containsExactlyElementsOf(PLATFORM.cpuModes().stream().map(OshiPlatform::modeName).toList());
      assertThat(cpu.seconds().values()).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.0));
    }
    double busy = first.stat().cpus().stream().mapToDouble(c -> c.seconds().values().stream()
        .mapToDouble(Double::doubleValue).sum()).sum();
    assertThat(busy).as("total CPU seconds since boot").isPositive();
  }

  @Test
  void cpuSecondsNeverDecreaseBetweenReads() {
    assertThat(second.stat().cpus()).hasSameSizeAs(first.stat().cpus());
    for (int i = 0; i < first.stat().cpus().size(); i++) {
      Map<String, Double> before = first.stat().cpus().get(i).seconds();
      Map<String, Double> after = second.stat().cpus().get(i).seconds();
      before.forEach((mode, s) -> assertThat(after.get(mode)).as(mode).isGreaterThanOrEqualTo(s));
    }
  }

  @Test
  void cpuSecondsDoNotRunAheadOfTheClock() {
    // Each CPU accumulates at most one second per second: the sum of its modes cannot exceed the time since boot.
    double uptime = Instant.now().getEpochSecond() - first.stat().bootTimeSeconds().orElseThrow() + 2;
    for (ProcStat.CpuTimes cpu : first.stat().cpus()) {
      double total = cpu.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(total).as("cpu %s", cpu.cpu()).isLessThanOrEqualTo(uptime * 1.02);
    }
  }

  @Test
  void bootTimeIsInThePastAndKernelCountersFollowThePlatform() {
    assertThat(first.stat().bootTimeSeconds()).isPresent();
    assertThat(first.stat().bootTimeSeconds().getAsDouble()).isPositive().isLessThan(Instant.now().getEpochSecond());
    assertThat(first.stat().contextSwitches().isPresent()).isEqualTo(PLATFORM.contextSwitchesAndInterrupts());
    assertThat(first.stat().interrupts().isPresent()).isEqualTo(PLATFORM.contextSwitchesAndInterrupts());
    if (PLATFORM.contextSwitchesAndInterrupts()) {
      assertThat(second.stat().contextSwitches().getAsLong())
          .isGreaterThanOrEqualTo(first.stat().contextSwitches().getAsLong());
    }
    assertThat(first.stat().forks()).isEmpty();
    assertThat(first.stat().procsRunning()).isEmpty();
    assertThat(first.stat().procsBlocked()).isEmpty();
  }

  @Test
  void availableMemoryIsPositiveAndAtMostTotal() {
    double total = first.meminfo().field("MemTotal").orElseThrow().value();
    double available = first.meminfo().field("MemAvailable").orElseThrow().value();
    assertThat(total).isPositive();
    assertThat(available).isPositive().isLessThanOrEqualTo(total);
    double swapTotal = first.meminfo().field("SwapTotal").orElseThrow().value();
    assertThat(first.meminfo().field("SwapFree").orElseThrow().value()).isBetween(0.0, swapTotal);
    assertThat(first.meminfo().field("MemFree")).isEmpty();
    assertThat(first.meminfo().fields()).allSatisfy(f -> assertThat(f.bytes()).isTrue());
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no load average; the next test covers it there")
  void loadAveragesAreNonNegative() throws IOException {
    var load = oshi.loadavg().read();
    assertThat(List.of(load.load1(), load.load5(), load.load15()))
        .allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(0.0));
  }

  @Test
  @EnabledOnOs(OS.WINDOWS)
  void loadAverageIsUnsupportedOnWindows() {
    assertThatThrownBy(() -> oshi.loadavg().read()).isInstanceOf(UnsupportedSourceException.class);
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no \"/\" mount point; its drives are C:\\ etc.")
  void fileStoresIncludeTheRootWithConsistentSpace() throws IOException {
    List<Mount> mounts = oshi.filesystem().mounts();
    Mount root = mounts.stream().filter(m -> m.mountPoint().equals("/")).findFirst().orElseThrow();
    assertThat(root.device()).isNotBlank();
    assertThat(root.fsType()).isNotBlank();
    assertThat(root.options()).allSatisfy(o -> assertThat(o).isNotBlank().doesNotContain(","));
    FsUsage usage = oshi.filesystem().usage(root);
    assertThat(usage.sizeBytes()).isPositive();
    assertThat(usage.availBytes()).isPositive().isLessThanOrEqualTo(usage.freeBytes());
    assertThat(usage.freeBytes()).isLessThanOrEqualTo(usage.sizeBytes());
    if (usage.files().isPresent()) {
      assertThat(usage.filesFree().orElseThrow()).isBetween(0.0, usage.files().getAsDouble());
    }
  }

  @Test
  void everyListedFileStoreCanBeRead() throws IOException {
    for (Mount mount : oshi.filesystem().mounts()) {
      FsUsage usage = oshi.filesystem().usage(mount);
      assertThat(usage.freeBytes()).as(mount.mountPoint()).isBetween(0.0, usage.sizeBytes());
    }
  }

  @Test
  void usageOfAMountOshiDoesNotListFails() {
    Mount nowhere = new Mount("none", "/vigil/not/mounted/here", "tmpfs", List.of());
    assertThatThrownBy(() -> oshi.filesystem().usage(nowhere)).isInstanceOf(IOException.class);
  }

  @Test
  void disksHaveShortNamesAndCountersThatNeverDecrease() {
    assertThat(first.disks()).isNotEmpty();
    Map<String, DiskStats> before = byName(first.disks(), DiskStats::device);
    for (DiskStats after : second.disks()) {
      assertThat(after.device()).doesNotStartWith("/dev/").isNotBlank();
      assertThat(after.values().values()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0.0));
      DiskStats earlier = before.get(after.device());
      if (earlier != null) {
        for (DiskStats.Counter c : List.of(DiskStats.Counter.READS_COMPLETED, DiskStats.Counter.READ_BYTES,
            DiskStats.Counter.WRITES_COMPLETED, DiskStats.Counter.WRITTEN_BYTES)) {
          assertThat(after.values().get(c)).as("%s %s", after.device(), c)
              .isGreaterThanOrEqualTo(earlier.values().get(c));
        }
      }
      assertThat(oshi.disks().info(after).device()).isEqualTo(after.device());
    }
  }

  @Test
  void networkInterfacesIncludeLoopbackAndCountersNeverDecrease() {
    assertThat(first.netdev()).isNotEmpty();
    assertThat(first.netdev()).anySatisfy(n -> assertThat(n.device()).startsWith("lo"));
    Map<String, NetDevStats> before = byName(first.netdev(), NetDevStats::device);
    for (NetDevStats after : second.netdev()) {
      assertThat(after.counters().values()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0.0));
      NetDevStats earlier = before.get(after.device());
      if (earlier != null) {
        for (String c : List.of("receive_bytes", "receive_packets", "transmit_bytes", "transmit_packets")) {
          assertThat(after.counters().get(c)).as("%s %s", after.device(), c)
              .isGreaterThanOrEqualTo(earlier.counters().get(c));
        }
      }
    }
  }

  @Test
  void netclassAttributesHaveSysfsForms() throws IOException {
    List<NetClassDevice> devices = oshi.netclass().read();
    assertThat(devices).isNotEmpty();
    for (NetClassDevice d : devices) {
      assertThat(d.attributes().get("operstate")).isIn(OPERSTATES);
      if (d.attributes().containsKey("mtu")) {
        assertThat(Long.parseLong(d.attributes().get("mtu"))).isPositive();
      }
      if (d.attributes().containsKey("speed")) {
        assertThat(Long.parseLong(d.attributes().get("speed"))).isPositive();
      }
      if (d.attributes().containsKey("address")) {
        assertThat(d.attributes().get("address")).matches("[0-9a-f]{2}(:[0-9a-f]{2})+");
      }
    }
  }

  @Test
  void unameNamesTheKernelAndTheNode() throws IOException {
    Uname u = oshi.uname().read();
    assertThat(u.sysname()).isNotBlank();
    assertThat(u.release()).isNotBlank();
    assertThat(u.machine()).isNotBlank();
    assertThat(u.nodename()).isNotBlank().doesNotContain(".");
    assertThat(u.domainname()).isNotBlank();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void unameOnLinuxSaysLinux() throws IOException {
    assumeThat(PLATFORM.platform()).isEqualTo(PlatformEnum.LINUX);
    assertThat(oshi.uname().read().sysname()).isEqualTo("Linux");
  }

  @Test
  void osReleaseHasTheIdentifyingFields() throws IOException {
    OsRelease r = oshi.osRelease().read();
    assertThat(r.get("NAME")).isNotBlank();
    assertThat(r.get("ID")).isNotBlank().isLowerCase().doesNotContain(" ");
    assertThat(r.get("PRETTY_NAME")).startsWith(r.get("NAME"));
    assertThat(r.fields().values()).allSatisfy(v -> assertThat(v).isNotEmpty());
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a));
  }
}
